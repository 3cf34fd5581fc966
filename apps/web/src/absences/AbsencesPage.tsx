import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { isCoordinator } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { AbsenceForm } from './AbsenceForm.tsx';
import { useAbsences, useDeleteAbsence } from './absences-api.ts';

/**
 * « Absences et remplacements » (method.md §5: continuity matters). While a coach is away, the
 * colleague who covers sees their persons in « Ma journée ».
 */
export function AbsencesPage() {
  const t = useT();
  const me = useSession();
  const absences = useAbsences();
  const remove = useDeleteAbsence();
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Stack gap="md">
      <PageHeading>{t('absence.title')}</PageHeading>
      <Text maw={880}>{t('absence.intro')}</Text>
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
      <AbsenceForm onDone={setNotice} />
      <Stack component="section" gap="xs" aria-labelledby="absence-list">
        <Title order={2} size="h3" id="absence-list">
          {t('absence.list')}
        </Title>
        <ErrorAlert error={remove.error} />
        {absences.isPending ? (
          <Spinner />
        ) : absences.error ? (
          <ErrorAlert error={absences.error} onRetry={() => absences.refetch()} />
        ) : absences.data.length === 0 ? (
          <Text c="dimmed">{t('absence.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="sm" data-testid="absences-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('absence.col.coach')}</Table.Th>
                  <Table.Th>{t('absence.col.from')}</Table.Th>
                  <Table.Th>{t('absence.col.to')}</Table.Th>
                  <Table.Th>{t('absence.col.cover')}</Table.Th>
                  <Table.Th>{t('team.col.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {absences.data.map((absence) => (
                  <Table.Tr key={absence.id}>
                    <Table.Td>{absence.coachName}</Table.Td>
                    <Table.Td>{formatDay(absence.from)}</Table.Td>
                    <Table.Td>{formatDay(absence.to)}</Table.Td>
                    <Table.Td>{absence.coverCoachName}</Table.Td>
                    <Table.Td>
                      {(isCoordinator(me) || absence.coachId === me.user.id) && (
                        <Button
                          size="xs"
                          variant="default"
                          loading={remove.isPending && remove.variables === absence.id}
                          aria-label={t('absence.deleteLabel', {
                            name: absence.coachName,
                            from: formatDay(absence.from),
                          })}
                          onClick={() =>
                            remove.mutate(absence.id, { onSuccess: () => setNotice(t('absence.deleted')) })
                          }
                        >
                          {t('absence.delete')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}
