import type { EmploymentPeriod, PersonFile } from '@jobcoach/contract';
import { CONTRACT_KINDS, type ContractKind } from '@jobcoach/domain';
import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { useAddEmploymentPeriod, useRemoveEmploymentPeriod } from '../people/people-api.ts';
import { day } from './person-validation.ts';

/** A job held before or outside the coaching, entered by hand (« Parcours professionnel »). */
export function AddPeriodModal({ person, onClose }: { person: PersonFile; onClose: () => void }) {
  const t = useT();
  const add = useAddEmploymentPeriod(person.id);
  const form = useForm({ kind: 'cdd', start: '', end: '' });
  const { values } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      kind: required(values.kind, t),
      start: day(values.start, t, false),
      end: day(values.end, t),
    });
    if (!valid) return;
    add.mutate(
      { kind: values.kind as ContractKind, start: values.start, end: values.end || null },
      { onSuccess: onClose, onError: form.fail },
    );
  };

  return (
    <FormModal dirty={form.dirty} title={t('employment.add')} onClose={onClose}>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <NativeSelect
            label={t('employment.kind')}
            data={CONTRACT_KINDS.map((k) => ({ value: k, label: t(`contractKind.${k}`) }))}
            {...form.input('kind')}
          />
          <TextInput
            type="date"
            label={t('employment.start')}
            required
            withAsterisk={false}
            {...form.input('start')}
          />
          <TextInput
            type="date"
            label={t('employment.end')}
            description={t('employment.endHint')}
            {...form.input('end')}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={add.isPending}>
              {t('employment.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

export function RemovePeriodModal({
  person,
  period,
  onClose,
}: {
  person: PersonFile;
  period: EmploymentPeriod;
  onClose: () => void;
}) {
  const t = useT();
  const remove = useRemoveEmploymentPeriod(person.id);
  return (
    <FormModal title={t('employment.removeTitle')} onClose={onClose}>
      <Stack gap="sm">
        <Text>
          {t('employment.removeConfirm', {
            kind: t(`contractKind.${period.kind}`),
            start: formatDay(period.start),
          })}
        </Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end" mt="sm">
          <CancelButton />
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate(period.id, { onSuccess: onClose })}
          >
            {t('employment.remove')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
