import type { Basin } from '@jobcoach/contract';
import { ORGANISATION_KINDS } from '@jobcoach/domain';
import { NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useT } from '../i18n/index.ts';

export type OrganisationField = 'name' | 'kind' | 'basinId' | 'address' | 'bce';
type Bind = (field: OrganisationField) => {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  error?: string | undefined;
};

/** The fields describing an organisation, shared by the first-run setup and the administration. */
export function OrganisationFields({ bind, basins }: { bind: Bind; basins: Basin[] }) {
  const t = useT();
  const choose = { value: '', label: t('field.chooseOption') };
  return (
    <Stack gap="sm">
      <TextInput label={t('field.organisationName')} required withAsterisk={false} {...bind('name')} />
      <NativeSelect
        label={t('field.kind')}
        required
        withAsterisk={false}
        data={[choose, ...ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))]}
        {...bind('kind')}
      />
      <NativeSelect
        label={t('field.basin')}
        required
        withAsterisk={false}
        data={[choose, ...basins.map((basin) => ({ value: basin.id, label: basin.name }))]}
        {...bind('basinId')}
      />
      <Textarea
        label={t('field.address')}
        description={t('field.optional')}
        autosize
        minRows={2}
        autoComplete="street-address"
        {...bind('address')}
      />
      <TextInput
        label={t('field.bce')}
        description={t('field.bceHint')}
        inputMode="numeric"
        {...bind('bce')}
      />
    </Stack>
  );
}
