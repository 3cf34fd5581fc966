import {
  INCOME_SOURCES,
  NACE_SECTIONS,
  naceSectionOption,
  ORIGINS,
  PHYSICAL_DEMANDS,
  RESIDENCE_STATUSES,
  STUDIES,
  searchOccupations,
} from '@jobcoach/domain';
import {
  Alert,
  Checkbox,
  type ComboboxParsedItem,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import { LanguagesField } from '../vacancies/LanguagesField.tsx';
import type { PersonBinding } from './field-binding.ts';
import { type PersonField, SCHEDULE_LIMITS, toggleCode, WEEK_DAYS } from './person-form.ts';

/**
 * Everything but the identity: statistics, situation, mobility, availability, health, wishes, skills.
 * `restricted` names the sensitive fields the server withheld: they show « Accès restreint » and
 * are never sent back, so a save cannot wipe what the user cannot see.
 */
export function SituationFields({ form, restricted = [] }: { form: PersonBinding; restricted?: string[] }) {
  const t = useT();
  const unknown = { value: '', label: t('common.notStated') };
  const hidden = (field: PersonField, label: string) =>
    restricted.includes(field) ? (
      <TextInput
        label={label}
        value={t('person.restricted')}
        readOnly
        disabled
        data-testid={`restricted-${field}`}
      />
    ) : null;
  const yesNo = (field: PersonField, label: string, description?: string) =>
    hidden(field, label) ?? (
      <NativeSelect
        label={label}
        description={description}
        data={[unknown, { value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }]}
        {...form.input(field)}
      />
    );
  const codes = (
    field: 'scheduleDays' | 'scheduleLimits' | 'physicalLimits',
    all: readonly string[],
    label: string,
    description?: string,
  ) => (
    <Checkbox.Group
      label={label}
      description={description}
      value={form.values[field].split(',').filter(Boolean)}
      data-testid={`codes-${field}`}
    >
      <Group gap="md" mt={6}>
        {all.map((code) => (
          <Checkbox
            key={code}
            value={code}
            label={t(
              field === 'scheduleDays'
                ? `weekDay.${code as 'mon'}`
                : field === 'physicalLimits'
                  ? `physicalDemand.${code as 'heavy_loads'}`
                  : `scheduleLimit.${code as 'no_night'}`,
            )}
            onChange={(event) =>
              form.set(field, toggleCode(form.values[field], code, event.currentTarget.checked, all))
            }
          />
        ))}
      </Group>
    </Checkbox.Group>
  );

  return (
    <>
      <Fieldset legend={t('person.group.statistics')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {hidden('origin', t('person.origin')) ?? (
            <NativeSelect
              label={t('person.origin')}
              data={[unknown, ...ORIGINS.map((o) => ({ value: o, label: t(`origin.${o}`) }))]}
              {...form.input('origin')}
            />
          )}
          {hidden('residenceStatus', t('person.residenceStatus')) ?? (
            <NativeSelect
              label={t('person.residenceStatus')}
              data={[
                unknown,
                ...RESIDENCE_STATUSES.map((r) => ({ value: r, label: t(`residenceStatus.${r}`) })),
              ]}
              {...form.input('residenceStatus')}
            />
          )}
          <NativeSelect
            label={t('person.studies')}
            data={[unknown, ...STUDIES.map((s) => ({ value: s, label: t(`studies.${s}`) }))]}
            {...form.input('studies')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('person.group.situation')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('person.monthsWithoutJob')}
            inputMode="numeric"
            {...form.input('monthsWithoutJob')}
          />
          <NativeSelect
            label={t('person.income')}
            data={[unknown, ...INCOME_SOURCES.map((i) => ({ value: i, label: t(`income.${i}`) }))]}
            {...form.input('income')}
          />
          {yesNo('singleParent', t('person.singleParent'))}
          <TextInput label={t('person.childrenCount')} inputMode="numeric" {...form.input('childrenCount')} />
          {yesNo('debtSettlementPlan', t('person.debtSettlementPlan'))}
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('person.group.mobility')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {yesNo('drivingLicence', t('person.drivingLicence'))}
          {yesNo('hasCar', t('person.hasCar'))}
          {yesNo('publicTransport', t('person.publicTransport'))}
          <TextInput
            label={t('person.maxTravelMinutes')}
            inputMode="numeric"
            {...form.input('maxTravelMinutes')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('person.group.availability')}>
        {codes('scheduleDays', WEEK_DAYS, t('person.scheduleDays'))}
        <TextInput
          mt="sm"
          label={t('person.scheduleHours')}
          description={t('person.scheduleHoursHint')}
          {...form.input('scheduleHours')}
        />
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          {codes('scheduleLimits', SCHEDULE_LIMITS, t('person.scheduleLimits'))}
        </div>
      </Fieldset>
      <Fieldset legend={t('person.group.health')}>
        <Alert color="orange" mb="sm" title={t('person.sensitiveTitle')}>
          {t('person.sensitive')}
        </Alert>
        {hidden('physicalLimits', t('person.physicalLimits')) ??
          codes(
            'physicalLimits',
            PHYSICAL_DEMANDS,
            t('person.physicalLimits'),
            t('person.physicalLimitsHint'),
          )}
        {hidden('physicalLimitsNote', t('person.physicalLimitsNote')) ?? (
          <Textarea
            mt="sm"
            label={t('person.physicalLimitsNote')}
            autosize
            minRows={2}
            {...form.input('physicalLimitsNote')}
          />
        )}
      </Fieldset>
      <Fieldset legend={t('person.group.wishes')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <WordsInput
            form={form}
            field="wishedJobs"
            label={t('person.wishedJobs')}
            description={t('person.wishedJobsHint')}
            options={(search) => searchOccupations(search, 12).map((o) => o.fr)}
            searched
          />
          <WordsInput
            form={form}
            field="wishedSectors"
            label={t('person.wishedSectors')}
            description={t('person.wishedSectorsHint')}
            options={() => NACE_SECTIONS.map(naceSectionOption)}
          />
        </SimpleGrid>
        <Checkbox
          mt="sm"
          label={t('person.cdiOnly')}
          description={t('person.cdiOnlyHint')}
          checked={form.values.cdiOnly === 'yes'}
          onChange={(event) => form.set('cdiOnly', event.currentTarget.checked ? 'yes' : 'no')}
        />
      </Fieldset>
      <Fieldset legend={t('person.group.skills')}>
        <LanguagesField
          kind="person"
          label={t('person.languages')}
          description={t('person.languagesHint')}
          value={form.values.languages}
          onChange={(value) => form.set('languages', value)}
          error={form.errors.languages}
          testId="languages-person"
        />
        <Textarea
          mt="sm"
          label={t('person.skillsKnowHow')}
          autosize
          minRows={2}
          {...form.input('skillsKnowHow')}
        />
        <Textarea mt="sm" label={t('person.skillsSoft')} autosize minRows={2} {...form.input('skillsSoft')} />
      </Fieldset>
      <Fieldset legend={t('person.group.notes')}>
        {hidden('notes', t('person.notes')) ?? (
          <Textarea label={t('person.notes')} autosize minRows={3} {...form.input('notes')} />
        )}
        {/* Only a reader of sensitive fields (nothing withheld) marks notes confidential. */}
        {restricted.length === 0 && (
          <Checkbox
            mt="sm"
            label={t('person.notesConfidential')}
            checked={form.values.notesConfidential === 'yes'}
            onChange={(event) => form.set('notesConfidential', event.currentTarget.checked ? 'yes' : 'no')}
          />
        )}
      </Fieldset>
    </>
  );
}

/**
 * Search as you type in a referential (occupations, NACE sections), one tag per choice; a word the
 * referential lacks stays possible (Entrée or a comma adds it).
 */
function WordsInput({
  form,
  field,
  label,
  description,
  options,
  searched = false,
}: {
  form: PersonBinding;
  field: 'wishedJobs' | 'wishedSectors';
  label: string;
  description: string;
  options: (search: string) => string[];
  /** The options are already the search's results (accents and other languages included). */
  searched?: boolean;
}) {
  const [search, setSearch] = useState('');
  const value = form.values[field].split('\n').filter((w) => w.trim() !== '');
  const data = [...new Set(options(search))].filter((o) => !value.includes(o));
  return (
    <TagsInput
      label={label}
      description={description}
      value={value}
      onChange={(next) => form.set(field, next.join('\n'))}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      limit={12}
      {...(searched ? { filter: ({ options: found }: { options: ComboboxParsedItem[] }) => found } : {})}
      clearable
      error={form.errors[field]}
      data-testid={`words-${field}`}
    />
  );
}
