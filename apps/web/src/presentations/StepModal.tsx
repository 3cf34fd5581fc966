import type { Presentation } from '@jobcoach/contract';
import {
  INTRODUCTION_CHANNELS,
  type IntroductionChannel,
  type PresentationStep,
  STEPS_WITH_REASON,
} from '@jobcoach/domain';
import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { today } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { pastDay } from '../person/person-validation.ts';
import { useAddStep } from './presentations-api.ts';

/**
 * One step of a presentation: its date, and why (declined, refused) or how the person was
 * introduced (phone, accompanied interview, CV). A step the workflow no longer allows (someone
 * moved it meanwhile) is refused with the allowed ones; the list is read again.
 */
export function StepModal({
  presentation,
  step,
  onClose,
  onSaved,
}: {
  presentation: Presentation;
  step: PresentationStep;
  onClose: () => void;
  /** The presentation as the step left it (« Embauché·e »: with the contract form's draft). */
  onSaved?: (updated: Presentation) => void;
}) {
  const t = useT();
  const add = useAddStep(presentation.id);
  const form = useForm({ date: today(), reason: '', channel: '' });
  const [refreshed, setRefreshed] = useState(false);
  const { values } = form;
  const asksReason = STEPS_WITH_REASON.includes(step);
  const asksChannel = step === 'introduced';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      date: pastDay(values.date, t, false),
      reason: asksReason ? required(values.reason, t) : undefined,
      channel: asksChannel ? required(values.channel, t) : undefined,
    });
    if (!valid) return;
    add.mutate(
      {
        step,
        date: values.date,
        reason: asksReason ? values.reason.trim() : null,
        channel: asksChannel ? (values.channel as IntroductionChannel) : null,
        version: presentation.version,
      },
      {
        onSuccess: (updated) => {
          form.discard();
          onClose();
          onSaved?.(updated);
        },
        onError: (error) => {
          form.fail(error);
          setRefreshed(error instanceof ApiError && error.status === 409);
        },
      },
    );
  };

  return (
    <FormModal
      dirty={form.dirty}
      title={t('presentation.stepTitle', {
        step: t(`presentation.action.${step}`),
        name: presentation.personName,
      })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate data-testid="step-form">
        <Stack gap="sm">
          <Text size="sm">
            {t('presentation.stepContext', {
              vacancy: presentation.vacancyTitle,
              employer: presentation.employerName,
            })}
          </Text>
          {step === 'hired' && (
            <Alert color="blue" data-testid="hired-note">
              {t('presentation.hiredNote', { name: presentation.personName })}
            </Alert>
          )}
          <ErrorAlert message={form.formError} />
          {refreshed && (
            <Text size="sm" fw={600} data-testid="step-refreshed">
              {t('presentation.refreshed')}
            </Text>
          )}
          <TextInput
            type="date"
            label={t('presentation.date')}
            required
            withAsterisk={false}
            {...form.input('date')}
          />
          {asksChannel && (
            <NativeSelect
              label={t('presentation.channel')}
              data={[
                { value: '', label: t('field.chooseOption') },
                ...INTRODUCTION_CHANNELS.map((c) => ({ value: c, label: t(`introChannel.${c}`) })),
              ]}
              {...form.input('channel')}
            />
          )}
          {asksReason && (
            <Textarea
              label={t(step === 'declined' ? 'presentation.reasonDeclined' : 'presentation.reasonRefused')}
              autosize
              minRows={2}
              {...form.input('reason')}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={add.isPending}>
              {t('presentation.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
