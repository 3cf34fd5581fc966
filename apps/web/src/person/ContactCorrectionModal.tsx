import { CONTACT_CHANNELS, type ContactChannel } from '@jobcoach/domain';
import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { useContactCorrection } from '../people/people-api.ts';
import { pastDay } from './person-validation.ts';

/**
 * « Corriger » or « Annuler » a contact entered by mistake, with a reason. Nothing is deleted: the
 * timeline shows the contact corrected or cancelled, the audit log keeps both versions, and a
 * cancelled contact counts no more (cadence, « Employeurs contactés »).
 */
export function ContactCorrectionModal({
  personId,
  entry,
  mode,
  onClose,
}: {
  /** The person whose file shows the contact, if opened from one. */
  personId?: string | undefined;
  entry: { date: string; title: string; entity: { id: string; version: number | null } };
  mode: 'correct' | 'cancel';
  onClose: () => void;
}) {
  const t = useT();
  const { correct, cancel } = useContactCorrection(personId);
  const form = useForm({ date: entry.date, channel: '', notes: '', reason: '' });
  const { values } = form;
  const pending = correct.isPending || cancel.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      reason: required(values.reason, t),
      ...(mode === 'correct' ? { date: pastDay(values.date, t, false) } : {}),
    });
    if (!valid) return;
    const done = {
      onSuccess: () => {
        form.discard();
        onClose();
      },
      onError: form.fail,
    };
    if (mode === 'cancel') {
      cancel.mutate({ id: entry.entity.id, reason: values.reason }, done);
      return;
    }
    correct.mutate(
      {
        id: entry.entity.id,
        version: entry.entity.version ?? 1,
        reason: values.reason,
        ...(values.date !== entry.date ? { date: values.date } : {}),
        ...(values.channel ? { channel: values.channel as ContactChannel } : {}),
        ...(values.notes.trim() ? { notes: values.notes.trim() } : {}),
      },
      done,
    );
  };

  return (
    <FormModal
      dirty={form.dirty}
      onDiscard={form.discard}
      title={t(mode === 'cancel' ? 'correction.cancelTitle' : 'correction.correctTitle', {
        title: entry.title,
      })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate data-testid={`contact-${mode}-form`}>
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <Text size="sm">{t(mode === 'cancel' ? 'correction.cancelIntro' : 'correction.correctIntro')}</Text>
          {mode === 'correct' && (
            <>
              <TextInput type="date" label={t('contact.date')} {...form.input('date')} />
              <NativeSelect
                label={t('contact.channel')}
                data={[
                  { value: '', label: t('correction.unchanged') },
                  ...CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) })),
                ]}
                {...form.input('channel')}
              />
              <Textarea
                label={t('contact.notes')}
                description={t('correction.notesHint')}
                autosize
                minRows={2}
                {...form.input('notes')}
              />
            </>
          )}
          <TextInput
            label={t('correction.reason')}
            description={t('correction.reasonHint')}
            required
            withAsterisk={false}
            {...form.input('reason')}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" color={mode === 'cancel' ? 'red' : undefined} loading={pending}>
              {t(mode === 'cancel' ? 'correction.cancelSubmit' : 'correction.correctSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
