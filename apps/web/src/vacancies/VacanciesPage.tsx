import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useEmployers } from '../employers/employers-api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { VACANCY_STATUSES } from './codes.ts';
import { VacanciesTable } from './VacanciesTable.tsx';
import { useVacancies } from './vacancies-api.ts';

/** « Offres »: the organisation's portfolio of vacancies; new offer, CSV import. */
export function VacanciesPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [search] = useDebouncedValue(q, 300);
  const status = params.get('status') ?? 'open';
  const employerId = params.get('employerId') ?? '';
  const employers = useEmployers({ q: '', status: '' }, 500);
  const vacancies = useVacancies({ q: search, status: status === 'all' ? '' : status, employerId });

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
        <PageHeading>{t('vacancies.title')}</PageHeading>
        <Group gap="sm">
          <Button component={Link} to="/offers/new">
            {t('vacancies.new')}
          </Button>
          <Button component={Link} to="/offers/import" variant="default">
            {t('vacancies.import')}
          </Button>
        </Group>
      </Group>
      <Text maw={880}>{t('vacancies.intro')}</Text>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('vacancies.searchRegion')}>
        <TextInput
          type="search"
          label={t('vacancies.search')}
          description={t('vacancies.searchHint')}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setFilter('q', event.currentTarget.value);
          }}
          w={{ base: '100%', sm: 320 }}
        />
        <NativeSelect
          label={t('vacancies.filter.status')}
          data={[
            ...VACANCY_STATUSES.map((s) => ({ value: s, label: t(`vacancyStatus.${s}`) })),
            { value: 'all', label: t('vacancies.filter.allStatuses') },
          ]}
          value={status}
          onChange={(event) =>
            setFilter('status', event.currentTarget.value === 'open' ? '' : event.currentTarget.value)
          }
        />
        <NativeSelect
          label={t('vacancies.filter.employer')}
          data={[
            { value: '', label: t('vacancies.filter.allEmployers') },
            ...(employers.data ?? []).map((e) => ({ value: e.id, label: e.name })),
          ]}
          value={employerId}
          onChange={(event) => setFilter('employerId', event.currentTarget.value)}
          maw={{ base: '100%', sm: 320 }}
        />
      </Group>
      {vacancies.isPending ? (
        <Spinner />
      ) : vacancies.error ? (
        <ErrorAlert error={vacancies.error} onRetry={() => vacancies.refetch()} />
      ) : vacancies.data.length === 0 ? (
        <Text data-testid="vacancies-empty">
          {search || employerId || status !== 'open' ? t('vacancies.noMatch') : t('vacancies.empty')}
        </Text>
      ) : (
        <VacanciesTable vacancies={vacancies.data} />
      )}
    </Stack>
  );
}
