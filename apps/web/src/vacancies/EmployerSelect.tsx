import { Anchor, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { type ChangeEvent, useState } from 'react';
import { Link } from 'react-router';
import { useEmployers } from '../employers/employers-api.ts';
import { useT } from '../i18n/index.ts';

type Props = {
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  error?: string | undefined;
};

/** The employer of the basin's registry, from a list that a few letters narrow down. */
export function EmployerSelect({ value, onChange, error }: Props) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const employers = useEmployers({ q: '', status: '' }, 500);
  const all = employers.data ?? [];
  const folded = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const shown = all.filter(
    (e) =>
      e.id === value || folded(`${e.name} ${e.commune ?? ''} ${e.bce ?? ''}`).includes(folded(filter.trim())),
  );
  return (
    <Stack gap={6}>
      {all.length > 12 && (
        <TextInput
          type="search"
          label={t('vacancy.employerFilter')}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
        />
      )}
      <NativeSelect
        label={t('vacancy.field.employer')}
        required
        withAsterisk={false}
        data={[
          { value: '', label: employers.isPending ? t('common.loading') : t('field.chooseOption') },
          ...shown.map((e) => ({ value: e.id, label: e.commune ? `${e.name} (${e.commune})` : e.name })),
        ]}
        value={value}
        onChange={onChange}
        error={error ?? (employers.error ? t('vacancy.employersLoadFailed') : undefined)}
      />
      <Text size="sm">
        {t('vacancy.employerMissing')}{' '}
        <Anchor component={Link} to="/employers/new">
          {t('employers.new')}
        </Anchor>
      </Text>
    </Stack>
  );
}
