import type { CapReached, PresentationRef } from '@jobcoach/contract';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useErrorMessage } from '../forms/errors.ts';
import { useT } from '../i18n/index.ts';
import { useCreatePresentation } from './presentations-api.ts';
import { StepBadge } from './StepBadge.tsx';

/**
 * « Proposer »: the person is proposed for the vacancy (step « Proposée »). Over the
 * organisation's cap of candidates at once (a setting), the button is disabled and names the
 * candidates in progress with their step; the server refuses too (409 `presentation_cap`) should the
 * list be stale. A pair already in progress shows its step instead.
 */
export function ProposeButton({
  personId,
  vacancyId,
  presentation,
  name,
  compatible,
  capReached,
}: {
  personId: string;
  vacancyId: string;
  presentation: PresentationRef | undefined;
  /** Who or what is proposed, for the button's accessible name. */
  name: string;
  /** An incompatible pair may still be proposed (the coach judges), with a quieter button. */
  compatible: boolean;
  /** The offer is at the cap: who is in progress (null: it is not). */
  capReached: CapReached | null;
}) {
  const t = useT();
  const capId = useId();
  const describe = useErrorMessage();
  const create = useCreatePresentation();
  if (presentation) {
    return (
      <Group gap={6}>
        <Text size="sm">{t('matching.inProgress')}</Text>
        <StepBadge step={presentation.step} />
      </Group>
    );
  }
  return (
    <Stack gap={6}>
      <Group>
        <Button
          size="sm"
          variant={compatible ? 'filled' : 'default'}
          loading={create.isPending}
          disabled={capReached !== null}
          aria-describedby={capReached ? capId : undefined}
          aria-label={t('matching.proposeLabel', { name })}
          onClick={() => create.mutate({ personId, vacancyId })}
          data-testid="propose"
        >
          {t('matching.propose')}
        </Button>
      </Group>
      {capReached && (
        <Text size="sm" id={capId} data-testid="propose-cap">
          {t('matching.capReached', { cap: capReached.cap })}{' '}
          {capReached.candidates.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a colleague's candidate has no id to show
            <span key={i}>
              {i > 0 && ', '}
              {c.name ??
                (c.coachName
                  ? t('matching.capColleague', { coach: c.coachName })
                  : t('matching.capColleagueUnassigned'))}{' '}
              ({t(`presentationStep.${c.step}`)})
            </span>
          ))}
        </Text>
      )}
      {create.error && (
        <Alert color="orange" role="alert" p="xs" data-testid="propose-error">
          <Text size="sm">{describe(create.error)}</Text>
        </Alert>
      )}
    </Stack>
  );
}
