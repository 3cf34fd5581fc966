import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { useOnline, useOutbox, useOutboxSender } from './hooks.ts';
import { discard, type OutboxItem } from './outbox.ts';

/**
 * Above every page: « Hors ligne » when the network is gone, the contacts waiting on the device,
 * and each contact the server refused, with its reason, until the coach copies or discards it.
 * Sends the waiting contacts whenever the network is there.
 */
export function OfflineStatus() {
  const t = useT();
  const online = useOnline();
  const items = useOutbox();
  useOutboxSender();
  const pending = items.filter((i) => !i.refused);
  const refused = items.filter((i) => i.refused);
  if (online && items.length === 0) return null;
  return (
    <Stack gap="xs" mb="md">
      {!online && (
        <Alert color="orange" title={t('offline.title')} data-testid="offline-banner">
          {t('offline.banner')}
        </Alert>
      )}
      {pending.length > 0 && (
        <Alert color="blue" data-testid="outbox-pending">
          {t('offline.pending', { count: pending.length })}
        </Alert>
      )}
      {refused.map((item) => (
        <Refused key={item.clientId} item={item} />
      ))}
    </Stack>
  );
}

function Refused({ item }: { item: OutboxItem }) {
  const t = useT();
  const text = [
    `${item.personName} — ${formatDay(item.body.date)} — ${t(`channel.${item.body.channel}`)}`,
    item.body.notes ?? '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <Alert
      color="red"
      title={t('offline.refusedTitle', { name: item.personName, date: formatDay(item.body.date) })}
      data-testid="outbox-refused"
    >
      <Stack gap="xs">
        <Text size="sm">
          {t('offline.refused', { reason: item.refused?.message || String(item.refused?.status) })}
        </Text>
        {item.body.notes && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {item.body.notes}
          </Text>
        )}
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => void navigator.clipboard?.writeText(text)}>
            {t('offline.copy')}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={() => void discard(item.clientId)}>
            {t('offline.discard')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
