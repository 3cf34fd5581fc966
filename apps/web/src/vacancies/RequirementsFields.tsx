import { DIPLOMA_LEVELS } from '@jobcoach/domain';
import {
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { LanguagesField } from './LanguagesField.tsx';
import type { VacancyBinding } from './vacancy-binding.ts';
import type { Block } from './vacancy-form.ts';

/**
 * One block of requirements: as published, or as objectified with the employer (then with the
 * fine description of the tasks). The same labels in both blocks: each block is a named group.
 */
export function RequirementsFields({
  form,
  block,
  children,
}: {
  form: VacancyBinding;
  block: Block;
  /** Above the fields: the explanation and « Reprendre les exigences publiées ». */
  children?: ReactNode;
}) {
  const t = useT();
  const objectified = block === 'objectified';
  const flag = (key: 'drivingLicence' | 'car') => (
    <Checkbox
      label={t(`vacancy.req.${key}`)}
      checked={form.values[`${block}.${key}`] === 'yes'}
      onChange={(event) => form.set(`${block}.${key}`, event.currentTarget.checked ? 'yes' : '')}
    />
  );
  return (
    <Fieldset
      legend={t(objectified ? 'vacancy.objectified.title' : 'vacancy.published.title')}
      data-testid={`requirements-${block}`}
      bg={objectified ? 'teal.0' : undefined}
      style={objectified ? { borderColor: 'var(--mantine-color-teal-7)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        {children}
        {objectified && (
          <Textarea
            label={t('vacancy.req.taskDescription')}
            description={t('vacancy.req.taskDescriptionHint')}
            autosize
            minRows={3}
            {...form.input('objectified.taskDescription')}
          />
        )}
        <Textarea
          label={t(objectified ? 'vacancy.req.textObjectified' : 'vacancy.req.text')}
          autosize
          minRows={2}
          {...form.input(`${block}.text`)}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label={t('vacancy.req.diplomaLevel')}
            data={[
              { value: '', label: t('vacancy.req.notAsked') },
              ...DIPLOMA_LEVELS.map((d) => ({ value: d, label: t(`diploma.${d}`) })),
            ]}
            {...form.input(`${block}.diplomaLevel`)}
          />
          <TextInput
            label={t('vacancy.req.experienceYears')}
            description={t('vacancy.req.experienceHint')}
            inputMode="numeric"
            {...form.input(`${block}.experienceYears`)}
          />
        </SimpleGrid>
        <LanguagesField
          label={t('vacancy.req.languages')}
          value={form.values[`${block}.languages`]}
          onChange={(value) => form.set(`${block}.languages`, value)}
          error={form.errors[`${block}.languages`]}
          testId={`languages-${block}`}
        />
        <Group gap="lg">
          {flag('drivingLicence')}
          {flag('car')}
        </Group>
      </Stack>
    </Fieldset>
  );
}
