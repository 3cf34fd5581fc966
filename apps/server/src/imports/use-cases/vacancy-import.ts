import {
  type ImportJob,
  type ImportMapping,
  type ImportPreview,
  importBodySchema,
  importJobParams,
  importPreviewBodySchema,
} from '@jobcoach/contract';
import { Context, writeAuditEntry } from '../../application/context.ts';
import type { Db } from '../../application/database.ts';
import { AppError, notFound } from '../../application/errors.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { basinOf } from '../../employers/scope.ts';
import { CsvError, parseCsv } from '../csv.ts';
import type { ImportJobs } from '../runners.ts';
import { MAX_STORED_ERRORS, runVacancyImport } from '../vacancy-import.ts';
import {
  countDataRecords,
  guessMapping,
  type ImportRow,
  keysOf,
  mappingErrors,
  type ReadFile,
  readRecords,
} from '../vacancy-rows.ts';

/**
 * The vacancy CSV import (docs/api.md "Vacancies"): a preview of the file through a column mapping
 * (guessed from the header when absent), then the import itself as a job of this process, followed
 * on its row. Coordinators and jobcoaches (`vacancies.write`; following a job, `vacancies.read`).
 */

const MAX_ROWS = 50_000;
const PREVIEW_ROWS = 20;

/** Parses the CSV and reads its rows through the mapping (guessed from the header when absent). */
function readCsv(csv: string, requested: ImportMapping | undefined) {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvError) {
      throw new AppError(400, 'validation', `« fichier CSV » : ${error.message}`, 'csv');
    }
    throw error;
  }
  const header = parsed.records[0];
  if (!header || header.fields.every((f) => f.trim() === '')) {
    throw new AppError(
      400,
      'validation',
      '« fichier CSV » : le fichier est vide (aucune ligne d’en-tête).',
      'csv',
    );
  }
  if (parsed.records.length - 1 > MAX_ROWS) {
    throw new AppError(
      400,
      'validation',
      `« fichier CSV » : au plus ${MAX_ROWS.toLocaleString('fr-BE')} lignes par import ; découpez le fichier.`,
      'csv',
    );
  }
  const columns = header.fields.map((c) => c.trim());
  const mapping = requested ?? guessMapping(columns);
  return { columns, mapping, delimiter: parsed.delimiter, records: parsed.records };
}

/** Employers of the basin's shared registry the preview rows name: by BCE, else by name (case ignored). */
async function existingEmployers(
  db: Db,
  basinId: string,
  rows: ReadFile['rows'],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const bces = rows.flatMap((r) => (r.employer.bce ? [r.employer.bce] : []));
  if (bces.length > 0) {
    const found = await db
      .selectFrom('employer')
      .select(['id', 'bce'])
      .where('basin_id', '=', basinId)
      .where('bce', 'in', bces)
      .execute();
    for (const f of found) out.set(f.bce!, f.id);
  }
  for (const r of rows.filter((x) => !x.employer.bce)) {
    const key = `name:${r.employer.name.toLowerCase()}`;
    if (out.has(key)) continue;
    const found = await db
      .selectFrom('employer')
      .select('id')
      .where('basin_id', '=', basinId)
      .where((eb) =>
        eb(
          eb.fn('jc_fold', [eb.fn('trim', ['name'])]),
          '=',
          eb.fn('jc_fold', [eb.fn('trim', [eb.val(r.employer.name)])]),
        ),
      )
      .orderBy('created_at')
      .executeTakeFirst();
    if (found) out.set(key, found.id);
  }
  return out;
}

/**
 * The file as it would be imported: its columns, the mapping, the first rows with the employer
 * each names (found in the basin's registry or to create), and the errors. Nothing is written: the
 * audit entry records that a file was examined.
 */
export const previewVacancyImport = defineCommand(
  'imports.previewVacancies',
  importPreviewBodySchema,
  { action: 'import_preview', entity: 'vacancy_import' },
  async (ctx, body): Promise<ImportPreview> => {
    ctx.require('vacancies.write');
    const basinId = await basinOf(ctx.db, ctx.organisationId);
    const { columns, mapping, delimiter, records } = readCsv(body.csv, body.mapping);
    const problems = mappingErrors(mapping, columns);
    // With the mapping incomplete, only its problems are shown (every row would repeat them).
    const file: ReadFile =
      problems.length > 0
        ? { columns, rows: [], errors: [], total: countDataRecords(records) }
        : readRecords(records, mapping);
    const first = file.rows.slice(0, PREVIEW_ROWS);
    const existing = await existingEmployers(ctx.db, basinId, first);
    const errors = [...problems, ...file.errors];
    ctx.audit.details = { rows: file.total, errors: errors.length };
    return {
      columns,
      delimiter,
      mapping: mapping as Record<string, string>,
      rows: file.total,
      preview: first.map((r) => ({
        line: r.line,
        employerId: existing.get(r.employer.bce ?? `name:${r.employer.name.toLowerCase()}`) ?? null,
        employerName: r.employer.name,
        employerBce: r.employer.bce,
        ...r.values,
        contract: { type: r.values.contract.type, months: r.values.contract.months ?? null },
      })),
      errors: errors.slice(0, MAX_STORED_ERRORS),
      errorCount: errors.length,
    };
  },
);

/** What a vacancy import job writes, once its row is committed. */
interface VacancyImportWork {
  jobId: string;
  basinId: string;
  rows: ImportRow[];
  mapping: ImportMapping;
  file: ReadFile;
}

/** Who asked for a job, where: the job runs on a context of its own, made from these. */
type Requester = Pick<Context, 'deps' | 'organisationId' | 'userId' | 'actor'>;

/**
 * The import as a job of this process: the rows are written by batches across the organisation's
 * tables and the basin's registry as the import jobs do (`jobs`), each batch with the progress on
 * the import_job row; its end is audited on a context of its own (the requester's, outside the
 * request's transaction).
 */
async function runJob(jobs: ImportJobs, requester: Requester, work: VacancyImportWork) {
  const { deps, organisationId, actor } = requester;
  try {
    const result = await runVacancyImport(
      deps.database.acrossOrganisations('jobs'),
      {
        jobId: work.jobId,
        organisationId,
        basinId: work.basinId,
        userId: requester.userId,
        now: () => deps.clock.now(),
        copy: jobs.runners.copiesRows,
      },
      work.rows,
      keysOf(work.mapping),
      work.file.errors,
      work.file.total - work.rows.length,
    );
    await writeAuditEntry(
      Context.create(deps, organisationId, actor),
      { action: result.ok ? 'import_done' : 'import_failed', entity: 'vacancy_import' },
      {
        entityId: work.jobId,
        details: { created: result.created, updated: result.updated, unchanged: result.unchanged },
      },
    );
  } catch (error) {
    jobs.log.error({ err: { message: (error as Error).message } }, 'vacancy import failed');
  }
}

/** The use cases of the vacancy import jobs, run by this process's import runners. */
export function vacancyImportJobs(jobs: ImportJobs) {
  /**
   * Starts the import: every row is checked up front (by default, one bad row and nothing is
   * imported: the job is recorded as failed at once); otherwise the job's row and the audit entry
   * are written, then the job is claimed by this process before the answer (so that no one reads
   * it as interrupted, imports/runners.ts) and runs after it.
   */
  const startVacancyImport = defineCommand(
    'imports.startVacancies',
    importBodySchema,
    { action: 'import', entity: 'vacancy_import' },
    async (ctx, body) => {
      ctx.require('vacancies.write');
      const basinId = await basinOf(ctx.db, ctx.organisationId);
      const validOnly = body.validOnly === true;
      const { columns, mapping, records } = readCsv(body.csv, body.mapping);
      const problem = mappingErrors(mapping, columns)[0];
      if (problem) throw new AppError(400, 'validation', problem.message, problem.field);
      const file = readRecords(records, mapping);
      const failed = file.errors.length > 0 && !validOnly;
      const job = await ctx.db
        .insertInto('import_job')
        .values({
          organisation_id: ctx.organisationId,
          kind: 'vacancies',
          status: failed ? 'failed' : 'running',
          valid_only: validOnly,
          total: file.total,
          error_count: file.errors.length,
          errors: JSON.stringify(file.errors.slice(0, MAX_STORED_ERRORS)),
          created_by: ctx.userId,
          created_at: ctx.now,
          updated_at: ctx.now,
          finished_at: failed ? ctx.now : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ctx.audit.entityId = job.id;
      ctx.audit.details = { rows: file.total, errors: file.errors.length, validOnly };
      if (!failed) {
        const work = { jobId: job.id, basinId, rows: file.rows, mapping, file };
        ctx.afterCommit(() => jobs.runners.start(job.id, () => runJob(jobs, ctx, work)));
      }
      return { jobId: job.id };
    },
  );

  /**
   * A vacancy import job of the organisation, its progress and result. A job whose row still says
   * "running" but that no process runs any more (imports/runners.ts) ended with its process: it
   * reads as failed after the rows it had written, which stay.
   */
  const readVacancyImport = defineQuery(
    'imports.readVacancies',
    importJobParams,
    async (ctx, { jobId }): Promise<ImportJob> => {
      ctx.require('vacancies.read');
      const job = await ctx.db
        .selectFrom('import_job')
        .selectAll()
        .where('id', '=', jobId)
        .where('kind', '=', 'vacancies')
        .executeTakeFirst();
      if (!job) throw notFound('Import');
      const status = async () =>
        (await ctx.db.selectFrom('import_job').select('status').where('id', '=', job.id).executeTakeFirst())
          ?.status;
      const interrupted = job.status === 'running' && (await jobs.runners.interrupted(job.id, status));
      const errors = interrupted
        ? [
            {
              line: 0,
              field: 'import',
              message: `L’import s’est interrompu après ${job.processed} ligne(s) (arrêt du serveur). Relancez-le : les lignes déjà importées resteront inchangées.`,
            },
            ...job.errors,
          ]
        : job.errors;
      return {
        id: job.id,
        status: interrupted ? 'failed' : (job.status as 'running' | 'done' | 'failed'),
        validOnly: job.valid_only,
        total: job.total,
        processed: job.processed,
        created: job.created,
        updated: job.updated,
        unchanged: job.unchanged,
        errors,
        errorCount: job.error_count + (interrupted ? 1 : 0),
        createdAt: new Date(job.created_at).toISOString(),
        finishedAt: job.finished_at ? new Date(job.finished_at).toISOString() : null,
      };
    },
  );

  return { startVacancyImport, readVacancyImport };
}
