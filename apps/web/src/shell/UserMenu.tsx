import { Avatar, Button, Group, Menu, Modal, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useLogout, useSession } from '../auth/session.ts';
import { LOCALES, useLocale, useT } from '../i18n/index.ts';
import { useOutbox } from '../offline/hooks.ts';

/**
 * The user's name and a menu: change password, account security, language, sign out. The button
 * shows icons only, so that its accessible name « Menu utilisateur » is all the text it has.
 */
export function UserMenu() {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  const { locale, setLocale } = useLocale();

  const waiting = useOutbox().length;
  const [confirming, setConfirming] = useState(false);

  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  // Contacts logged offline and not sent yet are encrypted with the session's key: logging out
  // loses them, so it is asked first.
  const askSignOut = () => (waiting > 0 ? setConfirming(true) : signOut());

  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" visibleFrom="sm" truncate maw={220}>
        {me.user.name}
      </Text>
      <Menu position="bottom-end" width={240} withinPortal={false} withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <UnstyledButton aria-label={t('shell.userMenu')} p={2}>
            <Group gap={4} wrap="nowrap">
              <Avatar radius="xl" color="blue" aria-hidden="true" />
              <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
                <path d="M2 4l4 4 4-4" stroke="currentColor" strokeWidth="1.5" fill="none" />
              </svg>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{me.user.name}</Menu.Label>
          <Menu.Item onClick={() => navigate('/password')}>{t('shell.changePassword')}</Menu.Item>
          <Menu.Item onClick={() => navigate('/account')}>{t('shell.account')}</Menu.Item>
          {me.invitations.length > 0 && (
            <Menu.Item onClick={() => navigate('/invitations')}>
              {t('shell.invitations', { count: me.invitations.length })}
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Label>{t('shell.language')}</Menu.Label>
          {LOCALES.map((option) => (
            <Menu.Item
              key={option}
              lang={option}
              onClick={() => setLocale(option)}
              rightSection={option === locale ? <span aria-hidden="true">✓</span> : null}
            >
              {t(`language.${option}`)}
              {option === locale && <VisuallyHidden> {t('shell.languageCurrent')}</VisuallyHidden>}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={askSignOut} disabled={logout.isPending}>
            {t('shell.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('shell.logoutPending.title')}>
        <Text size="sm" mb="md">
          {t('shell.logoutPending.body', { count: waiting })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
            {t('shell.logoutPending.stay')}
          </Button>
          <Button color="red" onClick={signOut} loading={logout.isPending}>
            {t('shell.logoutPending.confirm')}
          </Button>
        </Group>
      </Modal>
    </Group>
  );
}
