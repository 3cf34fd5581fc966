import type { PersonSummary } from '@jobcoach/contract';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { PhaseBadge } from './PhaseBadge.tsx';

export function PeopleTable({ persons }: { persons: PersonSummary[] }) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="sm" captionSide="top" data-testid="people-table">
        <Table.Caption>{t('people.caption', { count: persons.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('people.col.name')}</Table.Th>
            <Table.Th>{t('people.col.phase')}</Table.Th>
            <Table.Th>{t('people.col.decision')}</Table.Th>
            <Table.Th>{t('people.col.coach')}</Table.Th>
            <Table.Th>{t('people.col.nextDue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {persons.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td>
                <Anchor component={Link} to={`/people/${person.id}`} fw={600}>
                  {person.lastName.toLocaleUpperCase('fr')} {person.firstName}
                </Anchor>
                {(person.phone || person.nissMasked) && (
                  <Text size="xs" c="dimmed">
                    {[person.phone, person.nissMasked].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <PhaseBadge phase={person.phase} />
              </Table.Td>
              <Table.Td>
                {person.decision ? t(`decision.${person.decision}`) : t('people.noDecisionYet')}
                {person.decision === 'postponed' && person.reviewDate && (
                  <Text size="xs" c="dimmed">
                    {t('people.reviewOn', { date: formatDay(person.reviewDate) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{person.coachName ?? t('people.noCoach')}</Table.Td>
              <Table.Td>
                {person.overdue ? (
                  <Group gap={6}>
                    <Badge color="red" variant="filled" data-testid="overdue-badge">
                      {t('people.overdue')}
                    </Badge>
                    <Text size="sm">{t('people.dueSince', { date: formatDay(person.nextDue) })}</Text>
                  </Group>
                ) : person.nextDue ? (
                  formatDay(person.nextDue)
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('people.noCadence')}
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
