import type { TotpSetup } from '@jobcoach/contract';
import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useSession } from '../auth/session.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { useStartTotp } from './account-api.ts';
import { DisableTotpForm } from './DisableTotpForm.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';

/** « Double authentification »: its state; switch it on (secret, first code) or off (password). */
export function TotpSection() {
  const t = useT();
  const me = useSession();
  const enabled = me.user.totpEnabled;
  const start = useStartTotp();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [notice, setNotice] = useState<'enabled' | 'disabled' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const disableButton = useRef<HTMLButtonElement>(null);

  // The part the focus was on goes away: the focus goes to the section's heading, or back.
  const finish = (next: 'enabled' | 'disabled' | null) => {
    flushSync(() => {
      setSetup(null);
      setDisabling(false);
      setNotice(next);
    });
    heading.current?.focus();
  };
  const cancelDisabling = () => {
    flushSync(() => setDisabling(false));
    disableButton.current?.focus();
  };

  return (
    <Stack component="section" gap="sm" aria-labelledby="account-totp">
      <Title order={2} id="account-totp" ref={heading} tabIndex={-1}>
        {t('account.totp.title')}
      </Title>
      <Text>{t('account.totp.intro')}</Text>
      <Group gap="xs">
        <Text fw={600}>{t('account.totp.status')}</Text>
        <Badge color={enabled ? 'green' : 'gray'} variant="light" data-testid="totp-status">
          {t(enabled ? 'account.totp.on' : 'account.totp.off')}
        </Badge>
      </Group>
      {notice && (
        <Alert color="green" role="status" data-testid="totp-notice">
          {t(notice === 'enabled' ? 'account.totp.enabled' : 'account.totp.disabled')}
        </Alert>
      )}
      {/* The forms stay until they finish, though the session already says the new state. */}
      {setup ? (
        <TotpEnrolment setup={setup} onCancel={() => finish(null)} onEnabled={() => finish('enabled')} />
      ) : disabling ? (
        <DisableTotpForm onCancel={cancelDisabling} onDisabled={() => finish('disabled')} />
      ) : enabled ? (
        <Group>
          <Button
            ref={disableButton}
            variant="default"
            onClick={() => {
              setNotice(null);
              setDisabling(true);
            }}
          >
            {t('account.totp.disable')}
          </Button>
        </Group>
      ) : (
        <>
          <ErrorAlert error={start.error} />
          <Group>
            <Button
              loading={start.isPending}
              onClick={() => {
                setNotice(null);
                start.mutate(undefined, { onSuccess: setSetup });
              }}
            >
              {t('account.totp.enable')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
