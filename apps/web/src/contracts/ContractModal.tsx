import type { ContractDraft } from '@jobcoach/contract';
import type { ContractType, HiringAid } from '@jobcoach/domain';
import { CONTRACT_TYPES, FIXED_TERM_TYPES, HIRING_AIDS, isIsoDate, plannedEndAfter } from '@jobcoach/domain';
import { Alert, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useEmployers } from '../employers/employers-api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
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

/**
 * « Enregistrer un contrat »: a signed contract (or an immersion) with an employer of the basin.
 * After « Embauché·e » on a presentation, the form comes filled from the offer (`draft`: employer,
 * offer, job title, type, length and hours): the hire is typed once. Saving it signs the contract,
 * which moves the trajectory to hiring, and to follow-up from its first day.
 */
export function ContractModal({
  personId,
  draft,
  onClose,
}: {
  personId: string;
  draft?: ContractDraft & { presentationId: string };
  onClose: () => void;
}) {
  const t = useT();
  const sign = useSignContract(personId);
  const employers = useEmployers({ q: '', status: '' }, 100);
  const form = useForm(
    {
      employerId: draft?.employerId ?? '',
      vacancyId: draft?.vacancyId ?? '',
      type: draft?.type ?? '',
      signedOn: today(),
      start: '',
      plannedEnd: '',
      hoursPerWeek: draft?.hoursPerWeek != null ? String(draft.hoursPerWeek) : '',
      jobTitle: draft?.jobTitle ?? '',
      hiringAids: '',
    },
    AID_FIELDS,
  );
  const { values } = form;
  // The offer's length gives the planned end from the start, until the coach types one.
  const [endTyped, setEndTyped] = useState(false);
  const setStart = (start: string) => {
    form.set('start', start);
    if (!endTyped && draft?.contractMonths && isIsoDate(start)) {
      form.set('plannedEnd', plannedEndAfter(start, draft.contractMonths));
    }
  };
  const vacancies = useVacancies({ q: '', status: '', employerId: values.employerId }, 200);
  const employerVacancies = values.employerId
    ? (vacancies.data ?? []).filter((v) => v.employerId === values.employerId)
    : [];
  const fixedTerm = FIXED_TERM_TYPES.includes(values.type as ContractType);

  const aids = values.hiringAids.split(',').filter(isHiringAid);
  const toggleAid = (code: HiringAid, on: boolean) =>
    form.set('hiringAids', HIRING_AIDS.filter((a) => (a === code ? on : aids.includes(a))).join(','));
  const hours = values.hoursPerWeek.trim().replace(',', '.');

  const submit = (event: FormEvent) => {
    event.preventDefault();
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
    });
    if (!valid) return;
    sign.mutate(
      {
        employerId: values.employerId,
        vacancyId: values.vacancyId || null,
        presentationId: draft?.presentationId ?? null,
        type: values.type as ContractType,
        signedOn: values.signedOn,
        start: values.start,
        plannedEnd: values.plannedEnd || null,
        hoursPerWeek: hours ? Number(hours) : null,
        jobTitle: values.jobTitle.trim(),
        hiringAids: aids,
      },
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
    <FormModal dirty={form.dirty} title={t('contracts.add')} onClose={onClose}>
      <form ref={form.ref} onSubmit={submit} noValidate data-testid="contract-form">
        <Stack gap="sm">
          {draft && (
            <Alert color="blue" data-testid="contract-from-offer">
              {t('contracts.fromOffer')}
            </Alert>
          )}
          <ErrorAlert message={form.formError} />
          <ErrorAlert error={employers.error} />
          <NativeSelect
            label={t('contracts.field.employer')}
            required
            withAsterisk={false}
            data={[
              { value: '', label: t('field.chooseOption') },
              // The offer's employer, even beyond the first page of the registry.
              ...(draft && !(employers.data ?? []).some((e) => e.id === draft.employerId)
                ? [{ value: draft.employerId, label: draft.employerName }]
                : []),
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
              ...(draft && !employerVacancies.some((v) => v.id === draft.vacancyId)
                ? [{ value: draft.vacancyId, label: draft.jobTitle }]
                : []),
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
              onChange={(event) => setStart(event.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('contracts.field.plannedEnd')}
              description={t('contracts.field.plannedEndHint')}
              required={fixedTerm}
              withAsterisk={false}
              {...form.input('plannedEnd')}
              onChange={(event) => {
                setEndTyped(true);
                form.set('plannedEnd', event.currentTarget.value);
              }}
            />
            <TextInput
              label={t('contracts.field.hoursPerWeek')}
              description={t('field.optional')}
              inputMode="decimal"
              {...form.input('hoursPerWeek')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('contracts.field.hiringAids')}
            description={t('contracts.field.hiringAidsHint')}
            value={aids}
            error={form.errors.hiringAids}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
              {HIRING_AIDS.map((code) => (
                <Checkbox
                  key={code}
                  value={code}
                  label={t(`hiringAid.${code}`)}
                  onChange={(event) => toggleAid(code, event.currentTarget.checked)}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={sign.isPending}>
              {t('contracts.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
