import type { Database, Kysely } from '@jobcoach/db';
import { appendAudit } from '../application/audit.ts';
import { ENCODING_LABELS } from '../imports/encoding.ts';
import type { HistoryEntity } from './format.ts';
import { applyMapping, mappingErrors, savedMappings, shapeOf, type TableMapping } from './mapping.ts';
import { fileOfTitle } from './names.ts';
import { type EntityCounts, planImport, type Skipped } from './plan.ts';
import { type HistoryError, parseSheets } from './rows.ts';
import { readTables, type Sheets, type SourceFile, sheetsOf } from './sources.ts';
import { employerStatusesBefore, writeUndoJournal } from './undo.ts';
import { writePlan } from './write.ts';

/**
 * One historical import from start to end, for the API (a background job) and the command line:
 * read the files, check every row (plan.ts), then, unless it is a dry run, write everything in one
 * transaction. By default one error anywhere and nothing is written; with `validOnly` the rows in
 * error are left out together with the rows that depend on them, and the rest is written.
 */

export interface HistoryImportOptions {
  dryRun: boolean;
  validOnly: boolean;
  /**
   * How the tables in another shape map onto the files (the mapping step); without it, the
   * organisation's saved mappings apply to the tables of their shapes (the command line).
   */
  mapping?: readonly TableMapping[];
}

export interface HistoryImportContext {
  organisationId: string;
  basinId: string;
  userId: string | null;
  today: string;
  now: () => Date;
  /** The import_job row that follows this import (null from the command line). */
  jobId: string | null;
  /** Where the import came from, for the audit entry ('api' or 'cli'). */
  source: 'api' | 'cli';
  /** Rows read (once the files are read), then rows written after each batch. */
  onTotal?: (total: number) => Promise<void>;
  onProgress?: (written: number) => Promise<void>;
}

export interface HistoryImportResult {
  /** done: checked (dry run) or written; failed: errors stopped everything (nothing written). */
  status: 'done' | 'failed';
  written: boolean;
  dryRun: boolean;
  validOnly: boolean;
  total: number;
  counts: Record<HistoryEntity, EntityCounts>;
  errors: HistoryError[];
  skipped: Skipped[];
  /** The files read, with the encoding detected for a CSV file (as the preview shows it). */
  files: { file: string; rows: number; encoding: string | null }[];
}

const emptyCounts = (): EntityCounts => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  linked: 0,
  skipped: 0,
  errors: 0,
});

export async function runHistoryImport(
  db: Kysely<Database>,
  ctx: HistoryImportContext,
  sources: readonly SourceFile[],
  options: HistoryImportOptions,
): Promise<HistoryImportResult> {
  const base = { dryRun: options.dryRun, validOnly: options.validOnly };
  const read = await readTables(sources);
  const saved = options.mapping === undefined ? await savedMappings(db, ctx.organisationId) : null;
  const mappingProblems: HistoryError[] = [];
  const recognised = sheetsOf(read.tables, (table) => {
    const given = options.mapping?.find((m) => m.table === table.name);
    const fromSaved = saved?.get(shapeOf(table));
    const mapping =
      given ?? (fromSaved && !fileOfTitle(table.title) ? { table: table.name, ...fromSaved } : null);
    if (!mapping) return null;
    const problems = mappingErrors(table, mapping);
    mappingProblems.push(...problems);
    return problems.length > 0 ? {} : applyMapping(table, mapping);
  });
  const { sheets } = recognised;
  const fileErrors = [...read.errors, ...mappingProblems, ...recognised.errors];
  const parsed = parseSheets(sheets, ctx.today);
  const files = Object.entries(parsed.counts).map(([file, rows]) => {
    const sheet = sheets[file as keyof typeof sheets];
    return {
      file: parsed.sheetNames[file as keyof typeof parsed.sheetNames] ?? file,
      rows: rows ?? 0,
      encoding: sheet?.encoding ? ENCODING_LABELS[sheet.encoding] : null,
    };
  });
  const total = files.reduce((a, f) => a + f.rows, 0);
  await ctx.onTotal?.(total);
  if (fileErrors.length > 0) {
    const counts = {
      person: emptyCounts(),
      event: emptyCounts(),
      person_contact: emptyCounts(),
      employer: emptyCounts(),
      employer_contact: emptyCounts(),
      contract: emptyCounts(),
    };
    return {
      ...base,
      status: 'failed',
      written: false,
      total,
      counts,
      errors: [...fileErrors, ...inTableHeadings(parsed.errors, sheets)],
      skipped: [],
      files,
    };
  }
  const plan = await planImport(db, ctx, parsed);
  const result = {
    ...base,
    total,
    counts: plan.counts,
    errors: inTableHeadings(plan.errors, sheets),
    skipped: plan.skipped,
    files,
  };
  if (plan.errors.length > 0 && !options.validOnly) return { ...result, status: 'failed', written: false };
  if (options.dryRun) return { ...result, status: 'done', written: false };
  await db.transaction().execute(async (trx) => {
    const now = ctx.now();
    const statusesBefore = ctx.jobId ? await employerStatusesBefore(trx, plan) : new Map<string, string>();
    await writePlan(
      trx,
      {
        organisationId: ctx.organisationId,
        basinId: ctx.basinId,
        userId: ctx.userId,
        now,
        jobId: ctx.jobId,
        onProgress: ctx.onProgress,
      },
      plan,
    );
    // What it created, so that it can be undone (undo.ts); the command line's import has no job.
    if (ctx.jobId) {
      await writeUndoJournal(
        trx,
        { organisationId: ctx.organisationId, jobId: ctx.jobId, now },
        plan,
        statusesBefore,
      );
    }
    // One audit entry for the whole import: counts only, no personal data.
    await appendAudit(trx, {
      at: now,
      actor_id: ctx.userId,
      organisation_id: ctx.organisationId,
      action: 'history_import_done',
      entity: 'history_import',
      entity_id: ctx.jobId,
      client_address: null,
      details: JSON.stringify({
        source: ctx.source,
        validOnly: options.validOnly,
        rows: total,
        errors: plan.errors.length,
        skipped: plan.skipped.length,
        counts: plan.counts,
      }),
    });
  });
  return { ...result, status: 'done', written: true };
}

/** The errors of a mapped table name its own headings (the column it chose), not the file's codes. */
function inTableHeadings(errors: HistoryError[], sheets: Sheets): HistoryError[] {
  const headings = new Map<string, Record<string, string>>();
  for (const sheet of Object.values(sheets)) if (sheet?.headings) headings.set(sheet.name, sheet.headings);
  if (headings.size === 0) return errors;
  return errors.map((e) => {
    const heading = headings.get(e.file)?.[e.field];
    return heading ? { ...e, field: heading } : e;
  });
}
