import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useFormatInstant } from '../account/instant.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { useBackups, useTakeBackup } from './backups-api.ts';

/** 5 123 456 → « 4,9 Mo » (binary multiples, as the file manager shows them). */
function useFormatSize(): (bytes: number) => string {
  const intl = useIntl();
  const t = useT();
  return (bytes) => {
    const units = [
      'admin.backup.unit.b',
      'admin.backup.unit.kb',
      'admin.backup.unit.mb',
      'admin.backup.unit.gb',
    ] as const;
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return t(units[unit]!, {
      value: intl.formatNumber(value, { maximumFractionDigits: unit === 0 ? 0 : 1 }),
    });
  };
}

/**
 * « Sauvegardes »: the last backup of the embedded database (date and size), how many are kept,
 * the last failure if any, and a backup on demand. A PostgreSQL installation is backed up by
 * whoever runs PostgreSQL: the section says so.
 */
export function BackupsSection() {
  const t = useT();
  const status = useBackups();
  const take = useTakeBackup();
  const formatInstant = useFormatInstant();
  const formatSize = useFormatSize();
  const [notice, setNotice] = useState<string | null>(null);

  const backupNow = () => {
    setNotice(null);
    take.mutate(undefined, {
      onSuccess: (file) => setNotice(t('admin.backup.done', { size: formatSize(file.bytes) })),
    });
  };

  return (
    <Stack component="section" gap="sm" aria-labelledby="admin-backups">
      <Title order={2} id="admin-backups">
        {t('admin.backups')}
      </Title>
      {status.isPending ? (
        <Spinner />
      ) : status.isError ? (
        <ErrorAlert error={status.error} onRetry={() => status.refetch()} />
      ) : !status.data.scheduled ? (
        <Text>{t('admin.backup.postgres')}</Text>
      ) : (
        <>
          {status.data.last ? (
            <Text data-testid="last-backup">
              {t('admin.backup.last', {
                when: formatInstant(status.data.last.takenAt),
                size: formatSize(status.data.last.bytes),
              })}
            </Text>
          ) : (
            <Alert color="orange" role="status">
              {t('admin.backup.none')}
            </Alert>
          )}
          <Text size="sm">
            {t('admin.backup.schedule', {
              directory: status.data.directory ?? '',
              keep: status.data.keep,
              count: status.data.count,
            })}
          </Text>
          {status.data.lastError && (
            <Alert color="red" role="alert" title={t('admin.backup.failedTitle')}>
              {t('admin.backup.failed', {
                when: formatInstant(status.data.lastError.at),
                message: status.data.lastError.message,
              })}
            </Alert>
          )}
          <div>
            <Button onClick={backupNow} loading={take.isPending}>
              {t('admin.backup.now')}
            </Button>
          </div>
          <ErrorAlert error={take.error} />
          {notice && (
            <Alert
              color="green"
              role="status"
              withCloseButton
              closeButtonLabel={t('common.close')}
              onClose={() => setNotice(null)}
            >
              {notice}
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}
