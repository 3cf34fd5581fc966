import type { EmployerFile, EmployerPerson } from '@jobcoach/contract';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { NotFound } from '../shell/Notice.tsx';
import { EmployerPersonsTable } from './EmployerPersons.tsx';
import { useEmployer, useEmployerPersons } from './employers-api.ts';
import { addressLine, mapUrl } from './map-link.ts';
import './print.css';

/**
 * The employer visit sheet to print (or save as PDF): the employer, its address and map link, its
 * reference person, and the organisation's persons working there. A person followed discreetly is
 * left off the paper, which may be seen on the employer's premises; the sheet says how many were.
 */
export function EmployerPrintPage() {
  const { id = '' } = useParams();
  const employer = useEmployer(id);
  const persons = useEmployerPersons(id);
  if (employer.isPending || persons.isPending) return <Spinner />;
  if (employer.error) {
    if (employer.error instanceof ApiError && employer.error.status === 404) return <NotFound />;
    return <ErrorAlert error={employer.error} onRetry={() => employer.refetch()} />;
  }
  if (persons.error) return <ErrorAlert error={persons.error} onRetry={() => persons.refetch()} />;
  return <VisitSheet employer={employer.data} persons={persons.data} />;
}

function VisitSheet({ employer, persons }: { employer: EmployerFile; persons: EmployerPerson[] }) {
  const t = useT();
  const line = addressLine(employer);
  const printed = persons.filter((p) => !p.discreet);
  const left = persons.length - printed.length;
  return (
    <Stack gap="sm" className="print-sheet" data-testid="visit-sheet">
      <Group justify="space-between" className="no-print">
        <Anchor component={Link} to={`/employers/${employer.id}`} size="sm">
          {t('employer.print.back')}
        </Anchor>
        <Button onClick={() => window.print()}>{t('employer.print.print')}</Button>
      </Group>
      <Title order={1} size="h2">
        {t('employer.print.title', { name: employer.name })}
      </Title>
      {line && (
        <Text>
          {line} —{' '}
          <Anchor href={mapUrl(line)} target="_blank" rel="noopener noreferrer" data-testid="visit-sheet-map">
            {t('employer.map')}
          </Anchor>
        </Text>
      )}
      {employer.reference && (
        <Text>
          {t('employer.print.reference', {
            name: employer.reference.name + (employer.reference.role ? ` (${employer.reference.role})` : ''),
          })}
          {employer.reference.phone ? ` — ${employer.reference.phone}` : ''}
          {employer.reference.email ? ` — ${employer.reference.email}` : ''}
        </Text>
      )}
      <Title order={2} size="h4" mt="sm">
        {t('employer.persons.title')}
      </Title>
      {printed.length === 0 ? (
        <Text>{t('employer.persons.none')}</Text>
      ) : (
        <EmployerPersonsTable persons={printed} links={false} />
      )}
      {left > 0 && (
        <Text size="sm" fs="italic" data-testid="visit-sheet-discreet">
          {t('employer.print.discreetLeftOut', { count: left })}
        </Text>
      )}
    </Stack>
  );
}
