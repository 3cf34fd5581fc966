import { formatBce, isValidBce } from '@jobcoach/domain';
import { Fieldset, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { CommuneInput } from './CommuneInput.tsx';
import { EMPLOYER_SECTORS, EMPLOYER_SIZE_CLASSES, EMPLOYER_STATUSES } from './codes.ts';
import { bceError, type EmployerBinding } from './employer-form.ts';
import { naceLabel } from './sector.ts';

/**
 * Identity (name, BCE checked as it is typed with the domain's modulo-97 rule, NACE-BEL code,
 * size, public or private), address, the single reference person, status and the organisation's
 * own notes. `onBceLeft`: the number was left valid (to look for the employer in the registry).
 */
export function EmployerFields({
  form,
  onBceLeft,
  bceNotice,
}: {
  form: EmployerBinding;
  onBceLeft: (bce: string) => void;
  /** Shown under the identity fields: the employer already registered with this number. */
  bceNotice?: ReactNode;
}) {
  const t = useT();
  const [bceLeft, setBceLeft] = useState(false);
  const { values } = form;
  const bceValid = values.bce.trim() !== '' && isValidBce(values.bce);
  const nace = naceLabel(values.naceCode.trim(), t);
  const choose = { value: '', label: t('common.notStated') };

  return (
    <>
      <Fieldset legend={t('employer.group.identity')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('employer.field.name')}
            required
            withAsterisk={false}
            autoComplete="off"
            {...form.input('name')}
          />
          <TextInput
            label={t('employer.field.bce')}
            description={
              bceValid ? t('employer.bceValid', { bce: formatBce(values.bce) }) : t('field.bceHint')
            }
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            {...form.input('bce')}
            error={form.errors.bce ?? bceError(values.bce, t, bceLeft)}
            onBlur={() => {
              setBceLeft(true);
              if (bceValid) onBceLeft(values.bce);
            }}
            data-testid="bce-input"
          />
          <TextInput
            label={t('employer.field.naceCode')}
            description={nace && nace !== values.naceCode.trim() ? nace : t('employer.naceHint')}
            autoComplete="off"
            {...form.input('naceCode')}
          />
          <NativeSelect
            label={t('employer.field.sizeClass')}
            data={[choose, ...EMPLOYER_SIZE_CLASSES.map((s) => ({ value: s, label: t(`sizeClass.${s}`) }))]}
            {...form.input('sizeClass')}
          />
          <NativeSelect
            label={t('employer.field.sector')}
            data={EMPLOYER_SECTORS.map((s) => ({ value: s, label: t(`employerSector.${s}`) }))}
            {...form.input('sector')}
          />
        </SimpleGrid>
        {bceNotice && <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>{bceNotice}</div>}
      </Fieldset>
      <Fieldset legend={t('employer.group.address')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('employer.field.address')} autoComplete="off" {...form.input('address')} />
          <TextInput
            label={t('employer.field.postcode')}
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
            {...form.input('postcode')}
          />
          <CommuneInput label={t('employer.field.commune')} {...form.input('commune')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('employer.group.reference')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('employer.field.referenceName')}
            description={t('employer.referenceHint')}
            autoComplete="off"
            {...form.input('referenceName')}
          />
          <TextInput
            label={t('employer.field.referenceRole')}
            autoComplete="off"
            {...form.input('referenceRole')}
          />
          <TextInput
            label={t('employer.field.referencePhone')}
            type="tel"
            autoComplete="off"
            {...form.input('referencePhone')}
          />
          <TextInput
            label={t('employer.field.referenceEmail')}
            type="email"
            autoComplete="off"
            {...form.input('referenceEmail')}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('employer.group.follow')}>
        <NativeSelect
          label={t('employer.field.status')}
          description={t('employer.statusHint')}
          data={EMPLOYER_STATUSES.map((s) => ({ value: s, label: t(`employerStatus.${s}`) }))}
          {...form.input('status')}
          maw={360}
        />
        <Textarea
          mt="sm"
          label={t('employer.field.notes')}
          description={t('employer.notesHint')}
          autosize
          minRows={3}
          {...form.input('notes')}
        />
      </Fieldset>
    </>
  );
}
