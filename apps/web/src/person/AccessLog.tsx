import type { AccessEntry } from '@jobcoach/contract';
import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { formatInstant } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { ListState } from './ListState.tsx';
import { Panel } from './Panel.tsx';

/** « Qui a consulté ce dossier » : the audited reads and exports of the file (coordinators). */
export function AccessLog({ personId }: { personId: string }) {
  const t = useT();
  const log = useQuery({
    queryKey: ['person-access-log', personId],
    queryFn: () => api.get<AccessEntry[]>(`/api/persons/${encodeURIComponent(personId)}/access-log?limit=50`),
  });
  return (
    <Panel id="access-log" title={t('accessLog.title')} hint={t('accessLog.hint')}>
      <ListState query={log} empty={t('accessLog.empty')} />
      {log.data && log.data.length > 0 ? (
        <Table.ScrollContainer minWidth={420}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('accessLog.when')}</Table.Th>
                <Table.Th>{t('accessLog.who')}</Table.Th>
                <Table.Th>{t('accessLog.what')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.map((entry) => (
                <Table.Tr key={`${entry.at}-${entry.action}-${entry.actorName}`} data-testid="access-log-row">
                  <Table.Td>{formatInstant(entry.at)}</Table.Td>
                  <Table.Td>{entry.actorName ?? t('accessLog.unknown')}</Table.Td>
                  <Table.Td>
                    {entry.action === 'export' ? t('accessLog.export') : t('accessLog.read')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Panel>
  );
}
