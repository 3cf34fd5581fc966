import { CONTRACT_HORIZONS_MONTHS, type ReportTable } from '@jobcoach/domain';
import { Card, Text, Title } from '@mantine/core';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/index.ts';
import { LineChart, type LineSeries } from './charts/LineChart.tsx';
import { useFormatValue } from './format.ts';

/** The columns of `outcomes_cohorts` drawn as curves: share with a contract after n months. */
const MILESTONES = CONTRACT_HORIZONS_MONTHS.map((months) => ({ key: `contract_${months}m`, months }));

/**
 * Cohort curves: for each quarter of entry into pre-hire, the share of its persons who had signed
 * a contract 3, 6 and 12 months after entry. A cohort not followed that long yet stops early.
 */
export function CohortChart({ table }: { table: ReportTable }) {
  const t = useT();
  const intl = useIntl();
  const format = useFormatValue();
  const present = MILESTONES.filter((m) => table.columns.some((column) => column.key === m.key));
  // One line per cohort, and the total of all cohorts drawn thicker, last.
  const cohorts = [...table.rows.filter((row) => !row.total), ...table.rows.filter((row) => row.total)];
  if (present.length === 0 || cohorts.length === 0) return null;

  const series: LineSeries[] = cohorts.map((row) => ({
    key: row.key,
    label: row.label,
    emphasised: row.total,
    points: present.map((m) => ({ x: m.months, value: row.values[m.key] ?? null })),
  }));
  const description = cohorts
    .map((row) =>
      t('reports.charts.cohortItem', {
        cohort: row.label,
        values: present
          .map((m) =>
            t('reports.charts.afterMonths', {
              months: m.months,
              value: format(row.values[m.key] ?? null, 'percent'),
            }),
          )
          .join(', '),
      }),
    )
    .join(' ; ');

  return (
    <section aria-labelledby="report-cohort-chart" data-testid="report-cohort-chart">
      <Title order={3} id="report-cohort-chart" mb="xs">
        {t('reports.charts.cohorts')}
      </Title>
      <Card withBorder padding="md">
        <Text size="sm" c="dimmed" mb="xs">
          {t('reports.charts.cohortsHelp')}
        </Text>
        <LineChart
          label={t('reports.charts.cohortsLabel', { detail: description })}
          series={series}
          xTicks={[0, ...present.map((m) => m.months)]}
          xLabel={t('reports.charts.monthsAfterEntry')}
          formatX={(months) =>
            months === 0 ? t('reports.charts.entry') : t('reports.charts.months', { months })
          }
          formatY={(percent) =>
            intl.formatNumber(percent / 100, { style: 'percent', maximumFractionDigits: 0 })
          }
        />
      </Card>
    </section>
  );
}
