import type { AccountSession } from '@jobcoach/contract';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { useEndSession, useSessions } from './account-api.ts';
import { SessionsTable } from './SessionsTable.tsx';

/** « Sessions ouvertes »: where the account is signed in; any other one can be closed. */
export function SessionsSection() {
  const t = useT();
  const sessions = useSessions();
  const end = useEndSession();
  const [closed, setClosed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const close = (session: AccountSession) => {
    setClosed(false);
    end.mutate(session.id, {
      onSuccess: () => {
        flushSync(() => setClosed(true));
        heading.current?.focus();
      },
    });
  };

  return (
    <Stack component="section" gap="sm" aria-labelledby="account-sessions">
      <Title order={2} id="account-sessions" ref={heading} tabIndex={-1}>
        {t('account.sessions.title')}
      </Title>
      <Text>{t('account.sessions.intro')}</Text>
      {closed && (
        <Alert color="green" role="status" data-testid="session-closed">
          {t('account.sessions.closed')}
        </Alert>
      )}
      <ErrorAlert error={end.error} />
      {sessions.isPending ? (
        <Spinner />
      ) : sessions.error ? (
        <ErrorAlert error={sessions.error} onRetry={() => sessions.refetch()} />
      ) : (
        <SessionsTable
          sessions={sessions.data}
          closing={end.isPending ? end.variables : undefined}
          onClose={close}
        />
      )}
    </Stack>
  );
}
