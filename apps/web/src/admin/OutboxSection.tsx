import { Alert, Stack, Text, Title } from '@mantine/core';
import { useFormatInstant } from '../account/instant.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { useOutbox } from './outbox-api.ts';

/**
 * « Courriels en attente »: how many e-mails wait in the outbox and since when, whether a sending
 * server is configured at all, and how many were given up. Counts only.
 */
export function OutboxSection() {
  const t = useT();
  const status = useOutbox();
  const formatInstant = useFormatInstant();
  return (
    <Stack component="section" gap="sm" aria-labelledby="admin-outbox">
      <Title order={2} id="admin-outbox">
        {t('admin.outbox')}
      </Title>
      {status.isPending ? (
        <Spinner />
      ) : status.isError ? (
        <ErrorAlert error={status.error} onRetry={() => status.refetch()} />
      ) : (
        <>
          <Text data-testid="outbox-pending">
            {t('admin.outbox.pending', {
              count: status.data.pending,
              since: status.data.oldestPendingAt ? formatInstant(status.data.oldestPendingAt) : '',
            })}
          </Text>
          {!status.data.configured && (
            <Alert color="orange" role="status">
              {t('admin.outbox.notConfigured')}
            </Alert>
          )}
          {status.data.failed > 0 && (
            <Alert color="red" role="alert">
              {t('admin.outbox.failed', { count: status.data.failed })}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
