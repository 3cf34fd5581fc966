import type { PersonFile } from '@jobcoach/contract';
import { Anchor, Checkbox, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Panel } from '../person/Panel.tsx';
import { PresentationList } from '../presentations/PresentationList.tsx';
import { ProposeButton } from '../presentations/ProposeButton.tsx';
import { Spinner } from '../shell/Loading.tsx';
import { contractText } from '../vacancies/contract.ts';
import { BasinOffers } from './BasinOffers.tsx';
import { MatchCard } from './MatchCard.tsx';
import { usePersonMatches } from './matching-api.ts';

/** « Offres compatibles » of a person's file: open vacancies ranked for them, then their presentations. */
export function PersonOffersTab({ person }: { person: PersonFile }) {
  const t = useT();
  const [compatibleOnly, setCompatibleOnly] = useState(true);
  const matches = usePersonMatches(person.id, compatibleOnly);
  return (
    <Stack gap="md">
      <Panel id="person-matches" title={t('matching.offers.title')}>
        <Stack gap="sm">
          <Text size="sm">{t('matching.offers.intro')}</Text>
          {person.phase !== 'pre_hire' && (
            <Text size="sm" fw={600} data-testid="person-matches-phase">
              {t('matching.offers.notPreHire')}
            </Text>
          )}
          <Checkbox
            label={t('matching.compatibleOnly')}
            checked={compatibleOnly}
            onChange={(event) => setCompatibleOnly(event.currentTarget.checked)}
            data-testid="compatible-only"
          />
          {matches.isPending ? (
            <Spinner />
          ) : matches.error ? (
            <ErrorAlert error={matches.error} onRetry={() => matches.refetch()} />
          ) : matches.data.length === 0 ? (
            <Text c="dimmed" data-testid="matches-empty">
              {t(compatibleOnly ? 'matching.offers.noneCompatible' : 'matching.offers.none')}
            </Text>
          ) : (
            <Stack
              component="ol"
              gap="sm"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('matching.offers.listLabel')}
              data-testid="matches"
            >
              {matches.data.map(({ vacancy, result, presentation, capReached }) => (
                <MatchCard
                  key={vacancy.id}
                  result={result}
                  title={
                    <div>
                      <Anchor component={Link} to={`/offers/${vacancy.id}`} fw={700} data-testid="match-name">
                        {vacancy.title}
                      </Anchor>
                      <Text size="sm">
                        {[vacancy.employerName, vacancy.commune].filter(Boolean).join(' — ')}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {contractText(vacancy, t)}
                      </Text>
                    </div>
                  }
                  action={
                    <ProposeButton
                      personId={person.id}
                      vacancyId={vacancy.id}
                      presentation={presentation}
                      name={vacancy.title}
                      compatible={result.compatible}
                      capReached={capReached}
                    />
                  }
                />
              ))}
            </Stack>
          )}
        </Stack>
      </Panel>
      <BasinOffers person={person} />
      <PresentationList filter={{ personId: person.id }} show="vacancy" />
    </Stack>
  );
}
