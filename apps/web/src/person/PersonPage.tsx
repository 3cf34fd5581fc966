import type { PersonFile } from '@jobcoach/contract';
import { Stack, Tabs } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api.ts';
import { isCoordinator } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { ContractsSection } from '../contracts/ContractsSection.tsx';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { PersonOffersTab } from '../matching/PersonOffersTab.tsx';
import { usePerson } from '../people/people-api.ts';
import { Spinner } from '../shell/Loading.tsx';
import { NotFound } from '../shell/Notice.tsx';
import { AccessLog } from './AccessLog.tsx';
import { PersonEditForm } from './edit/PersonEditForm.tsx';
import { PersonHeader } from './PersonHeader.tsx';
import { PrivacyTab } from './privacy/PrivacyTab.tsx';
import { Timeline } from './Timeline.tsx';
import { TrajectoryTab } from './TrajectoryTab.tsx';

const TABS = ['trajectory', 'offers', 'identity', 'timeline', 'privacy'] as const;
type Tab = (typeof TABS)[number];

/**
 * A person's file: header, then « Parcours », « Offres compatibles » (matching and presentations),
 * « Identité et situation », « Historique ».
 */
export function PersonPage() {
  const { id = '' } = useParams();
  const person = usePerson(id);
  if (person.isPending) return <Spinner />;
  if (person.error) {
    if (person.error instanceof ApiError && person.error.status === 404) return <NotFound />;
    return <ErrorAlert error={person.error} onRetry={() => person.refetch()} />;
  }
  return <PersonView person={person.data} />;
}

function PersonView({ person }: { person: PersonFile }) {
  const t = useT();
  const coordinator = isCoordinator(useSession());
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = TABS.find((name) => name === requested) ?? 'trajectory';
  const choose = (value: string | null) =>
    setParams(value && value !== 'trajectory' ? { tab: value } : {}, { replace: true });

  return (
    <Stack gap="md">
      <PersonHeader person={person} />
      <Tabs value={tab} onChange={choose} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="trajectory">{t('person.tab.trajectory')}</Tabs.Tab>
          <Tabs.Tab value="offers">{t('person.tab.offers')}</Tabs.Tab>
          <Tabs.Tab value="identity">{t('person.tab.identity')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('person.tab.timeline')}</Tabs.Tab>
          <Tabs.Tab value="privacy">{t('person.tab.privacy')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="trajectory" pt="md">
          <Stack gap="md">
            <TrajectoryTab person={person} />
            <ContractsSection person={person} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="offers" pt="md">
          <PersonOffersTab person={person} />
        </Tabs.Panel>
        <Tabs.Panel value="identity" pt="md">
          <PersonEditForm person={person} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <Stack gap="md">
            <Timeline entries={person.timeline} personId={person.id} personVersion={person.version} />
            {coordinator ? <AccessLog personId={person.id} /> : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="privacy" pt="md">
          <PrivacyTab person={person} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
