import type { Organisation } from '@jobcoach/contract';
import { formatBce } from '@jobcoach/domain';
import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { useOrganisations } from '../organisations/organisations-api.ts';
import { Spinner } from '../shell/Loading.tsx';
import { OrganisationModal } from './OrganisationModal.tsx';

export function OrganisationsSection() {
  const t = useT();
  const organisations = useOrganisations();
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Stack component="section" gap="sm" aria-labelledby="admin-organisations">
      <Group justify="space-between">
        <Title order={2} id="admin-organisations">
          {t('admin.organisations')}
        </Title>
        <Button onClick={() => setEditing('new')}>{t('admin.org.add')}</Button>
      </Group>
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
      {organisations.isPending ? (
        <Spinner />
      ) : organisations.error ? (
        <ErrorAlert error={organisations.error} onRetry={() => organisations.refetch()} />
      ) : organisations.data.length === 0 ? (
        <Text>{t('admin.org.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.org.col.name')}</Table.Th>
                <Table.Th>{t('admin.org.col.kind')}</Table.Th>
                <Table.Th>{t('admin.org.col.basin')}</Table.Th>
                <Table.Th>{t('admin.org.col.address')}</Table.Th>
                <Table.Th>{t('admin.org.col.bce')}</Table.Th>
                <Table.Th>{t('admin.org.col.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {organisations.data.map((organisation) => (
                <Table.Tr key={organisation.id}>
                  <Table.Td>{organisation.name}</Table.Td>
                  <Table.Td>{t(`kind.${organisation.kind}`)}</Table.Td>
                  <Table.Td>{organisation.basinName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{organisation.address ?? '—'}</Table.Td>
                  <Table.Td>{organisation.bce ? formatBce(organisation.bce) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('admin.org.editLabel', { name: organisation.name })}
                        onClick={() => setEditing(organisation)}
                      >
                        {t('admin.org.edit')}
                      </Button>
                      <Anchor
                        component={Link}
                        to={`/team?organisation=${encodeURIComponent(organisation.id)}`}
                        size="sm"
                        aria-label={t('admin.org.teamLabel', { name: organisation.name })}
                      >
                        {t('admin.org.team')}
                      </Anchor>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <OrganisationModal
          organisation={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(organisation) => {
            setEditing(null);
            setNotice(t('admin.org.saved', { name: organisation.name }));
          }}
        />
      )}
    </Stack>
  );
}
