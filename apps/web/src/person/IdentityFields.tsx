import { formatNiss, isValidNiss, nissBirthDate, SEXES } from '@jobcoach/domain';
import { Fieldset, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import type { PersonBinding } from './field-binding.ts';
import { niss as checkNiss } from './person-validation.ts';

/**
 * Prénom, nom, naissance, sexe, NISS, adresse et coordonnées. The NISS is checked as it is typed
 * (the domain's modulo-97 check); a valid one fills an empty birth date.
 */
export function IdentityFields({ form }: { form: PersonBinding }) {
  const t = useT();
  const [nissLeft, setNissLeft] = useState(false);
  const nissValue = form.values.niss;
  const nissError = form.errors.niss ?? checkNiss(nissValue, t, nissLeft);
  const nissValid = nissValue.trim() !== '' && isValidNiss(nissValue);

  const leaveNiss = () => {
    setNissLeft(true);
    const born = nissValid ? nissBirthDate(nissValue) : null;
    if (born && form.values.birthDate === '') form.set('birthDate', born);
  };

  return (
    <Fieldset legend={t('person.group.identity')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('person.firstName')}
          required
          withAsterisk={false}
          autoComplete="off"
          {...form.input('firstName')}
        />
        <TextInput
          label={t('person.lastName')}
          required
          withAsterisk={false}
          autoComplete="off"
          {...form.input('lastName')}
        />
        <TextInput type="date" label={t('person.birthDate')} {...form.input('birthDate')} />
        <NativeSelect
          label={t('person.sex')}
          description={t('person.sexHint')}
          data={SEXES.map((sex) => ({ value: sex, label: t(`sex.${sex}`) }))}
          {...form.input('sex')}
        />
        <TextInput
          label={t('person.niss')}
          description={
            nissValid ? t('person.nissValid', { niss: formatNiss(nissValue) }) : t('person.nissHint')
          }
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          {...form.input('niss')}
          error={nissError}
          onBlur={leaveNiss}
          data-testid="niss-input"
        />
        <TextInput label={t('person.phone')} type="tel" autoComplete="off" {...form.input('phone')} />
        <TextInput label={t('person.email')} type="email" autoComplete="off" {...form.input('email')} />
        <TextInput label={t('person.address')} autoComplete="off" {...form.input('address')} />
        <TextInput
          label={t('person.postcode')}
          inputMode="numeric"
          maxLength={4}
          autoComplete="off"
          {...form.input('postcode')}
        />
        <TextInput label={t('person.commune')} autoComplete="off" {...form.input('commune')} />
      </SimpleGrid>
    </Fieldset>
  );
}
