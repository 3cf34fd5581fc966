import type { ContractView, EmploymentPeriod, PersonFile } from '@jobcoach/contract';
import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { AddPeriodModal, RemovePeriodModal } from '../person/EmploymentPeriods.tsx';
import { Panel } from '../person/Panel.tsx';
import { ArrangementModal } from './ArrangementModal.tsx';
import { CancelContractModal } from './CancelContractModal.tsx';
import { ContractModal } from './ContractModal.tsx';
import { CorrectContractModal } from './CorrectContractModal.tsx';
import { endLetterUrl, useStartFollowUp } from './contracts-api.ts';
import { EndContractModal } from './EndContractModal.tsx';

type Dialog =
  | { kind: 'add' | 'addPast' }
  | { kind: 'end' | 'follow' | 'correct' | 'cancel'; contract: ContractView }
  | { kind: 'removePast'; period: EmploymentPeriod }
  | null;

/**
 * « Parcours professionnel » (method.md §4–§6), one section for every job: the contracts recorded
 * with their planned and actual ends, the warning before a fixed-term contract ends and the
 * follow-up arrangement of each, then every job, contracts and jobs entered by hand together, as
 * the clock reads them (a CDD suspends the 24 months whichever way it was entered); and the
 * end-of-coaching letter once the person left with a consolidated insertion.
 */
export function ContractsSection({ person }: { person: PersonFile }) {
  const t = useT();
  const contracts = person.contracts;
  const history = person.employmentHistory;
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const exited = person.phase === 'exited';
  const hasEndLetter =
    exited &&
    person.timeline.some((entry) => entry.type === 'document' && entry.params.documentKind === 'end_letter');

  return (
    <Panel id="contracts-section" title={t('career.title')}>
      <Stack gap="sm">
        {person.followUp && (
          <Text data-testid="follow-up-period">
            {t('contracts.followUpPeriod', {
              start: formatDay(person.followUp.start),
              end: formatDay(person.followUp.end),
              days: person.followUp.daysLeft,
            })}
          </Text>
        )}
        {contracts.length === 0 ? (
          <Text c="dimmed">{t('contracts.none')}</Text>
        ) : (
          <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {contracts.map((contract) => (
              <ContractRow
                key={contract.id}
                contract={contract}
                readOnly={exited}
                onEnd={() => setDialog({ kind: 'end', contract })}
                onFollow={() => setDialog({ kind: 'follow', contract })}
                onCorrect={() => setDialog({ kind: 'correct', contract })}
                onCancel={() => setDialog({ kind: 'cancel', contract })}
              />
            ))}
          </Stack>
        )}
        <Group gap="sm">
          {!exited && <Button onClick={() => setDialog({ kind: 'add' })}>{t('contracts.add')}</Button>}
          <Button variant="default" onClick={() => setDialog({ kind: 'addPast' })}>
            {t('employment.add')}
          </Button>
          {hasEndLetter && (
            <Button
              component="a"
              href={endLetterUrl(person.id)}
              download
              variant="default"
              data-testid="end-letter-pdf"
            >
              {t('contracts.endLetter')}
            </Button>
          )}
        </Group>
        <Title order={3} size="h4" mt="sm">
          {t('contracts.history')}
        </Title>
        {history.length === 0 ? (
          <Text c="dimmed">{t('contracts.history.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" data-testid="employment-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('contracts.col.type')}</Table.Th>
                  <Table.Th>{t('contracts.col.employer')}</Table.Th>
                  <Table.Th>{t('contracts.col.start')}</Table.Th>
                  <Table.Th>{t('contracts.col.end')}</Table.Th>
                  <Table.Th>{t('team.col.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.map((job) => (
                  <Table.Tr key={job.id} data-source={job.source}>
                    <Table.Td>{job.label}</Table.Td>
                    <Table.Td>{[job.employerName, job.jobTitle].filter(Boolean).join(' — ') || '—'}</Table.Td>
                    <Table.Td>{formatDay(job.start)}</Table.Td>
                    <Table.Td>
                      {job.status === 'signed'
                        ? t('career.signed')
                        : job.status === 'running' || !job.end
                          ? t('employment.ongoing')
                          : formatDay(job.end)}
                      {job.status !== 'running' && job.end && job.status === 'signed'
                        ? ` (${t('career.plannedEnd', { date: formatDay(job.end) })})`
                        : ''}
                      {job.endReasonLabel ? ` (${job.endReasonLabel})` : ''}
                    </Table.Td>
                    <Table.Td>
                      {job.source === 'hand_entered' && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('employment.removeLabel', { start: formatDay(job.start) })}
                          onClick={() => {
                            const period = person.employmentPeriods.find((p) => p.id === job.id);
                            if (period) setDialog({ kind: 'removePast', period });
                          }}
                        >
                          {t('employment.remove')}
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
      {dialog?.kind === 'add' && <ContractModal personId={person.id} onClose={close} />}
      {dialog?.kind === 'addPast' && <AddPeriodModal person={person} onClose={close} />}
      {dialog?.kind === 'removePast' && (
        <RemovePeriodModal person={person} period={dialog.period} onClose={close} />
      )}
      {dialog?.kind === 'end' && <EndContractModal contract={dialog.contract} onClose={close} />}
      {dialog?.kind === 'follow' && <ArrangementModal contract={dialog.contract} onClose={close} />}
      {dialog?.kind === 'correct' && <CorrectContractModal contract={dialog.contract} onClose={close} />}
      {dialog?.kind === 'cancel' && <CancelContractModal contract={dialog.contract} onClose={close} />}
    </Panel>
  );
}

function ContractRow({
  contract,
  readOnly,
  onEnd,
  onFollow,
  onCorrect,
  onCancel,
}: {
  contract: ContractView;
  readOnly: boolean;
  onEnd: () => void;
  onFollow: () => void;
  onCorrect: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const start = useStartFollowUp(contract.id);
  const arrangement = contract.arrangement;
  const cancelled = contract.cancelled;
  // A cancelled contract stays visible, struck through, with the reason; nothing is offered on it.
  const struck = cancelled ? 'line-through' : undefined;
  return (
    <li
      data-testid="contract-row"
      data-type={contract.type}
      data-status={cancelled ? 'cancelled' : contract.status}
    >
      <Stack
        gap={4}
        p="xs"
        style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
      >
        <Group gap="xs" wrap="wrap" align="baseline">
          <Badge variant="light" color={cancelled ? 'gray' : undefined}>
            {contract.typeLabel}
          </Badge>
          <Text fw={600} td={struck}>
            {contract.employerName}
          </Text>
          <Text td={struck}>{contract.jobTitle}</Text>
          {cancelled && (
            <Badge color="red" variant="light" data-testid="contract-cancelled-badge">
              {t('contracts.cancelled')}
            </Badge>
          )}
          {contract.alert && (
            <Badge color={contract.alert.overdue ? 'red' : 'orange'} data-testid="contract-ending-badge">
              {contract.alert.overdue
                ? t('contracts.endingOverdue', { days: -contract.alert.daysLeft })
                : t('contracts.ending', { days: contract.alert.daysLeft })}
            </Badge>
          )}
          {!cancelled && (
            <Badge variant="outline" color="gray" size="sm">
              {t(`contracts.status.${contract.status}`)}
            </Badge>
          )}
        </Group>
        {cancelled && (
          <Text size="sm" c="red" data-testid="contract-cancelled-reason">
            {t('contracts.cancelledReason', { reason: cancelled.reason })}
          </Text>
        )}
        <Text size="sm" td={struck}>
          {t('contracts.dates', {
            start: formatDay(contract.start),
            plannedEnd: contract.plannedEnd ? formatDay(contract.plannedEnd) : t('contracts.noPlannedEnd'),
          })}
          {contract.hoursPerWeek !== null && ` · ${t('contracts.hours', { hours: contract.hoursPerWeek })}`}
          {contract.vacancyTitle && ` · ${t('contracts.vacancy', { title: contract.vacancyTitle })}`}
        </Text>
        {contract.actualEnd && (
          <Text size="sm" data-testid="contract-actual-end">
            {t('contracts.actualEnd', {
              date: formatDay(contract.actualEnd),
              reason: contract.endReasonLabel ?? '—',
            })}
            {contract.endDetail && ` — ${contract.endDetail}`}
          </Text>
        )}
        {contract.hiringAids.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('contracts.aids', { aids: contract.hiringAids.map((aid) => aid.label).join(', ') })}
          </Text>
        )}
        {arrangement && (
          <Group gap="xs" data-testid="contract-arrangement">
            <Text size="sm">
              {t('contracts.arrangement', { mode: arrangement.modeLabel })}
              {arrangement.reference &&
                ` · ${t('contracts.reference', { name: arrangement.reference.name })}`}
            </Text>
            {arrangement.discreet && (
              <Badge size="sm" color="grape" variant="light" data-testid="discreet-badge">
                {t('contracts.discreet')}
              </Badge>
            )}
          </Group>
        )}
        <ErrorAlert error={start.error} />
        {!readOnly && !cancelled && (
          <Group gap="xs" mt={4}>
            {!contract.actualEnd && (
              <Button size="xs" variant="default" onClick={onEnd}>
                {t('contracts.endButton')}
              </Button>
            )}
            {contract.employment && contract.status !== 'ended' && (
              <Button size="xs" variant="default" onClick={onFollow}>
                {t('contracts.followButton')}
              </Button>
            )}
            <Button size="xs" variant="subtle" onClick={onCorrect}>
              {t('contracts.correct.button')}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={onCancel}>
              {t('contracts.cancel.button')}
            </Button>
            {contract.canStartFollowUp && (
              <Button size="xs" loading={start.isPending} onClick={() => start.mutate(undefined)}>
                {t('contracts.startFollowUp')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </li>
  );
}
