import type { ReportScope, SteeringReport } from '@jobcoach/contract';
import { OUTCOME_TABLE_IDS, type ReportTable } from '@jobcoach/domain';
import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { isAdmin } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { today as brusselsToday, formatDay, formatInstant } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { CohortChart } from './CohortChart.tsx';
import { Definitions } from './Definitions.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { HeadlineCards } from './HeadlineCards.tsx';
import { quickPeriod } from './period.ts';
import { type FilterValues, periodErrors, ReportFilters } from './ReportFilters.tsx';
import { ReportTableView } from './ReportTableView.tsx';
import { type ReportQuery, useReportScopes, useSteeringReport } from './reports-api.ts';
import { SexCharts } from './SexCharts.tsx';

/**
 * « Résultats »: the steering committee's figures for a period and some organisations — headline
 * figures, the breakdown by sex, outcomes by cohort — as tables and charts, and the same report
 * as XLSX, CSV or PDF. The choices live in the address, so a report can be bookmarked or shared.
 */
export function ReportsPage() {
  const t = useT();
  const scopes = useReportScopes();

  return (
    <Stack gap="lg">
      <PageHeading>{t('reports.title')}</PageHeading>
      {scopes.isPending ? (
        <Spinner />
      ) : scopes.error ? (
        <ErrorAlert error={scopes.error} onRetry={() => scopes.refetch()} />
      ) : scopes.data.length === 0 ? (
        <Alert color="gray" data-testid="report-no-scope">
          {t('reports.noScope')}
        </Alert>
      ) : (
        <Report scopes={scopes.data} />
      )}
    </Stack>
  );
}

function Report({ scopes }: { scopes: ReportScope[] }) {
  const t = useT();
  const me = useSession();
  const today = brusselsToday();
  const [params, setParams] = useSearchParams();
  const canReportOnAll = isAdmin(me);
  const defaults = quickPeriod('yearToDate', today);
  const org = params.get('org');
  const values: FilterValues = {
    from: params.get('from') ?? defaults.from,
    to: params.get('to') ?? defaults.to,
    organisationIds:
      org === null
        ? scopes.map((scope) => scope.id)
        : org.split(',').filter((id) => scopes.some((s) => s.id === id)),
    all: canReportOnAll && params.get('all') !== '0',
  };
  const setValues = (next: FilterValues) =>
    setParams(
      {
        from: next.from,
        to: next.to,
        org: next.organisationIds.join(','),
        ...(canReportOnAll ? { all: next.all ? '1' : '0' } : {}),
      },
      { replace: true },
    );
  const valid =
    Object.keys(periodErrors(values)).length === 0 && (values.all || values.organisationIds.length > 0);
  const query: ReportQuery | null = valid ? values : null;
  const report = useSteeringReport(query);

  return (
    <>
      <ReportFilters
        values={values}
        onChange={setValues}
        scopes={scopes}
        canReportOnAll={canReportOnAll}
        today={today}
      />
      {report.data?.aggregatesOnly && (
        <Alert color="yellow" variant="light" data-testid="aggregates-only">
          {t('reports.aggregatesOnly')}
        </Alert>
      )}
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" data-testid="report-subtitle" maw={640}>
          {report.data && query ? <Coverage report={report.data} all={query.all} /> : null}
        </Text>
        <ExportLinks query={report.data ? query : null} />
      </Group>
      {!query ? null : report.isPending ? (
        <Spinner />
      ) : report.error ? (
        <ErrorAlert error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <ReportBody report={report.data} stale={report.isPlaceholderData} />
      )}
    </>
  );
}

/** "Du 01/01/2026 au 15/05/2026 — EDIT Verviers, CPAS de Fleurus · produit le …" */
function Coverage({ report, all }: { report: SteeringReport; all: boolean }) {
  const t = useT();
  const names = all
    ? t('reports.coverage.all', { count: report.organisations.length })
    : report.organisations.map((o) => o.name).join(', ');
  return (
    <>
      {t('reports.coverage', {
        from: formatDay(report.from),
        to: formatDay(report.to),
        organisations: names,
      })}
      {' · '}
      {t('reports.generatedAt', {
        at: formatInstant(report.generatedAt),
      })}
    </>
  );
}

function ReportBody({ report, stale }: { report: SteeringReport; stale: boolean }) {
  const t = useT();
  // The headline table holds the figures of the cards; its note says how they are counted.
  const headline = report.tables.find((table) => table.id === 'headline');
  const tables = report.tables.filter((table) => table !== headline);
  return (
    <Stack gap="xl" style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={stale}>
      <Stack gap="xs" component="section" aria-labelledby="report-headline-title">
        <Title order={2} id="report-headline-title">
          {headline?.title ?? t('reports.headline')}
        </Title>
        <HeadlineCards headline={report.headline} />
        {headline?.note && (
          <Text size="sm" c="dimmed">
            {headline.note}
          </Text>
        )}
      </Stack>
      {tables.map((table) => (
        <TableWithChart key={table.id} table={table} />
      ))}
      <Definitions />
    </Stack>
  );
}

/** A table, and after it the chart drawn from it when there is one. */
function TableWithChart({ table }: { table: ReportTable }) {
  return (
    <Stack gap="md">
      <ReportTableView table={table} />
      {table.id === 'by_sex' && <SexCharts table={table} />}
      {table.id === OUTCOME_TABLE_IDS.cohorts && <CohortChart table={table} />}
    </Stack>
  );
}
