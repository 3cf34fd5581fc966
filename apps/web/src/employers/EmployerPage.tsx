import type { EmployerFile } from '@jobcoach/contract';
import { formatBce } from '@jobcoach/domain';
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { NotFound } from '../shell/Notice.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { BasinActivityPanel } from './BasinActivityPanel.tsx';
import { EmployerContactModal } from './EmployerContactModal.tsx';
import { EmployerContacts } from './EmployerContacts.tsx';
import { EmployerEditForm } from './EmployerEditForm.tsx';
import { EmployerIdentity, EmployerNotes } from './EmployerIdentity.tsx';
import { EmployerPersons } from './EmployerPersons.tsx';
import { EmployerStatusBadge } from './EmployerStatusBadge.tsx';
import { EmployerVacancies } from './EmployerVacancies.tsx';
import { useEmployer } from './employers-api.ts';
import { addressLine, mapUrl } from './map-link.ts';

/** An employer's file: facts shared by the basin, then what stays with the organisation. */
export function EmployerPage() {
  const { id = '' } = useParams();
  const employer = useEmployer(id);
  if (employer.isPending) return <Spinner />;
  if (employer.error) {
    if (employer.error instanceof ApiError && employer.error.status === 404) return <NotFound />;
    return <ErrorAlert error={employer.error} onRetry={() => employer.refetch()} />;
  }
  return <EmployerView employer={employer.data} />;
}

function EmployerView({ employer }: { employer: EmployerFile }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [contact, setContact] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const line = addressLine(employer);

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start">
          <PageHeading>{employer.name}</PageHeading>
          <Group gap="sm">
            <Button onClick={() => setContact(true)}>{t('employer.contact.add')}</Button>
            <Button component={Link} to={`/offers/new?employerId=${employer.id}`} variant="default">
              {t('vacancies.new')}
            </Button>
            <Button component={Link} to={`/employers/${employer.id}/print`} variant="default">
              {t('employer.print.open')}
            </Button>
          </Group>
        </Group>
        <Group gap="md">
          <EmployerStatusBadge status={employer.status} size="lg" />
          {employer.bce && <Text>{t('employers.bceShort', { bce: formatBce(employer.bce) })}</Text>}
          {employer.commune && <Text>{[employer.postcode, employer.commune].filter(Boolean).join(' ')}</Text>}
          {line && (
            <Anchor href={mapUrl(line)} target="_blank" rel="noopener noreferrer" data-testid="employer-map">
              {t('employer.map')}
            </Anchor>
          )}
          <Anchor component={Link} to="/employers" size="sm">
            {t('employer.backToList')}
          </Anchor>
        </Group>
      </Stack>
      {notice && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNotice(null)}
          data-testid="employer-notice"
        >
          {notice}
        </Alert>
      )}
      {editing ? (
        <EmployerEditForm
          employer={employer}
          onDone={(saved) => {
            setEditing(false);
            if (saved) setNotice(t('employer.saved'));
          }}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <EmployerIdentity employer={employer} onEdit={() => setEditing(true)} />
          <Stack gap="md">
            <BasinActivityPanel employer={employer} />
            <EmployerNotes employer={employer} onEdit={() => setEditing(true)} />
          </Stack>
        </SimpleGrid>
      )}
      <EmployerPersons employerId={employer.id} />
      <EmployerContacts employer={employer} onAdd={() => setContact(true)} />
      <EmployerVacancies employer={employer} />
      {contact && (
        <EmployerContactModal
          employer={employer}
          onClose={() => setContact(false)}
          onSaved={(date) => {
            setContact(false);
            setNotice(t('contact.saved', { date: formatDay(date) }));
          }}
        />
      )}
    </Stack>
  );
}
