import type { Presentation } from '@jobcoach/contract';
import type { PresentationStep } from '@jobcoach/domain';
import { Anchor, Button, Card, Group, Stack, Text, Timeline } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ContractModal } from '../contracts/ContractModal.tsx';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Panel } from '../person/Panel.tsx';
import { Spinner } from '../shell/Loading.tsx';
import { HirePanel } from './HirePanel.tsx';
import { type PresentationFilter, usePresentations } from './presentations-api.ts';
import { StepBadge } from './StepBadge.tsx';
import { StepModal } from './StepModal.tsx';

// The buttons that close a presentation without a success are quieter than the ones that move it on.
const QUIET: readonly PresentationStep[] = ['withdrawn', 'declined', 'refused'];

/**
 * The presentations of a vacancy (`show="person"`) or of a person (`show="vacancy"`): where each
 * stands, buttons for the steps the server allows next, and the history.
 */
export function PresentationList({
  filter,
  show,
}: {
  filter: PresentationFilter;
  show: 'person' | 'vacancy';
}) {
  const t = useT();
  const presentations = usePresentations(filter);
  const [open, setOpen] = useState<{ presentation: Presentation; step: PresentationStep } | null>(null);
  // After « Embauché·e »: the contract form, filled from the offer (the hire is typed once).
  const [contractFor, setContractFor] = useState<Presentation | null>(null);
  // The presentations whose hire side (aids, cost for the employer) is unfolded.
  const [hireOpen, setHireOpen] = useState<ReadonlySet<string>>(new Set());
  const toggleHire = (id: string) =>
    setHireOpen((open) => {
      const next = new Set(open);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Panel id="presentations" title={t('presentation.title')}>
      {presentations.isPending ? (
        <Spinner />
      ) : presentations.error ? (
        <ErrorAlert error={presentations.error} onRetry={() => presentations.refetch()} />
      ) : presentations.data.length === 0 ? (
        <Text c="dimmed" data-testid="presentations-empty">
          {t(show === 'person' ? 'presentation.noneForVacancy' : 'presentation.noneForPerson')}
        </Text>
      ) : (
        <Stack gap="sm">
          {presentations.data.map((p) => (
            <Card key={p.id} withBorder padding="sm" data-testid="presentation" data-step={p.step}>
              <Group justify="space-between" align="flex-start" gap="sm">
                <div>
                  {show === 'person' ? (
                    <Anchor component={Link} to={`/people/${p.personId}`} fw={700}>
                      {p.personName}
                    </Anchor>
                  ) : (
                    <>
                      <Anchor component={Link} to={`/offers/${p.vacancyId}`} fw={700}>
                        {p.vacancyTitle}
                      </Anchor>
                      <Text size="sm">{p.employerName}</Text>
                    </>
                  )}
                </div>
                <Group gap={6}>
                  <StepBadge step={p.step} size="lg" />
                  {!p.active && (
                    <Text size="sm" c="dimmed">
                      {t('presentation.closed')}
                    </Text>
                  )}
                </Group>
              </Group>
              {p.allowedSteps.length > 0 && (
                <Group
                  gap="xs"
                  mt="sm"
                  role="group"
                  aria-label={t('presentation.nextSteps', { name: p.personName })}
                >
                  <Text size="sm" fw={600}>
                    {t('presentation.next')}
                  </Text>
                  {p.allowedSteps.map(({ step }) => (
                    <Button
                      key={step}
                      size="xs"
                      variant={QUIET.includes(step) ? 'default' : 'filled'}
                      onClick={() => setOpen({ presentation: p, step })}
                      data-testid={`step-${step}`}
                    >
                      {t(`presentation.action.${step}`)}
                    </Button>
                  ))}
                </Group>
              )}
              {p.contractDraft && (
                <Group gap="xs" mt="sm">
                  <Text size="sm">{t('presentation.contractToRecord')}</Text>
                  <Button size="xs" onClick={() => setContractFor(p)} data-testid="record-contract">
                    {t('contracts.add')}
                  </Button>
                </Group>
              )}
              <History presentation={p} />
              <Button
                mt="xs"
                size="xs"
                variant="subtle"
                aria-expanded={hireOpen.has(p.id)}
                onClick={() => toggleHire(p.id)}
                data-testid="hire-toggle"
              >
                {t('hire.toggle')}
              </Button>
              {hireOpen.has(p.id) && <HirePanel presentationId={p.id} />}
            </Card>
          ))}
        </Stack>
      )}
      {open && (
        <StepModal
          presentation={open.presentation}
          step={open.step}
          onClose={() => setOpen(null)}
          onSaved={(updated) => updated.contractDraft && setContractFor(updated)}
        />
      )}
      {contractFor?.contractDraft && (
        <ContractModal
          personId={contractFor.personId}
          draft={{ ...contractFor.contractDraft, presentationId: contractFor.id }}
          onClose={() => setContractFor(null)}
        />
      )}
    </Panel>
  );
}

function History({ presentation }: { presentation: Presentation }) {
  const t = useT();
  return (
    <Timeline
      mt="sm"
      bulletSize={12}
      lineWidth={2}
      active={presentation.history.length - 1}
      styles={{ item: { marginTop: 'var(--mantine-spacing-xs)' }, itemTitle: { marginBottom: 0 } }}
      data-testid="presentation-history"
    >
      {presentation.history.map((h, index) => (
        <Timeline.Item
          // biome-ignore lint/suspicious/noArrayIndexKey: history lines have no id; their order is fixed
          key={index}
          title={
            <Text size="sm">
              <Text span fw={700}>
                {formatDay(h.date)}
              </Text>{' '}
              {t(`presentationStep.${h.step}`)}
              {h.channel && ` (${t(`introChannel.${h.channel}`)})`}
              {h.authorName && (
                <Text span size="xs" c="dimmed">
                  {' — '}
                  {t('timeline.by', { name: h.authorName })}
                </Text>
              )}
            </Text>
          }
        >
          {h.reason && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {t('presentation.reason', { reason: h.reason })}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
