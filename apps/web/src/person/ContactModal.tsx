import type { PersonFile } from '@jobcoach/contract';
import { CONTACT_CHANNELS, type ContactChannel, isDirectChannel } from '@jobcoach/domain';
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useSession } from '../auth/session.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { today } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { useLogContact } from '../people/people-api.ts';
import { day, pastDay, wholeNumber } from './person-validation.ts';

/** Where the note being typed about a person is kept until it is saved (forms/drafts.ts). */
export const contactDraftKey = (userId: string, personId: string) => `contact.${userId}.${personId}`;

/**
 * The employers a contact about the person may be with: those of the person's contracts not
 * cancelled, the current one (a contract running today) first.
 */
export function contactEmployers(
  person: PersonFile,
  on: string,
): { id: string; name: string; current: boolean }[] {
  // A contract cancelled as entered by mistake names no employer of the person's.
  const contracts = person.contracts.filter((c) => c.cancelled === null);
  const current = contracts.find((c) => c.start <= on && (c.actualEnd ?? c.plannedEnd ?? on) >= on);
  const seen = new Set<string>();
  const list: { id: string; name: string; current: boolean }[] = [];
  for (const c of current ? [current, ...contracts] : contracts) {
    if (seen.has(c.employerId)) continue;
    seen.add(c.employerId);
    list.push({ id: c.employerId, name: c.employerName, current: c === current });
  }
  return list;
}

/**
 * « Noter un contact »: one record about the person, who took part or not, and with an employer
 * of the registry when one took part (by default the person's current employer): the same visit
 * shows on the employer's page and counts among « Employeurs contactés ». Only direct channels
 * (face to face, phone, video) keep the contact cadence; the list says which ones are.
 */
export function ContactModal({
  person,
  plan,
  onClose,
  onSaved,
}: {
  person: PersonFile;
  /** The planned contact this one holds (from the agenda): its channel and employer prefilled. */
  plan?: { id: string; channel: ContactChannel | null; employerId: string | null };
  onClose: () => void;
  onSaved: (date: string) => void;
}) {
  const t = useT();
  const me = useSession();
  const log = useLogContact(person.id);
  const employers = contactEmployers(person, today());
  const form = useForm(
    {
      date: today(),
      personPresent: 'yes',
      employerId: plan?.employerId ?? '',
      counterpart: '',
      channel: plan?.channel ?? '',
      durationMinutes: '',
      notes: '',
      nextPlannedOn: '',
    },
    {},
    // A note in progress survives a reload of the page, or a new login after the session ended
    // (forms/drafts.ts); it is the typing user's own.
    { draft: contactDraftKey(me.user.id, person.id) },
  );
  const { values } = form;
  const [confidential, setConfidential] = useState(false);
  // A visit is by default at the current employer's, until the coach chooses otherwise.
  const [employerChosen, setEmployerChosen] = useState(plan?.employerId != null);
  const current = employers.find((e) => e.current);
  const channelInput = {
    ...form.input('channel'),
    onChange: (event: ChangeEvent<HTMLSelectElement>) => {
      const channel = event.currentTarget.value;
      form.set('channel', channel);
      if (!employerChosen && current) form.set('employerId', channel === 'visit' ? current.id : '');
    },
  };
  const employerInput = {
    ...form.input('employerId'),
    onChange: (event: ChangeEvent<HTMLSelectElement>) => {
      setEmployerChosen(true);
      form.set('employerId', event.currentTarget.value);
    },
  };
  const channelLabel = (channel: ContactChannel) =>
    isDirectChannel(channel)
      ? t('contact.channelDirect', { channel: t(`channel.${channel}`) })
      : t(`channel.${channel}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      date: pastDay(values.date, t, false),
      channel: required(values.channel, t),
      durationMinutes: wholeNumber(values.durationMinutes, t),
      nextPlannedOn: day(values.nextPlannedOn, t),
    });
    if (!valid) return;
    const text = (value: string) => value.trim() || null;
    log.mutate(
      {
        date: values.date,
        personPresent: values.personPresent === 'yes',
        employerId: values.employerId || null,
        counterpart: text(values.counterpart),
        channel: values.channel as ContactChannel,
        durationMinutes: values.durationMinutes.trim() ? Number(values.durationMinutes) : null,
        notes: text(values.notes),
        confidential,
        nextPlannedOn: text(values.nextPlannedOn),
        ...(plan ? { plannedContactId: plan.id } : {}),
      },
      {
        onSuccess: () => {
          form.discard();
          onSaved(values.date);
        },
        onError: form.fail,
      },
    );
  };

  return (
    <FormModal
      dirty={form.dirty}
      onDiscard={form.discard}
      title={t('contact.title', { name: `${person.firstName} ${person.lastName}` })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('contact.date')}
              required
              withAsterisk={false}
              {...form.input('date')}
            />
            <NativeSelect
              label={t('contact.personPresent')}
              data={[
                { value: 'yes', label: t('contact.personPresent.yes') },
                { value: 'no', label: t('contact.personPresent.no') },
              ]}
              {...form.input('personPresent')}
            />
          </SimpleGrid>
          <NativeSelect
            label={t('contact.employer')}
            description={t('contact.employerHint')}
            data={[
              { value: '', label: t('contact.noEmployer') },
              ...employers.map((e) => ({
                value: e.id,
                label: e.current ? t('contact.currentEmployer', { name: e.name }) : e.name,
              })),
            ]}
            {...employerInput}
          />
          <TextInput
            label={t('contact.counterpart')}
            description={t('contact.counterpartHint')}
            {...form.input('counterpart')}
          />
          <NativeSelect
            label={t('contact.channel')}
            description={t('contact.channelHint')}
            required
            withAsterisk={false}
            data={[
              { value: '', label: t('field.chooseOption') },
              ...CONTACT_CHANNELS.map((c) => ({ value: c, label: channelLabel(c) })),
            ]}
            {...channelInput}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('contact.duration')} inputMode="numeric" {...form.input('durationMinutes')} />
            <TextInput
              type="date"
              label={t('contact.nextPlannedOn')}
              description={t('field.optional')}
              {...form.input('nextPlannedOn')}
            />
          </SimpleGrid>
          <Textarea label={t('contact.notes')} autosize minRows={3} {...form.input('notes')} />
          <Checkbox
            label={t('contact.confidential')}
            description={t('contact.confidentialHint')}
            checked={confidential}
            onChange={(event) => setConfidential(event.currentTarget.checked)}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={log.isPending}>
              {t('contact.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
