import type { VacancySummary } from '@jobcoach/contract';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { contractText } from './contract.ts';
import { VacancyStatusBadge } from './VacancyStatusBadge.tsx';

/** The portfolio: title (objectified or not), employer, contract, status, openings, source. */
export function VacanciesTable({
  vacancies,
  showEmployer = true,
}: {
  vacancies: VacancySummary[];
  showEmployer?: boolean;
}) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={showEmployer ? 860 : 680}>
      <Table striped verticalSpacing="sm" captionSide="top" data-testid="vacancies-table">
        <Table.Caption>{t('vacancies.caption', { count: vacancies.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('vacancies.col.title')}</Table.Th>
            {showEmployer && <Table.Th>{t('vacancies.col.employer')}</Table.Th>}
            <Table.Th>{t('vacancies.col.contract')}</Table.Th>
            <Table.Th>{t('vacancies.col.status')}</Table.Th>
            <Table.Th>{t('vacancies.col.openings')}</Table.Th>
            <Table.Th>{t('vacancies.col.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {vacancies.map((v) => (
            <Table.Tr key={v.id} data-testid="vacancy-row">
              <Table.Td>
                <Anchor component={Link} to={`/offers/${v.id}`} fw={600}>
                  {v.title}
                </Anchor>
                <Group gap={6} mt={2}>
                  {v.objectified && (
                    <Badge size="sm" variant="light" color="teal" data-testid="objectified-badge">
                      {t('vacancy.objectifiedBadge')}
                    </Badge>
                  )}
                  {v.commune && (
                    <Text size="xs" c="dimmed">
                      {v.commune}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              {showEmployer && (
                <Table.Td>
                  <Anchor component={Link} to={`/employers/${v.employerId}`}>
                    {v.employerName}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>{contractText(v, t)}</Table.Td>
              <Table.Td>
                <VacancyStatusBadge status={v.status} />
                <Text size="xs" c="dimmed">
                  {v.closedOn
                    ? t('vacancy.closedOn', { date: formatDay(v.closedOn) })
                    : t('vacancy.openedOn', { date: formatDay(v.openedOn) })}
                </Text>
              </Table.Td>
              <Table.Td>
                {t('vacancies.openings', { count: v.openings })}
                {v.activePresentations > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('vacancies.inProgress', { count: v.activePresentations })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {t(`vacancySource.${v.source}`)}
                {v.sourceRef && (
                  <Text size="xs" c="dimmed">
                    {v.sourceRef}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
