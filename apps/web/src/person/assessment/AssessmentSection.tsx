import type { PersonFile } from '@jobcoach/contract';
import { COACHABILITY_CONDITIONS } from '@jobcoach/domain';
import { Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDay } from '../../i18n/dates.ts';
import { useT } from '../../i18n/index.ts';
import { Panel } from '../Panel.tsx';
import { AssessmentModal } from './AssessmentModal.tsx';

const DECISION_COLOURS = { accepted: 'green', postponed: 'orange', redirected: 'grape' } as const;

/** The last coachability assessment (method.md §3), and during intake the way to record one. */
export function AssessmentSection({ person }: { person: PersonFile }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { assessment } = person;
  return (
    <Panel id="assessment" title={t('assessment.title')}>
      <Stack gap="xs">
        {assessment ? (
          <>
            <Group gap="xs">
              <Badge
                color={DECISION_COLOURS[assessment.decision]}
                variant="light"
                size="lg"
                data-testid="decision-badge"
              >
                {t(`decision.${assessment.decision}`)}
              </Badge>
              <Text size="sm">
                {t('assessment.on', {
                  date: formatDay(assessment.assessedOn),
                  name: assessment.assessorName ?? '—',
                })}
              </Text>
            </Group>
            <List spacing={4} size="sm" listStyleType="none" m={0} p={0}>
              {COACHABILITY_CONDITIONS.map((c) => {
                const answer = assessment.conditions[c];
                return (
                  <List.Item key={c}>
                    <Text
                      span
                      fw={600}
                      fz="inherit"
                      c={answer?.met ? 'var(--mantine-color-green-light-color)' : 'red.9'}
                    >
                      {answer?.met ? t('assessment.met') : t('assessment.unmet')}
                    </Text>{' '}
                    {t(`condition.${c}`)}
                    {answer?.comment && (
                      <Text span c="dimmed">
                        {' '}
                        — {answer.comment}
                      </Text>
                    )}
                  </List.Item>
                );
              })}
            </List>
            {assessment.decision === 'postponed' && assessment.reviewDate && (
              <Text size="sm">{t('assessment.reviewOn', { date: formatDay(assessment.reviewDate) })}</Text>
            )}
            {assessment.decision === 'redirected' && (
              <Text size="sm">
                {t('assessment.redirectedTo', { name: assessment.redirectPartnerName ?? '—' })}
              </Text>
            )}
            {assessment.reason && (
              <Text size="sm">{t('assessment.reasonShown', { reason: assessment.reason })}</Text>
            )}
          </>
        ) : (
          <Text>{t('assessment.none')}</Text>
        )}
        {person.phase === 'intake' && (
          <Group>
            <Button variant={assessment ? 'default' : 'filled'} onClick={() => setOpen(true)}>
              {assessment ? t('assessment.again') : t('assessment.start')}
            </Button>
          </Group>
        )}
      </Stack>
      {open && <AssessmentModal person={person} onClose={() => setOpen(false)} />}
    </Panel>
  );
}
