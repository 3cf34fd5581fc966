import type { EmployerSummary } from '@jobcoach/contract';
import { formatBce } from '@jobcoach/domain';
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { EmployerStatusBadge } from './EmployerStatusBadge.tsx';
import { naceLabel } from './sector.ts';

export function EmployersTable({ employers }: { employers: EmployerSummary[] }) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="sm" captionSide="top" data-testid="employers-table">
        <Table.Caption>{t('employers.caption', { count: employers.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('employers.col.name')}</Table.Th>
            <Table.Th>{t('employers.col.commune')}</Table.Th>
            <Table.Th>{t('employers.col.sector')}</Table.Th>
            <Table.Th>{t('employers.col.status')}</Table.Th>
            <Table.Th>{t('employers.col.lastContact')}</Table.Th>
            <Table.Th>{t('employers.col.basin')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {employers.map((employer) => (
            <Table.Tr key={employer.id} data-testid="employer-row">
              <Table.Td>
                <Anchor component={Link} to={`/employers/${employer.id}`} fw={600}>
                  {employer.name}
                </Anchor>
                {employer.bce && (
                  <Text size="xs" c="dimmed">
                    {t('employers.bceShort', { bce: formatBce(employer.bce) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{[employer.postcode, employer.commune].filter(Boolean).join(' ')}</Table.Td>
              <Table.Td>
                {naceLabel(employer.naceCode, t) && <Text size="sm">{naceLabel(employer.naceCode, t)}</Text>}
                <Text size="xs" c="dimmed">
                  {t(`employerSector.${employer.sector}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <EmployerStatusBadge status={employer.status} />
              </Table.Td>
              <Table.Td>
                {employer.lastOwnContact ? (
                  formatDay(employer.lastOwnContact)
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('employers.noContact')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {employer.followedBy.length > 0 && (
                  <Badge
                    variant="light"
                    color="orange"
                    h="auto"
                    py={4}
                    styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
                    data-testid="followed-by"
                  >
                    {t('employers.followedBy', { names: employer.followedBy.join(', ') })}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
