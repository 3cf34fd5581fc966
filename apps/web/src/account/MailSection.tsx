import type { MailPreferences } from '@jobcoach/contract';
import { NativeSelect, Stack, Switch, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { useMailPreferences, useUpdateMailPreferences } from './account-api.ts';

/**
 * « Courriels »: the morning digest of « Ma journée » (each working morning, names and links
 * only), off unless turned on here, and the language of the messages the account receives.
 */
export function MailSection() {
  const t = useT();
  const preferences = useMailPreferences();
  const update = useUpdateMailPreferences();
  const current = preferences.data;
  return (
    <Stack component="section" gap="sm" aria-labelledby="account-mail">
      <Title order={2} id="account-mail">
        {t('account.mail.title')}
      </Title>
      {!current ? (
        <Spinner />
      ) : (
        <>
          <Switch
            checked={current.morningDigest}
            onChange={(event) => update.mutate({ morningDigest: event.currentTarget.checked })}
            label={t('account.mail.digest')}
            description={t('account.mail.digestHint')}
            disabled={update.isPending}
          />
          <NativeSelect
            label={t('account.mail.language')}
            value={current.language}
            onChange={(event) =>
              update.mutate({ language: event.currentTarget.value as MailPreferences['language'] })
            }
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'nl', label: 'Nederlands' },
              { value: 'de', label: 'Deutsch' },
              { value: 'en', label: 'English' },
            ]}
            maw={320}
            disabled={update.isPending}
          />
          <Text size="sm" c="dimmed">
            {t('account.mail.languageHint')}
          </Text>
        </>
      )}
      <ErrorAlert error={update.error ?? preferences.error} />
    </Stack>
  );
}
