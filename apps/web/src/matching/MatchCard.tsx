import type { MatchResult } from '@jobcoach/domain';
import { Button, Card, Grid, Group, Stack } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { MatchScore, MatchSide } from './MatchSummary.tsx';
import { ReasonList } from './ReasonList.tsx';

const SHOWN = 4;

/**
 * One line of a ranked list: who or what (`title`), compatible or not, the score, the reasons,
 * and beside them distance, hiring aids and the action (`action`: « Proposer » or where it stands).
 */
export function MatchCard({
  title,
  result,
  action,
}: {
  title: ReactNode;
  result: MatchResult;
  action: ReactNode;
}) {
  const t = useT();
  const id = useId();
  const [all, setAll] = useState(false);
  const reasons = all ? result.reasons : result.reasons.slice(0, SHOWN);
  const hidden = result.reasons.length - SHOWN;
  return (
    <Card
      withBorder
      padding="sm"
      component="li"
      data-testid="match"
      data-compatible={result.compatible}
      style={result.compatible ? undefined : { borderLeft: '4px solid var(--mantine-color-red-8)' }}
    >
      <Group justify="space-between" align="flex-start" gap="sm" mb="xs">
        {title}
        <MatchScore result={result} />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap={6} id={`${id}-reasons`}>
            <ReasonList reasons={reasons} />
            {hidden > 0 && (
              <Group>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  aria-expanded={all}
                  aria-controls={`${id}-reasons`}
                  onClick={() => setAll(!all)}
                >
                  {all ? t('matching.fewerReasons') : t('matching.moreReasons', { count: hidden })}
                </Button>
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            <MatchSide result={result} />
            {action}
          </Stack>
        </Grid.Col>
      </Grid>
    </Card>
  );
}
