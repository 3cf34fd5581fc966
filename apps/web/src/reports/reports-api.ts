import type { ReportScope, SteeringReport } from '@jobcoach/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';

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
