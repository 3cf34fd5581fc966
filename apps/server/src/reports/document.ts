/**
 * The whole steering committee report for a scope and a period: what the API returns as JSON,
 * and what the CSV, XLSX and PDF exports and the command line render.
 */
import type { Database, Kysely } from '@jobcoach/db';
import { type ReportTable, suppressReport } from '@jobcoach/domain';
import { computeOutcomeTables } from './outcomes.ts';
import type { ReportParams } from './params.ts';
import { computeSteeringReport, type SteeringHeadline } from './steering.ts';

export interface SteeringDocument {
  from: string;
  to: string;
  organisations: { id: string; name: string }[];
  /** True when small cells are hidden (a reader allowed aggregates only). */
  aggregatesOnly: boolean;
  /** ISO instant the report was computed. */
  generatedAt: string;
  headline: SteeringHeadline;
  tables: ReportTable[];
}

/** Computes the report: the steering tables, then the longitudinal outcome and practice tables. */
export async function buildSteeringDocument(
  db: Kysely<Database>,
  params: ReportParams,
  options: { aggregatesOnly: boolean; generatedAt: Date },
): Promise<SteeringDocument> {
  const [steering, outcomes, organisations] = await Promise.all([
    computeSteeringReport(db, params, { aggregatesOnly: options.aggregatesOnly }),
    computeOutcomeTables(db, params),
    db
      .selectFrom('organisation')
      .select(['id', 'name'])
      .where('id', 'in', params.organisationIds)
      .orderBy('name')
      .execute(),
  ]);
  return {
    from: params.from,
    to: params.to,
    organisations,
    aggregatesOnly: options.aggregatesOnly,
    generatedAt: options.generatedAt.toISOString(),
    headline: steering.headline,
    tables: [...steering.tables, ...(options.aggregatesOnly ? suppressReport(outcomes) : outcomes)],
  };
}

/** "rapport-comite-2002-03-01_2002-12-31.xlsx" */
export function reportFileName(doc: Pick<SteeringDocument, 'from' | 'to'>, extension: string): string {
  return `rapport-comite-${doc.from}_${doc.to}.${extension}`;
}

/** A value as printed in French (CSV, PDF): decimal comma, "< 5" as it is, empty for null. */
export function frenchNumber(value: number | string | null, decimals: number | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  const places = decimals ?? (Number.isInteger(value) ? 0 : 2);
  return value.toFixed(places).replace('.', ',');
}

/** Decimals printed for a column kind. */
export function decimalsOf(kind: string): number | null {
  if (kind === 'percent') return 1;
  if (kind === 'ratio') return 2;
  if (kind === 'days') return null;
  return 0;
}

/** 2002-03-01 → 01/03/2002. */
export function belgianDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
