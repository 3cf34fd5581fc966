import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { useCancelPresentationStep, useCancelTransition } from '../people/people-api.ts';

/**
 * « Annuler ce changement » / « Annuler cette étape »: the last move of the trajectory, or the last
 * step of a presentation, entered by mistake, with a reason. It stays in the history, marked
 * « annulé »; the person (or the presentation) goes back to where it was before.
 */
export function CancelMoveModal({
  personId,
  target,
  title,
  onClose,
}: {
  personId: string;
  target:
    | { kind: 'transition'; eventId: string; personVersion: number }
    | { kind: 'presentation_step'; stepId: string; presentationId: string; presentationVersion: number };
  title: string;
  onClose: () => void;
}) {
  const t = useT();
  const cancelMove = useCancelTransition(personId);
  const cancelStep = useCancelPresentationStep(personId);
  const cancel = target.kind === 'transition' ? cancelMove : cancelStep;
  const form = useForm({ reason: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.check({ reason: required(form.values.reason, t) })) return;
    const done = {
      onSuccess: () => {
        form.discard();
        onClose();
      },
      onError: form.fail,
    };
    const reason = form.values.reason;
    if (target.kind === 'transition') {
      cancelMove.mutate({ eventId: target.eventId, reason, version: target.personVersion }, done);
    } else {
      cancelStep.mutate(
        {
          presentationId: target.presentationId,
          stepId: target.stepId,
          reason,
          version: target.presentationVersion,
        },
        done,
      );
    }
  };

  return (
    <FormModal
      dirty={form.dirty}
      onDiscard={form.discard}
      title={t('correction.cancelTitle', { title })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate data-testid="move-cancel-form">
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <Text size="sm">
            {t(target.kind === 'transition' ? 'correction.cancelMoveIntro' : 'correction.cancelStepIntro')}
          </Text>
          <TextInput
            label={t('correction.reason')}
            description={t('correction.reasonHint')}
            required
            withAsterisk={false}
            {...form.input('reason')}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" color="red" loading={cancel.isPending}>
              {t(
                target.kind === 'transition' ? 'correction.cancelMoveSubmit' : 'correction.cancelStepSubmit',
              )}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
