import type { MyDay } from '@jobcoach/contract';
import { Alert, Card, Progress, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/index.ts';

/**
 * Active persons against the capacity the server computed (persons per ETP × ETP). Going over is
 * a warning to talk about, never a block (method.md §2).
 */
export function CaseloadGauge({ day }: { day: MyDay }) {
  const t = useT();
  const intl = useIntl();
  const { activeCount, capacity, over, ratio, personsPerFte } = day.caseload;
  const summary = t('myday.caseload.summary', {
    count: activeCount,
    capacity: intl.formatNumber(capacity, { maximumFractionDigits: 2 }),
    fte: intl.formatNumber(day.coach.fte, { maximumFractionDigits: 2 }),
  });
  return (
    <Card withBorder padding="md" data-testid="caseload">
      <Text fw={600} id="caseload-label">
        {t('myday.caseload.title')}
      </Text>
      <Text data-testid="caseload-summary">{summary}</Text>
      <Progress.Root mt="xs" size="lg">
        <Progress.Section
          value={Math.min(100, Math.round((ratio ?? 0) * 100))}
          color={over ? 'orange.8' : 'blue'}
          aria-labelledby="caseload-label"
          aria-valuetext={summary}
        />
      </Progress.Root>
      {over && (
        <Alert mt="sm" color="orange" title={t('myday.caseload.overTitle')} data-testid="caseload-over">
          {t('myday.caseload.over', { perFte: intl.formatNumber(personsPerFte) })}
        </Alert>
      )}
    </Card>
  );
}
