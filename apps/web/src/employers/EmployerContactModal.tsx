import type { EmployerContactBody, EmployerContactPurpose, EmployerFile } from '@jobcoach/contract';
import { CONTACT_CHANNELS, type ContactChannel, isDirectChannel } from '@jobcoach/domain';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { today } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { pastDay } from '../person/person-validation.ts';
import { EMPLOYER_CONTACT_PURPOSES } from './codes.ts';
import { useLogEmployerContact } from './employers-api.ts';
import { usePersonOptions } from './person-options.ts';

/**
 * « Noter un contact » with the employer. Canvassing an employer another organisation of the
 * basin works with is refused once (409 `basin_overlap`, the server says who): the coach reads it
 * and may confirm.
 */
export function EmployerContactModal({
  employer,
  onClose,
  onSaved,
}: {
  employer: EmployerFile;
  onClose: () => void;
  onSaved: (date: string) => void;
}) {
  const t = useT();
  const log = useLogEmployerContact(employer.id);
  const persons = usePersonOptions();
  const [overlap, setOverlap] = useState<string | null>(null);
  const [personPresent, setPersonPresent] = useState(false);
  const form = useForm({ date: today(), channel: '', purpose: '', personId: '', notes: '' });
  const { values } = form;
  const channelLabel = (channel: ContactChannel) =>
    isDirectChannel(channel)
      ? t('contact.channelDirect', { channel: t(`channel.${channel}`) })
      : t(`channel.${channel}`);

  const send = (confirmOverlap: boolean) => {
    const body: EmployerContactBody = {
      date: values.date,
      channel: values.channel as ContactChannel,
      purpose: values.purpose as EmployerContactPurpose,
      personId: values.personId || null,
      personPresent: values.personId !== '' && personPresent,
      notes: values.notes.trim() || null,
      ...(confirmOverlap ? { confirmOverlap: true } : {}),
    };
    log.mutate(body, {
      onSuccess: () => onSaved(values.date),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'basin_overlap') setOverlap(error.message);
        else form.fail(error);
      },
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOverlap(null);
    const valid = form.check({
      date: pastDay(values.date, t, false),
      channel: required(values.channel, t),
      purpose: required(values.purpose, t),
    });
    if (valid) send(false);
  };

  return (
    <FormModal
      dirty={form.dirty}
      title={t('employer.contact.title', { name: employer.name })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate data-testid="employer-contact-form">
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('employer.contact.date')}
              required
              withAsterisk={false}
              {...form.input('date')}
            />
            <NativeSelect
              label={t('employer.contact.channel')}
              required
              withAsterisk={false}
              data={[
                { value: '', label: t('field.chooseOption') },
                ...CONTACT_CHANNELS.map((c) => ({ value: c, label: channelLabel(c) })),
              ]}
              {...form.input('channel')}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('employer.contact.directHint')}
          </Text>
          <NativeSelect
            label={t('employer.contact.purpose')}
            required
            withAsterisk={false}
            data={[
              { value: '', label: t('field.chooseOption') },
              ...EMPLOYER_CONTACT_PURPOSES.map((p) => ({ value: p, label: t(`employerPurpose.${p}`) })),
            ]}
            {...form.input('purpose')}
          />
          <NativeSelect
            label={t('employer.contact.person')}
            description={t('employer.contact.personHint')}
            data={[{ value: '', label: t('employer.contact.noPerson') }, ...persons]}
            {...form.input('personId')}
          />
          {values.personId && (
            <Checkbox
              label={t('employer.contact.personPresent')}
              checked={personPresent}
              onChange={(event) => setPersonPresent(event.currentTarget.checked)}
            />
          )}
          <Textarea
            label={t('employer.contact.notes')}
            description={t('employer.notesPrivate')}
            autosize
            minRows={3}
            {...form.input('notes')}
          />
          {overlap && (
            <Alert
              color="orange"
              role="alert"
              title={t('employer.overlap.title')}
              data-testid="basin-overlap"
            >
              <Text size="sm">{overlap}</Text>
              <Button
                mt="sm"
                loading={log.isPending}
                onClick={() => send(true)}
                data-testid="confirm-overlap"
              >
                {t('employer.overlap.confirm')}
              </Button>
            </Alert>
          )}
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={log.isPending && !overlap}>
              {t('contact.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
