import type { PresentationRef } from '@jobcoach/contract';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useErrorMessage } from '../forms/errors.ts';
import { useT } from '../i18n/index.ts';
import { useCreatePresentation } from './presentations-api.ts';
import { StepBadge } from './StepBadge.tsx';

/**
 * « Proposer »: the person is proposed for the vacancy (step « Proposée »). Over the
 * organisation's cap of candidates at once, the server refuses (409 `presentation_cap`) and says
 * why. A pair already in progress shows its step instead.
 */
export function ProposeButton({
  personId,
  vacancyId,
  presentation,
  name,
  compatible,
}: {
  personId: string;
  vacancyId: string;
  presentation: PresentationRef | undefined;
  /** Who or what is proposed, for the button's accessible name. */
  name: string;
  /** An incompatible pair may still be proposed (the coach judges), with a quieter button. */
  compatible: boolean;
}) {
  const t = useT();
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
          aria-label={t('matching.proposeLabel', { name })}
          onClick={() => create.mutate({ personId, vacancyId })}
          data-testid="propose"
        >
          {t('matching.propose')}
        </Button>
      </Group>
      {create.error && (
        <Alert color="orange" role="alert" p="xs" data-testid="propose-error">
          <Text size="sm">{describe(create.error)}</Text>
        </Alert>
      )}
    </Stack>
  );
}
