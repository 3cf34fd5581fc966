import { z } from 'zod';
import { text } from './common.ts';

/**
 * The historical import (docs/import.md): the files go base64-encoded in JSON (the API takes JSON
 * only); a job checks them (a dry run) or imports them, and its progress is read until it is over.
 */

/** The files of a historical import, one per kind of record. */
export const HISTORY_FILES = [
  'employers',
  'persons',
  'contracts',
  'events',
  'person_contacts',
  'employer_contacts',
] as const;
export type HistoryFile = (typeof HISTORY_FILES)[number];

/**
 * What a table in another shape can be mapped onto: one of the files, or `tracking`, a
 * coordinator's tracking sheet with one row per person (their dates of entry, contract and exit),
 * which gives persons, their events and the employers named.
 */
export const HISTORY_MAPPING_TARGETS = [...HISTORY_FILES, 'tracking'] as const;
export type HistoryMappingTarget = (typeof HISTORY_MAPPING_TARGETS)[number];

const fileSchema = z.object({
  name: text().trim().min(1, 'nom de fichier attendu.').max(200, 'au plus 200 caractères.'),
  contentBase64: z
    .string('contenu en base64 attendu.')
    .max(60_000_000, 'fichier trop volumineux.')
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'contenu en base64 attendu.'),
});
export type UploadFile = z.input<typeof fileSchema>;

/** How one table in another shape maps onto the import (the mapping step). */
export const historyTableMappingSchema = z.object({
  /** The table's name as the inspection gives it ("suivi.csv", "Suivi.xlsx › Suivi 2025"). */
  table: text().trim().min(1, 'nom de tableau attendu.').max(300, 'au plus 300 caractères.'),
  /** What its rows are; null: the table is ignored. */
  target: z.enum(HISTORY_MAPPING_TARGETS, 'cible inconnue.').nullable(),
  /** Column of the import → heading of the table. */
  columns: z.record(
    z.string().min(1).max(60),
    text().trim().min(1, 'nom de colonne attendu.').max(200, 'au plus 200 caractères.'),
    'objet attendu (colonne → en-tête).',
  ),
});
export const historyMappingSchema = z
  .array(historyTableMappingSchema, 'liste de correspondances attendue.')
  .max(50, 'au plus 50 tableaux.');
export type HistoryTableMapping = z.output<typeof historyTableMappingSchema>;

export const historyInspectBodySchema = z.object({
  files: z
    .array(fileSchema, 'liste de fichiers attendue.')
    .min(1, 'au moins un fichier.')
    .max(HISTORY_FILES.length, `au plus ${HISTORY_FILES.length} fichiers.`),
});
export type HistoryInspectBody = z.input<typeof historyInspectBodySchema>;

export const historyImportBodySchema = z.object({
  /** The mapping step's choices for the tables in another shape (the others are read by name). */
  mapping: historyMappingSchema.optional(),
  files: z
    .array(fileSchema, 'liste de fichiers attendue.')
    .min(1, 'au moins un fichier.')
    .max(HISTORY_FILES.length, `au plus ${HISTORY_FILES.length} fichiers.`),
  /** Check and count without writing anything. */
  dryRun: z.boolean('vrai ou faux attendu.').optional(),
  /** Import the valid rows; by default one error anywhere and nothing is written. */
  validOnly: z.boolean('vrai ou faux attendu.').optional(),
});
export type HistoryImportBody = z.input<typeof historyImportBodySchema>;

// ---- answers ----

export const historyErrorSchema = z.object({
  file: z.string(),
  line: z.number(),
  field: z.string(),
  message: z.string(),
});
export const historySkippedSchema = z.object({ file: z.string(), line: z.number(), message: z.string() });
export const historyCountsSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  linked: z.number(),
  skipped: z.number(),
  errors: z.number(),
});
export type HistoryCounts = z.output<typeof historyCountsSchema>;

export const historyImportJobSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  dryRun: z.boolean(),
  validOnly: z.boolean(),
  /** Whether rows were written (false for a dry run and for an import stopped by errors). */
  written: z.boolean(),
  total: z.number(),
  processed: z.number(),
  /** The files read; a CSV file's encoding as detected (« UTF-8 », « Windows-1252 »…). */
  files: z.array(
    z.object({ file: z.string(), rows: z.number(), encoding: z.string().nullable().optional() }),
  ),
  /** Per kind of record (employer, person, contract, event, person_contact, employer_contact). */
  counts: z.record(z.string(), historyCountsSchema),
  errors: z.array(historyErrorSchema),
  errorCount: z.number(),
  skipped: z.array(historySkippedSchema),
  skippedCount: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type HistoryImportJob = z.output<typeof historyImportJobSchema>;

/** The import's documentation (docs/import.md), as the help page shows it. */
export const historyDocumentationSchema = z.object({ markdown: z.string() });
export type HistoryDocumentation = z.output<typeof historyDocumentationSchema>;

/** Whether a written import can still be undone, and if not, what prevents it (French). */
export const historyUndoStateSchema = z.object({
  possible: z.boolean(),
  until: z.string().nullable(),
  blockers: z.array(z.string()),
});

/** The organisation's written imports of the last weeks, each with whether it can be undone. */
export const historyImportListSchema = z.array(
  z.object({
    id: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    createdBy: z.string().nullable(),
    validOnly: z.boolean(),
    total: z.number(),
    created: z.number(),
    files: z.array(
      z.object({ file: z.string(), rows: z.number(), encoding: z.string().nullable().optional() }),
    ),
    undoneAt: z.string().nullable(),
    undo: historyUndoStateSchema,
  }),
);
export type HistoryImportList = z.output<typeof historyImportListSchema>;

/** An import undone: the rows removed per kind (and the employer statuses put back). */
export const historyUndoneSchema = z.object({ removed: z.record(z.string(), z.number()) });
export type HistoryUndone = z.output<typeof historyUndoneSchema>;

/** The tables of an upload, as the mapping step shows them before the check. */
export const historyInspectSchema = z.object({
  tables: z.array(
    z.object({
      table: z.string(),
      /** The file it is by its name, or null: a table in another shape, to map. */
      recognised: z.enum(HISTORY_FILES).nullable(),
      /** A CSV file's encoding as detected (« UTF-8 », « Windows-1252 »…); null for a workbook. */
      encoding: z.string().nullable(),
      rows: z.number(),
      headings: z.array(z.string()),
      /** The first rows, as read (the preview). */
      sample: z.array(z.array(z.string())),
      /** The mapping offered: the one saved for this shape, or a guess from the headings. */
      mapping: historyTableMappingSchema.nullable(),
      /** The mapping offered is the one saved by the organisation for tables of this shape. */
      saved: z.boolean(),
      /** For each target, the columns its headings name (what the page fills in when a target is chosen). */
      guesses: z.record(z.string(), z.record(z.string(), z.string())),
    }),
  ),
  /** What a table can be mapped onto, and the columns of each. */
  targets: z.array(
    z.object({
      target: z.enum(HISTORY_MAPPING_TARGETS),
      label: z.string(),
      columns: z.array(z.object({ name: z.string(), label: z.string(), required: z.boolean() })),
    }),
  ),
  errors: z.array(historyErrorSchema),
});
export type HistoryInspect = z.output<typeof historyInspectSchema>;
