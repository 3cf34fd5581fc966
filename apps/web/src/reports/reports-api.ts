import type { ReportTable, ReportValue } from '@jobcoach/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';

/** An organisation the caller may report on (GET /api/reports/scopes). */
export type ReportScope = { id: string; name: string; role: string };

/** The steering committee's report (GET /api/reports/steering). */
export type SteeringReport = {
  from: string;
  to: string;
  organisations: { id: string; name: string }[];
  /** The reader sees aggregates only: counts of 1 to 4 persons come as '< 5'. */
  aggregatesOnly: boolean;
  generatedAt: string;
  headline: {
    employersContacted: ReportValue;
    personsCoached: ReportValue;
    contractsSigned: ReportValue;
    cdi: ReportValue;
    cdd: ReportValue;
    otherContracts: ReportValue;
  };
  tables: ReportTable[];
};

/** What the page asks for: a period and either some organisations or the whole installation. */
export type ReportQuery = { from: string; to: string; organisationIds: string[]; all: boolean };

export type ExportFormat = 'xlsx' | 'csv' | 'pdf';

/** The query string shared by the report and its exports. */
export function reportSearch(query: ReportQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.all) params.set('all', 'true');
  else params.set('organisationIds', query.organisationIds.join(','));
  return params.toString();
}

export function exportUrl(query: ReportQuery, format: ExportFormat): string {
  return `/api/reports/steering.${format}?${reportSearch(query)}`;
}

export function useReportScopes() {
  return useQuery({
    queryKey: ['reports', 'scopes'],
    queryFn: () => api.get<ReportScope[]>('/api/reports/scopes'),
  });
}

/** The report for a query; `null` while the query is incomplete (no organisation, bad period). */
export function useSteeringReport(query: ReportQuery | null) {
  const search = query ? reportSearch(query) : '';
  return useQuery({
    queryKey: ['reports', 'steering', search],
    queryFn: () => api.get<SteeringReport>(`/api/reports/steering?${search}`),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
