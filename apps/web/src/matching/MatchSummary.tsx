import type { MatchResult } from '@jobcoach/domain';
import { Badge, Box, Group, Progress, Stack, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/index.ts';

/** « Compatible » or « Incompatible », and the score out of 100 as a number and a bar. */
export function MatchScore({ result }: { result: MatchResult }) {
  const t = useT();
  return (
    <Group gap="sm" wrap="nowrap">
      <Badge
        color={result.compatible ? 'green' : 'red'}
        variant={result.compatible ? 'light' : 'filled'}
        data-testid="match-compatible"
        data-compatible={result.compatible}
      >
        {t(result.compatible ? 'matching.compatible' : 'matching.incompatible')}
      </Badge>
      <Box w={120} aria-hidden="true">
        <Progress value={result.score} color={result.compatible ? 'teal' : 'gray'} size="lg" />
      </Box>
      <Text fw={700} data-testid="match-score">
        {t('matching.score', { score: result.score })}
      </Text>
    </Group>
  );
}

/** Beside the ranking: distance and travel estimate, hiring aids (never counted). */
export function MatchSide({ result }: { result: MatchResult }) {
  const t = useT();
  const intl = useIntl();
  const km =
    result.distanceKm === null ? null : intl.formatNumber(result.distanceKm, { maximumFractionDigits: 1 });
  return (
    <Stack gap={6}>
      <Text size="sm" data-testid="match-distance">
        {km === null
          ? t('matching.distanceUnknown')
          : result.travelMinutes === null
            ? t('matching.distance', { km })
            : t('matching.distanceTravel', { km, minutes: result.travelMinutes })}
      </Text>
      <div data-testid="hiring-aids">
        <Text size="sm">
          {result.hiringAids.length > 0
            ? t('matching.hiringAids', { aids: result.hiringAids.join(', ') })
            : t('matching.noHiringAids')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('matching.hiringAidsNote')}
        </Text>
      </div>
    </Stack>
  );
}
