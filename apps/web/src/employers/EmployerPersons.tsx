import type { EmployerPerson } from '@jobcoach/contract';
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Panel } from '../person/Panel.tsx';
import { Spinner } from '../shell/Loading.tsx';
import { useEmployerPersons } from './employers-api.ts';

/**
 * « Vos personnes chez cet employeur » on the employer page: the organisation's persons (those the
 * caller reaches) with a contract running there today. A discreet follow-up is shown to the
 * organisation's own staff with a warning: the employer must hear nothing of it.
 */
export function EmployerPersons({ employerId }: { employerId: string }) {
  const t = useT();
  const persons = useEmployerPersons(employerId);
  return (
    <Panel id="employer-persons" title={t('employer.persons.title')}>
      {persons.isPending ? (
        <Spinner />
      ) : persons.error ? (
        <ErrorAlert error={persons.error} onRetry={() => persons.refetch()} />
      ) : persons.data.length === 0 ? (
        <Text c="dimmed" data-testid="employer-persons-none">
          {t('employer.persons.none')}
        </Text>
      ) : (
        <EmployerPersonsTable persons={persons.data} links />
      )}
    </Panel>
  );
}

/** The table, on the page (names link to the files) and on the printed sheet. */
export function EmployerPersonsTable({ persons, links }: { persons: EmployerPerson[]; links: boolean }) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="employer-persons-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('employer.persons.col.person')}</Table.Th>
            <Table.Th scope="col">{t('employer.persons.col.contract')}</Table.Th>
            <Table.Th scope="col">{t('employer.persons.col.followUp')}</Table.Th>
            <Table.Th scope="col">{t('employer.persons.col.next')}</Table.Th>
            <Table.Th scope="col">{t('employer.persons.col.reference')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {persons.map((p) => {
            const name = `${p.firstName} ${p.lastName}`;
            return (
              <Table.Tr key={p.contract.id} data-testid="employer-person" data-discreet={p.discreet}>
                <Table.Td>
                  {links ? (
                    <Anchor component={Link} to={`/people/${p.personId}`} fw={600}>
                      {name}
                    </Anchor>
                  ) : (
                    <Text fw={600} size="sm">
                      {name}
                    </Text>
                  )}
                  {p.coachName && (
                    <Text size="xs" c="dimmed">
                      {t('person.coach', { name: p.coachName })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {t(`contracts.type.${p.contract.type}`)} — {p.contract.jobTitle}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.contract.plannedEndOn
                      ? t('employer.persons.fromTo', {
                          from: formatDay(p.contract.startOn),
                          to: formatDay(p.contract.plannedEndOn),
                        })
                      : t('employer.persons.since', { from: formatDay(p.contract.startOn) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Text size="sm">
                      {p.followUpMode
                        ? t(`contracts.mode.${p.followUpMode}`)
                        : t('employer.persons.noArrangement')}
                    </Text>
                    {p.discreet && (
                      <Badge color="red" variant="light" data-testid="employer-person-discreet">
                        {t('employer.persons.discreet')}
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {p.nextContactOn ? (
                    <Text size="sm" c={p.overdue ? 'red.9' : undefined} fw={p.overdue ? 700 : undefined}>
                      {formatDay(p.nextContactOn)}
                      {p.overdue ? ` — ${t('employer.persons.overdue')}` : ''}
                    </Text>
                  ) : (
                    <Text size="sm">—</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {p.reference ? (
                    <>
                      <Text size="sm">
                        {p.reference.name}
                        {p.reference.role ? ` (${p.reference.role})` : ''}
                      </Text>
                      {p.reference.phone && (
                        <Anchor size="sm" href={`tel:${p.reference.phone.replace(/[^\d+]/g, '')}`}>
                          {p.reference.phone}
                        </Anchor>
                      )}
                    </>
                  ) : (
                    <Text size="sm">—</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
