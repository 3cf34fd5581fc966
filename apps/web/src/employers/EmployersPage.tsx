import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { EMPLOYER_STATUSES } from './codes.ts';
import { EmployersTable } from './EmployersTable.tsx';
import { useEmployers } from './employers-api.ts';

/** « Employeurs »: the registry shared by the organisations of the basin; search by name or BCE. */
export function EmployersPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [search] = useDebouncedValue(q, 300);
  const status = params.get('status') ?? '';
  const employers = useEmployers({ q: search, status });

  const setFilter = (name: string, value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <PageHeading>{t('employers.title')}</PageHeading>
        <Button component={Link} to="/employers/new">
          {t('employers.new')}
        </Button>
      </Group>
      <Text maw={880}>{t('employers.intro')}</Text>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('employers.searchRegion')}>
        <TextInput
          type="search"
          label={t('employers.search')}
          description={t('employers.searchHint')}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setFilter('q', event.currentTarget.value);
          }}
          w={{ base: '100%', sm: 320 }}
        />
        <NativeSelect
          label={t('employers.filter.status')}
          data={[
            { value: '', label: t('employers.filter.allStatuses') },
            ...EMPLOYER_STATUSES.map((s) => ({ value: s, label: t(`employerStatus.${s}`) })),
          ]}
          value={status}
          onChange={(event) => setFilter('status', event.currentTarget.value)}
        />
      </Group>
      {employers.isPending ? (
        <Spinner />
      ) : employers.error ? (
        <ErrorAlert error={employers.error} onRetry={() => employers.refetch()} />
      ) : employers.data.length === 0 ? (
        <Text data-testid="employers-empty">
          {search || status ? t('employers.noMatch') : t('employers.empty')}
        </Text>
      ) : (
        <EmployersTable employers={employers.data} />
      )}
    </Stack>
  );
}
