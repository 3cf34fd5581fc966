import type { VacancyFile } from '@jobcoach/contract';
import { Anchor, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { Panel } from '../person/Panel.tsx';
import { ProposeButton } from '../presentations/ProposeButton.tsx';
import { Spinner } from '../shell/Loading.tsx';
import { MatchCard } from './MatchCard.tsx';
import { useVacancyMatches } from './matching-api.ts';

/**
 * « Candidats possibles »: the organisation's persons in pre-hire, ranked by the server for this
 * vacancy, each with its reasons. The coach judges; the person decides whether to apply.
 */
export function CandidatesSection({ vacancy }: { vacancy: VacancyFile }) {
  const t = useT();
  const [compatibleOnly, setCompatibleOnly] = useState(false);
  const matches = useVacancyMatches(vacancy.id, compatibleOnly);
  return (
    <Panel id="candidates" title={t('matching.candidates.title')}>
      <Stack gap="sm">
        <Text size="sm">
          {t(
            vacancy.objectified
              ? 'matching.candidates.introObjectified'
              : 'matching.candidates.introPublished',
          )}
        </Text>
        <Group justify="space-between">
          <Checkbox
            label={t('matching.compatibleOnly')}
            checked={compatibleOnly}
            onChange={(event) => setCompatibleOnly(event.currentTarget.checked)}
            data-testid="compatible-only"
          />
          <Text size="sm" c="dimmed" data-testid="presentation-cap">
            {t('matching.cap', { cap: vacancy.presentationCap, active: vacancy.activePresentations })}
          </Text>
        </Group>
        {matches.isPending ? (
          <Spinner />
        ) : matches.error ? (
          <ErrorAlert error={matches.error} onRetry={() => matches.refetch()} />
        ) : matches.data.length === 0 ? (
          <Text c="dimmed" data-testid="matches-empty">
            {t(compatibleOnly ? 'matching.candidates.noneCompatible' : 'matching.candidates.none')}
          </Text>
        ) : (
          <Stack
            component="ol"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('matching.candidates.listLabel')}
            data-testid="matches"
          >
            {matches.data.map(({ person, result, presentation, capReached }) => {
              const name = `${person.firstName} ${person.lastName}`;
              return (
                <MatchCard
                  key={person.id}
                  result={result}
                  title={
                    <div>
                      <Anchor component={Link} to={`/people/${person.id}`} fw={700} data-testid="match-name">
                        {name}
                      </Anchor>
                      {person.coachName && (
                        <Text size="xs" c="dimmed">
                          {t('person.coach', { name: person.coachName })}
                        </Text>
                      )}
                    </div>
                  }
                  action={
                    vacancy.status === 'open' ? (
                      <ProposeButton
                        personId={person.id}
                        vacancyId={vacancy.id}
                        presentation={presentation}
                        name={name}
                        compatible={result.compatible}
                        capReached={capReached}
                      />
                    ) : null
                  }
                />
              );
            })}
          </Stack>
        )}
      </Stack>
    </Panel>
  );
}
