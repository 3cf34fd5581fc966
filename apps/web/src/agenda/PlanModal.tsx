import type { PersonFile, PlannedContact } from '@jobcoach/contract';
import { CONTACT_CHANNELS, type ContactChannel } from '@jobcoach/domain';
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { today } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { contactEmployers } from '../person/ContactModal.tsx';
import { day, wholeNumber } from '../person/person-validation.ts';
import { usePlanContact, useUpdatePlan } from './agenda-api.ts';

/**
 * « Planifier un contact »: a contact or a visit with the person on a day, at a time (Brussels
 * time) or all day, with a duration, a place, a channel and an employer of the person's contracts.
 * The same dialog changes an existing plan (`plan`).
 */
export function PlanModal({
  person,
  plan,
  onClose,
}: {
  person: PersonFile;
  plan?: PlannedContact;
  onClose: () => void;
}) {
  const t = useT();
  const create = usePlanContact(person.id);
  const update = useUpdatePlan(person.id, plan?.id ?? '');
  const employers = contactEmployers(person, today());
  const form = useForm({
    date: plan?.date ?? today(),
    time: plan?.time ?? '',
    durationMinutes: plan?.durationMinutes ? String(plan.durationMinutes) : '',
    place: plan?.place ?? '',
    channel: plan?.channel ?? '',
    employerId: plan?.employerId ?? '',
  });
  const { values } = form;
  const pending = create.isPending || update.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      date: day(values.date, t, false),
      time: values.time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(values.time) ? t('plan.timeInvalid') : undefined,
      channel: required(values.channel, t),
      durationMinutes: wholeNumber(values.durationMinutes, t),
    });
    if (!valid) return;
    const body = {
      date: values.date,
      time: values.time || null,
      durationMinutes: values.time && values.durationMinutes.trim() ? Number(values.durationMinutes) : null,
      place: values.place.trim() || null,
      channel: values.channel as ContactChannel,
      employerId: values.employerId || null,
    };
    const done = { onSuccess: onClose, onError: form.fail };
    if (plan) update.mutate({ ...body, version: plan.version }, done);
    else create.mutate(body, done);
  };

  return (
    <FormModal
      dirty={form.dirty}
      onDiscard={form.discard}
      title={t(plan ? 'plan.editTitle' : 'plan.title', { name: `${person.firstName} ${person.lastName}` })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('plan.date')}
              required
              withAsterisk={false}
              {...form.input('date')}
            />
            <TextInput
              type="time"
              label={t('plan.time')}
              description={t('plan.timeHint')}
              {...form.input('time')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('plan.duration')}
              description={t('field.optional')}
              inputMode="numeric"
              {...form.input('durationMinutes')}
            />
            <NativeSelect
              label={t('plan.channel')}
              required
              withAsterisk={false}
              data={[
                { value: '', label: t('field.chooseOption') },
                ...CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) })),
              ]}
              {...form.input('channel')}
            />
          </SimpleGrid>
          <TextInput label={t('plan.place')} description={t('field.optional')} {...form.input('place')} />
          <NativeSelect
            label={t('plan.employer')}
            data={[
              { value: '', label: t('contact.noEmployer') },
              ...employers.map((e) => ({ value: e.id, label: e.name })),
            ]}
            {...form.input('employerId')}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={pending}>
              {t(plan ? 'plan.save' : 'plan.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
