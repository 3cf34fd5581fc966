import { type ReportTable, SMALL_CELL } from '@jobcoach/domain';
import { z } from 'zod';

/**
 * The steering committee's report (docs/indicators.md): JSON, and the same query for the CSV,
 * XLSX and PDF exports.
 */

/** The most organisations one request may name. */
export const MAX_REPORT_ORGANISATIONS = 500;

export const reportQuerySchema = z.object({
  from: z.string().max(20),
  to: z.string().max(20),
  organisationIds: z
    .string()
    .max(MAX_REPORT_ORGANISATIONS * 40)
    .optional(),
  all: z.enum(['true', 'false'], 'valeur « true » ou « false » attendue.').optional(),
});
export type SteeringReportQuery = z.output<typeof reportQuerySchema>;

/** A figure, '< 5' for a small cell hidden from an evaluator, null when it does not apply. */
const valueSchema = z.union([z.number(), z.literal(SMALL_CELL), z.null()]);
const tableSchema = z.object({
  id: z.string(),
  title: z.string(),
  note: z.string().optional(),
  columns: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.enum(['persons', 'count', 'percent', 'days', 'ratio']),
      basis: z.string().optional(),
      sumOf: z.array(z.string()).optional(),
    }),
  ),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      group: z.string().optional(),
      total: z.boolean().optional(),
      kind: z.enum(['persons', 'count']).optional(),
      values: z.record(z.string(), valueSchema),
    }),
  ),
}) satisfies z.ZodType<ReportTable>;

export const steeringReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The reader sees aggregates only: counts of 1 to 4 persons come as '< 5'. */
  aggregatesOnly: z.boolean(),
  generatedAt: z.string(),
  headline: z.object({
    employersContacted: valueSchema,
    personsCoached: valueSchema,
    contractsSigned: valueSchema,
    cdi: valueSchema,
    cdd: valueSchema,
    otherContracts: valueSchema,
  }),
  tables: z.array(tableSchema),
});
export type SteeringReport = z.output<typeof steeringReportSchema>;

/** The organisations the caller may report on, with the caller's role in each. */
export const reportScopeListSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'coordinator', 'jobcoach', 'evaluator']),
  }),
);
export type ReportScope = z.output<typeof reportScopeListSchema>[number];
