import { Alert, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { useHistoryImports, useUndoHistoryImport } from './history-api.ts';

/**
 * The imports written in the last weeks: each can be undone within 30 days while nothing recorded
 * since depends on its rows; otherwise the list says what prevents it.
 */
export function RecentImports() {
  const t = useT();
  const imports = useHistoryImports();
  const undo = useUndoHistoryImport();
  const [confirming, setConfirming] = useState<string | null>(null);
  if (imports.isPending) return <Spinner />;
  if (imports.error) return <ErrorAlert error={imports.error} onRetry={() => imports.refetch()} />;
  if (imports.data.length === 0) return null;
  return (
    <Stack component="section" gap="xs" aria-labelledby="history-recent-title" data-testid="history-recent">
      <Title order={2} size="h3" id="history-recent-title">
        {t('history.recent.title')}
      </Title>
      <Text size="sm">{t('history.recent.intro')}</Text>
      {undo.isSuccess && (
        <Alert color="green" role="status" data-testid="history-undone">
          {t('history.recent.undone')}
        </Alert>
      )}
      <ErrorAlert error={undo.error} />
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={4} striped data-testid="history-recent-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.recent.when')}</Table.Th>
              <Table.Th>{t('history.recent.who')}</Table.Th>
              <Table.Th>{t('history.recent.files')}</Table.Th>
              <Table.Th ta="right">{t('history.recent.created')}</Table.Th>
              <Table.Th>{t('history.recent.undo')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imports.data.map((job) => (
              <Table.Tr key={job.id} data-testid="history-recent-row" data-job={job.id}>
                <Table.Td>{formatDay(job.finishedAt ?? job.createdAt)}</Table.Td>
                <Table.Td>{job.createdBy ?? '—'}</Table.Td>
                <Table.Td>
                  {job.files
                    .filter((f) => f.rows > 0)
                    .map((f) => f.file)
                    .join(', ')}
                </Table.Td>
                <Table.Td ta="right">{job.created}</Table.Td>
                <Table.Td>
                  {job.undoneAt ? (
                    <Text size="sm">{t('history.recent.undoneOn', { date: formatDay(job.undoneAt) })}</Text>
                  ) : job.undo.possible ? (
                    confirming === job.id ? (
                      <Group gap="xs">
                        <Text size="sm">{t('history.recent.confirm')}</Text>
                        <Button
                          size="xs"
                          color="red"
                          loading={undo.isPending}
                          onClick={() => undo.mutate(job.id, { onSettled: () => setConfirming(null) })}
                          data-testid="history-undo-confirm"
                        >
                          {t('history.recent.confirmYes')}
                        </Button>
                        <Button size="xs" variant="default" onClick={() => setConfirming(null)}>
                          {t('common.cancel')}
                        </Button>
                      </Group>
                    ) : (
                      <Stack gap={2}>
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          onClick={() => setConfirming(job.id)}
                          data-testid="history-undo"
                        >
                          {t('history.recent.undoButton')}
                        </Button>
                        {job.undo.until && (
                          <Text size="xs" c="dimmed">
                            {t('history.recent.until', { date: formatDay(job.undo.until) })}
                          </Text>
                        )}
                      </Stack>
                    )
                  ) : (
                    <List size="xs" data-testid="history-undo-blockers">
                      {job.undo.blockers.map((b) => (
                        <List.Item key={b}>{b}</List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
