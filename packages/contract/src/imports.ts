import { WORK_SCHEDULES } from '@jobcoach/domain';
import { z } from 'zod';
import { text } from './common.ts';
import {
  requirementsOutputSchema,
  VACANCY_SOURCES,
  VACANCY_STATUSES,
  vacancyContractOutputSchema,
} from './vacancies.ts';

/**
 * The vacancy import from a CSV file (a FOREm export, a spreadsheet): a preview with the mapping
 * of columns to fields, then a job whose progress is read until it is over.
 */

/** The fields a column can feed (the server knows their French labels and header spellings). */
export const IMPORT_FIELD_NAMES = [
  'title',
  'employerName',
  'employerBce',
  'employerCommune',
  'source',
  'sourceRef',
  'placeOfWork',
  'commune',
  'openings',
  'contractType',
  'contractMonths',
  'hoursPerWeek',
  'schedule',
  'sectorCode',
  'requirementsText',
  'diplomaLevel',
  'languages',
  'drivingLicence',
  'car',
  'experienceYears',
  'status',
  'openedOn',
  'closedOn',
] as const;
export type ImportField = (typeof IMPORT_FIELD_NAMES)[number];

const csvSchema = z
  .string('texte attendu.')
  .max(30_000_000, 'fichier trop volumineux (30 millions de caractères au plus).')
  .refine((v) => !v.includes('\u0000'), 'caractère nul interdit.');

/** Field → the name of the column that feeds it. */
export const importMappingSchema = z.partialRecord(
  z.enum(IMPORT_FIELD_NAMES, 'champ inconnu.'),
  text().trim().min(1, 'nom de colonne attendu.').max(200, 'au plus 200 caractères.'),
  'objet attendu (champ → nom de colonne).',
);
export type ImportMapping = z.output<typeof importMappingSchema>;

export const importPreviewBodySchema = z.object({ csv: csvSchema, mapping: importMappingSchema.optional() });
export type ImportPreviewBody = z.input<typeof importPreviewBodySchema>;

export const importBodySchema = z.object({
  csv: csvSchema,
  mapping: importMappingSchema,
  /** Import the valid rows and report the others; by default one bad row stops everything. */
  validOnly: z.boolean('vrai ou faux attendu.').optional(),
});
export type ImportBody = z.input<typeof importBodySchema>;

/** A job started (the vacancy import, the historical import): follow it by its id. */
export const jobStartedSchema = z.object({ jobId: z.string() });
export type JobStarted = z.output<typeof jobStartedSchema>;

export const importJobParams = z.object({ jobId: z.uuid('identifiant invalide.') });

// ---- answers ----

export const rowErrorSchema = z.object({ line: z.number(), field: z.string(), message: z.string() });
export type RowError = z.output<typeof rowErrorSchema>;

/** A row as it would be imported: VacancyInput with the employer it names (found or to create). */
const previewRowSchema = z.object({
  line: z.number(),
  employerId: z.string().nullable(),
  employerName: z.string(),
  employerBce: z.string().nullable(),
  title: z.string(),
  source: z.enum(VACANCY_SOURCES),
  sourceRef: z.string(),
  placeOfWork: z.string().nullable(),
  commune: z.string().nullable(),
  openings: z.number(),
  contract: vacancyContractOutputSchema,
  hoursPerWeek: z.number().nullable(),
  schedule: z.array(z.enum(WORK_SCHEDULES)),
  sectorCode: z.string().nullable(),
  published: requirementsOutputSchema,
  status: z.enum(VACANCY_STATUSES),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
});

export const importPreviewSchema = z.object({
  columns: z.array(z.string()),
  delimiter: z.string(),
  mapping: z.record(z.string(), z.string()),
  rows: z.number(),
  preview: z.array(previewRowSchema),
  errors: z.array(rowErrorSchema),
  errorCount: z.number(),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;
export type ImportPreviewRow = ImportPreview['preview'][number];

export const importJobSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  validOnly: z.boolean(),
  total: z.number(),
  processed: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errors: z.array(rowErrorSchema),
  /** All row errors; `errors` keeps the first 1000. */
  errorCount: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.output<typeof importJobSchema>;
