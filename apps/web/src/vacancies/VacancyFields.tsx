import {
  findOccupation,
  PHYSICAL_DEMANDS,
  type PhysicalDemand,
  searchOccupations,
  VACANCY_CONTRACT_TYPES,
  WORK_SCHEDULES,
  type WorkSchedule,
} from '@jobcoach/domain';
import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { CommuneInput } from '../employers/CommuneInput.tsx';
import { naceLabel } from '../employers/sector.ts';
import { useT } from '../i18n/index.ts';
import { VACANCY_SOURCES, VACANCY_STATUSES } from './codes.ts';
import { EmployerSelect } from './EmployerSelect.tsx';
import { RequirementsFields } from './RequirementsFields.tsx';
import type { VacancyBinding } from './vacancy-binding.ts';
import { copyPublished, toggle } from './vacancy-form.ts';

/** Every field of a vacancy, in the order of the work: the job, then what it asks, then its life. */
export function VacancyFields({
  form,
  reset,
}: {
  form: VacancyBinding;
  reset: (values: VacancyBinding['values']) => void;
}) {
  const t = useT();
  const { values } = form;
  const codes = (
    field: 'schedule' | 'physicalDemands',
    all: readonly string[],
    label: string,
    labelOf: (code: string) => string,
  ) => (
    <Checkbox.Group label={label} value={values[field].split(',').filter(Boolean)}>
      <Group gap="md" mt={6}>
        {all.map((code) => (
          <Checkbox
            key={code}
            value={code}
            label={labelOf(code)}
            onChange={(event) =>
              form.set(field, toggle(values[field], code, event.currentTarget.checked, all))
            }
          />
        ))}
      </Group>
    </Checkbox.Group>
  );
  const nace = naceLabel(values.sectorCode.trim(), t);

  return (
    <>
      <Fieldset legend={t('vacancy.group.job')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <EmployerSelect {...form.input('employerId')} />
          <Autocomplete
            label={t('vacancy.field.title')}
            description={t('vacancy.titleHint')}
            required
            withAsterisk={false}
            value={values.title}
            onChange={(title) => {
              form.set('title', title);
              // A job picked from the referential gives the activity when none is entered yet.
              const occupation = findOccupation(title);
              if (occupation && values.sectorCode.trim() === '' && occupation.sections[0]) {
                form.set('sectorCode', occupation.sections[0]);
              }
            }}
            data={searchOccupations(values.title, 10).map((o) => o.fr)}
            filter={({ options }) => options}
            error={form.errors.title}
            data-testid="vacancy-title"
          />
          <NativeSelect
            label={t('vacancy.field.source')}
            data={VACANCY_SOURCES.map((s) => ({ value: s, label: t(`vacancySource.${s}`) }))}
            {...form.input('source')}
          />
          <TextInput
            label={t('vacancy.field.sourceRef')}
            description={t('vacancy.sourceRefHint')}
            {...form.input('sourceRef')}
          />
          <TextInput label={t('vacancy.field.placeOfWork')} {...form.input('placeOfWork')} />
          <CommuneInput
            label={t('vacancy.field.commune')}
            description={t('vacancy.communeHint')}
            {...form.input('commune')}
          />
          <TextInput
            label={t('vacancy.field.openings')}
            inputMode="numeric"
            required
            withAsterisk={false}
            {...form.input('openings')}
          />
          <TextInput
            label={t('vacancy.field.sectorCode')}
            description={nace && nace !== values.sectorCode.trim() ? nace : t('vacancy.sectorHint')}
            {...form.input('sectorCode')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('vacancy.group.conditions')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('vacancy.field.contractType')}
            data={VACANCY_CONTRACT_TYPES.map((c) => ({ value: c, label: t(`contractType.${c}`) }))}
            {...form.input('contract.type')}
          />
          {values['contract.type'] === 'cdd' && (
            <TextInput
              label={t('vacancy.field.contractMonths')}
              inputMode="numeric"
              {...form.input('contract.months')}
            />
          )}
          <TextInput
            label={t('vacancy.field.hoursPerWeek')}
            description={t('vacancy.hoursHint')}
            inputMode="decimal"
            {...form.input('hoursPerWeek')}
          />
        </SimpleGrid>
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          {codes('schedule', WORK_SCHEDULES, t('vacancy.field.schedule'), (c) =>
            t(`schedule.${c as WorkSchedule}`),
          )}
        </div>
      </Fieldset>
      <section aria-labelledby="requirements-title">
        <Text component="h2" fw={700} size="lg" id="requirements-title">
          {t('vacancy.requirements.title')}
        </Text>
        <Alert color="blue" variant="light" mt="xs" mb="sm" data-testid="objectivation-help">
          {t('vacancy.objectivation.explain')}
        </Alert>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <RequirementsFields form={form} block="published" />
          <RequirementsFields form={form} block="objectified">
            <Group>
              <Button
                variant="default"
                size="sm"
                onClick={() => reset(copyPublished(values))}
                data-testid="copy-published"
              >
                {t('vacancy.copyPublished')}
              </Button>
            </Group>
          </RequirementsFields>
        </SimpleGrid>
      </section>
      <Fieldset legend={t('vacancy.group.demands')}>
        {codes('physicalDemands', PHYSICAL_DEMANDS, t('vacancy.field.physicalDemands'), (c) =>
          t(`physicalDemand.${c as PhysicalDemand}`),
        )}
        <Textarea
          mt="sm"
          label={t('vacancy.field.qualityNote')}
          description={t('vacancy.qualityHint')}
          autosize
          minRows={2}
          {...form.input('qualityNote')}
        />
      </Fieldset>
      <Fieldset legend={t('vacancy.group.status')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('vacancy.field.status')}
            data={VACANCY_STATUSES.map((s) => ({ value: s, label: t(`vacancyStatus.${s}`) }))}
            {...form.input('status')}
          />
          <TextInput
            type="date"
            label={t('vacancy.field.openedOn')}
            required
            withAsterisk={false}
            {...form.input('openedOn')}
          />
          <TextInput
            type="date"
            label={t('vacancy.field.closedOn')}
            description={t('field.optional')}
            {...form.input('closedOn')}
          />
        </SimpleGrid>
      </Fieldset>
    </>
  );
}
