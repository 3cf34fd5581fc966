import { COACHABILITY_DECISIONS, PHASES } from '@jobcoach/domain';
import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { usePersons } from './people-api.ts';

/** « Personnes »: search by name, NISS or phone; filter by phase and intake decision. */
export function PeoplePage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [search] = useDebouncedValue(q, 300);
  const phase = params.get('phase') ?? '';
  const decision = params.get('decision') ?? '';
  const persons = usePersons({ q: search, phase, decision });

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
        <PageHeading>{t('people.title')}</PageHeading>
        <Button component={Link} to="/people/new">
          {t('people.new')}
        </Button>
      </Group>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('people.searchRegion')}>
        <TextInput
          type="search"
          label={t('people.search')}
          description={t('people.searchHint')}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setFilter('q', event.currentTarget.value);
          }}
          w={{ base: '100%', sm: 320 }}
        />
        <NativeSelect
          label={t('people.filter.phase')}
          data={[
            { value: '', label: t('people.filter.allPhases') },
            ...PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) })),
          ]}
          value={phase}
          onChange={(event) => setFilter('phase', event.currentTarget.value)}
        />
        <NativeSelect
          label={t('people.filter.decision')}
          data={[
            { value: '', label: t('people.filter.allDecisions') },
            { value: 'none', label: t('people.filter.noDecision') },
            ...COACHABILITY_DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) })),
          ]}
          value={decision}
          onChange={(event) => setFilter('decision', event.currentTarget.value)}
        />
      </Group>
      {persons.isPending ? (
        <Spinner />
      ) : persons.error ? (
        <ErrorAlert error={persons.error} onRetry={() => persons.refetch()} />
      ) : persons.data.length === 0 ? (
        <Text data-testid="people-empty">
          {search || phase || decision ? t('people.noMatch') : t('people.empty')}
        </Text>
      ) : (
        <PeopleTable persons={persons.data} />
      )}
    </Stack>
  );
}
