import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useLogout, useSession } from '../auth/session.ts';
import { LOCALES, useLocale, useT } from '../i18n/index.ts';

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

  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

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
          <Menu.Item onClick={signOut} disabled={logout.isPending}>
            {t('shell.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
