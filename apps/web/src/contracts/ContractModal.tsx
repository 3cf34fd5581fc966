import type { PersonFile } from '@jobcoach/contract';
import type { ContractType, HiringAid } from '@jobcoach/domain';
import { CONTRACT_TYPES, FIXED_TERM_TYPES, HIRING_AIDS } from '@jobcoach/domain';
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useEmployers } from '../employers/employers-api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { today } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { day } from '../person/person-validation.ts';
import { useVacancies } from '../vacancies/vacancies-api.ts';
import { useSignContract } from './contracts-api.ts';

const AID_FIELDS = Object.fromEntries(
  Array.from({ length: 20 }, (_, index) => [`hiringAids.${index}`, 'hiringAids' as const]),
);

const isHiringAid = (code: string): code is HiringAid => (HIRING_AIDS as readonly string[]).includes(code);

/** « Enregistrer un contrat »: a signed contract (or an immersion) with an employer of the basin. */
export function ContractModal({ person, onClose }: { person: PersonFile; onClose: () => void }) {
  const t = useT();
  const sign = useSignContract(person.id);
  const employers = useEmployers({ q: '', status: '' }, 100);
  const form = useForm(
    {
      employerId: '',
      vacancyId: '',
      type: '',
      signedOn: today(),
      start: '',
      plannedEnd: '',
      hoursPerWeek: '',
      jobTitle: '',
      hiringAids: '',
    },
    AID_FIELDS,
  );
  const { values } = form;
  const vacancies = useVacancies({ q: '', status: '', employerId: values.employerId }, 200);
  const employerVacancies = values.employerId
    ? (vacancies.data ?? []).filter((v) => v.employerId === values.employerId)
    : [];
  const fixedTerm = FIXED_TERM_TYPES.includes(values.type as ContractType);

  const aids = values.hiringAids
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  const hours = values.hoursPerWeek.trim().replace(',', '.');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unknownAid = aids.find((code) => !isHiringAid(code));
    const valid = form.check({
      employerId: required(values.employerId, t),
      type: required(values.type, t),
      signedOn: day(values.signedOn, t, false),
      start: day(values.start, t, false),
      plannedEnd:
        fixedTerm && !values.plannedEnd.trim()
          ? t('contracts.field.plannedEndRequired')
          : day(values.plannedEnd, t),
      hoursPerWeek:
        hours && !(Number(hours) > 0 && Number(hours) <= 60) ? t('contracts.field.hoursInvalid') : undefined,
      jobTitle: required(values.jobTitle, t),
      hiringAids: unknownAid ? t('contracts.field.hiringAidUnknown', { code: unknownAid }) : undefined,
    });
    if (!valid) return;
    sign.mutate(
      {
        employerId: values.employerId,
        vacancyId: values.vacancyId || null,
        type: values.type as ContractType,
        signedOn: values.signedOn,
        start: values.start,
        plannedEnd: values.plannedEnd || null,
        hoursPerWeek: hours ? Number(hours) : null,
        jobTitle: values.jobTitle.trim(),
        hiringAids: aids.filter(isHiringAid),
      },
      { onSuccess: onClose, onError: form.fail },
    );
  };

  return (
    <FormModal title={t('contracts.add')} onClose={onClose}>
      <form ref={form.ref} onSubmit={submit} noValidate data-testid="contract-form">
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <ErrorAlert error={employers.error} />
          <NativeSelect
            label={t('contracts.field.employer')}
            required
            withAsterisk={false}
            data={[
              { value: '', label: t('field.chooseOption') },
              ...(employers.data ?? []).map((e) => ({ value: e.id, label: e.name })),
            ]}
            {...form.input('employerId')}
          />
          <NativeSelect
            label={t('contracts.field.vacancy')}
            description={t('field.optional')}
            disabled={!values.employerId}
            data={[
              { value: '', label: t('contracts.field.noVacancy') },
              ...employerVacancies.map((v) => ({ value: v.id, label: v.title })),
            ]}
            {...form.input('vacancyId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('contracts.field.type')}
              required
              withAsterisk={false}
              data={[
                { value: '', label: t('field.chooseOption') },
                ...CONTRACT_TYPES.map((type) => ({ value: type, label: t(`contracts.type.${type}`) })),
              ]}
              {...form.input('type')}
            />
            <TextInput
              label={t('contracts.field.jobTitle')}
              required
              withAsterisk={false}
              {...form.input('jobTitle')}
            />
            <TextInput
              type="date"
              label={t('contracts.field.signedOn')}
              required
              withAsterisk={false}
              {...form.input('signedOn')}
            />
            <TextInput
              type="date"
              label={t('contracts.field.start')}
              required
              withAsterisk={false}
              {...form.input('start')}
            />
            <TextInput
              type="date"
              label={t('contracts.field.plannedEnd')}
              description={t('contracts.field.plannedEndHint')}
              required={fixedTerm}
              withAsterisk={false}
              {...form.input('plannedEnd')}
            />
            <TextInput
              label={t('contracts.field.hoursPerWeek')}
              description={t('field.optional')}
              inputMode="decimal"
              {...form.input('hoursPerWeek')}
            />
          </SimpleGrid>
          <TextInput
            label={t('contracts.field.hiringAids')}
            description={t('contracts.field.hiringAidsHint', { codes: HIRING_AIDS.join(', ') })}
            {...form.input('hiringAids')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={sign.isPending}>
              {t('contracts.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
