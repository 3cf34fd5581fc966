import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { useCancelTransition } from '../people/people-api.ts';

/**
 * « Annuler ce changement »: the last move of the trajectory entered by mistake, with a reason. It
 * stays in the history, marked « annulé »; the person goes back to the phase it left.
 */
export function CancelMoveModal({
  personId,
  personVersion,
  eventId,
  title,
  onClose,
}: {
  personId: string;
  personVersion: number;
  eventId: string;
  title: string;
  onClose: () => void;
}) {
  const t = useT();
  const cancel = useCancelTransition(personId);
  const form = useForm({ reason: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.check({ reason: required(form.values.reason, t) })) return;
    cancel.mutate(
      { eventId, reason: form.values.reason, version: personVersion },
      {
        onSuccess: () => {
          form.discard();
          onClose();
        },
        onError: form.fail,
      },
    );
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
          <Text size="sm">{t('correction.cancelMoveIntro')}</Text>
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
              {t('correction.cancelMoveSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
