import {
  type HistoryImportJob,
  type historyCountsSchema,
  type historyErrorSchema,
  historyImportBodySchema,
  type historySkippedSchema,
} from '@jobcoach/contract';
import { z } from 'zod';
import { Context } from '../../application/context.ts';
import { AppError, notFound } from '../../application/errors.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { basinOf } from '../../employers/scope.ts';
import type { ImportJobs } from '../../imports/runners.ts';
import { saveMappings } from '../mapping.ts';
import { type HistoryImportOptions, type HistoryImportResult, runHistoryImport } from '../run.ts';
import { readTables, type SourceFile } from '../sources.ts';

/**
 * The historical import (docs/import.md): coordinators only (`history.import`). The API takes the
 * files, answers with a job at once and runs the import in the background; the command line runs
 * it at once. Both go through `importHistoryFiles`.
 */

/** At most this many errors and skipped rows are kept on a job (their counts hold the totals). */
const MAX_LISTED = 1000;

/** Where the import was asked from: the API (a job) or the command line. */
export interface HistoryImportRun extends HistoryImportOptions {
  /** The import_job row that follows the import (null from the command line). */
  jobId: string | null;
  source: 'api' | 'cli';
}

/**
 * The import itself, for the command line and the API's background job: in the context's
 * organisation and its basin, attributed to the context's user (none: the command line without a
 * user), on the context's day. The import reads the files, checks every row, then writes
 * everything in one transaction with its own audit entry; it works across the organisation's
 * tables and the basin's registry as the import jobs do (`jobs`).
 */
export async function importHistoryFiles(
  ctx: Context,
  sources: readonly SourceFile[],
  run: HistoryImportRun,
  progress: {
    onTotal?: (total: number) => Promise<void>;
    onProgress?: (written: number) => Promise<void>;
  } = {},
): Promise<HistoryImportResult> {
  ctx.require('history.import');
  const basinId = await basinOf(ctx.db, ctx.organisationId);
  const { clock } = ctx.deps;
  return runHistoryImport(
    ctx.across('jobs'),
    {
      organisationId: ctx.organisationId,
      basinId,
      userId: ctx.actor.userId,
      today: ctx.today,
      now: () => clock.now(),
      jobId: run.jobId,
      source: run.source,
      ...progress,
    },
    sources,
    { dryRun: run.dryRun, validOnly: run.validOnly, mapping: run.mapping },
  );
}

/** The files of the request, decoded; an empty one is refused. */
export function decodeFiles(files: z.output<typeof historyImportBodySchema>['files']): SourceFile[] {
  return files.map((f, i) => {
    const data = Buffer.from(f.contentBase64.replace(/\s/g, ''), 'base64');
    if (data.length === 0) {
      throw new AppError(
        400,
        'validation',
        `« fichier » : le fichier « ${f.name} » est vide.`,
        `files.${i}.contentBase64`,
      );
    }
    return { name: f.name, data: new Uint8Array(data) };
  });
}

/** The import_job columns once the import has ended. */
function finalColumns(result: HistoryImportResult, now: Date) {
  const sum = (key: 'created' | 'updated' | 'unchanged') =>
    Object.values(result.counts).reduce((a, c) => a + c[key], 0);
  return {
    status: result.status,
    total: result.total,
    processed: result.total,
    created: sum('created'),
    updated: sum('updated'),
    unchanged: sum('unchanged'),
    error_count: result.errors.length,
    errors: JSON.stringify(result.errors.slice(0, MAX_LISTED)),
    summary: JSON.stringify({
      written: result.written,
      files: result.files,
      counts: result.counts,
      skipped: result.skipped.slice(0, MAX_LISTED),
      skippedCount: result.skipped.length,
    }),
    finished_at: now,
  };
}

/** Who asked for a job, where: the job runs on a context of its own, made from these. */
type Requester = Pick<Context, 'deps' | 'organisationId' | 'actor'>;

/**
 * The import as a job of this process, once its row is committed: on a context of its own (the
 * requester's, outside the request's transaction), its progress and its end on the import_job row.
 */
async function runJob(
  jobs: ImportJobs,
  requester: Requester,
  jobId: string,
  sources: SourceFile[],
  options: HistoryImportOptions,
) {
  // The job outlives the request: the caller's caseload is read again when needed, not the session's.
  const { caseload: _readWithTheSession, ...actor } = requester.actor;
  const ctx = Context.create(requester.deps, requester.organisationId, actor);
  const { clock } = ctx.deps;
  const update = (values: Record<string, unknown>) =>
    ctx.db
      .updateTable('import_job')
      .set({ ...values, updated_at: clock.now() })
      .where('id', '=', jobId)
      .execute();
  try {
    const result = await importHistoryFiles(
      ctx,
      sources,
      { ...options, jobId, source: 'api' },
      {
        onTotal: async (total) => {
          await update({ total });
        },
        // The rows are written in one transaction: on PostgreSQL another connection reports the
        // progress meanwhile; the embedded database has one session, held by the import.
        onProgress: jobs.runners.reportsProgressMeanwhile
          ? async (written) => void (await update({ processed: written }))
          : undefined,
      },
    );
    await update(finalColumns(result, clock.now()));
  } catch (error) {
    jobs.log.error({ err: { message: (error as Error).message } }, 'history import failed');
    await update({
      status: 'failed',
      error_count: 1,
      errors: JSON.stringify([
        {
          file: 'import',
          line: 0,
          field: 'import',
          message:
            'Erreur inattendue pendant l’import : rien n’a été enregistré. Réessayez ; si l’erreur persiste, contactez l’administrateur.',
        },
      ]),
      finished_at: clock.now(),
    }).catch(() => undefined);
  }
}

/** The use cases of the API's import jobs, run by this process's import runners. */
export function historyImportJobs(jobs: ImportJobs) {
  /**
   * Takes the files (base64 in JSON: the API takes JSON only) and starts the import as a job: its
   * row and the audit entry are written, then the job is claimed by this process before the
   * answer (so that no one reads it as interrupted, imports/runners.ts) and runs after it.
   */
  const startHistoryImport = defineCommand(
    'history.start',
    historyImportBodySchema,
    { action: 'history_import', entity: 'history_import' },
    async (ctx, body) => {
      ctx.require('history.import');
      const options: HistoryImportOptions = {
        dryRun: body.dryRun === true,
        validOnly: body.validOnly === true,
        // The page always sends the mapping step's choices (an empty list when every table is named).
        mapping: body.mapping ?? [],
      };
      const sources = decodeFiles(body.files);
      if (body.mapping && body.mapping.length > 0) {
        // Kept for the next upload of tables of the same shapes (mapping.ts).
        const { tables } = await readTables(sources);
        await saveMappings(
          ctx.db,
          { organisationId: ctx.organisationId, userId: ctx.userId, now: ctx.now },
          tables,
          body.mapping,
        );
      }
      const job = await ctx.db
        .insertInto('import_job')
        .values({
          organisation_id: ctx.organisationId,
          kind: 'history',
          status: 'running',
          dry_run: options.dryRun,
          valid_only: options.validOnly,
          created_by: ctx.userId,
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ctx.audit.entityId = job.id;
      ctx.audit.details = {
        dryRun: options.dryRun,
        validOnly: options.validOnly,
        mapped: options.mapping?.map((m) => m.target) ?? [],
        files: sources.map((s) => ({ name: s.name, bytes: s.data.length })),
      };
      ctx.afterCommit(() => jobs.runners.start(job.id, () => runJob(jobs, ctx, job.id, sources, options)));
      return { jobId: job.id };
    },
  );

  /**
   * An import job of the organisation, its progress and result. A job whose row still says
   * "running" but that no process runs any more (imports/runners.ts) ended with its process:
   * it reads as failed, nothing written.
   */
  const readHistoryImport = defineQuery(
    'history.read',
    z.object({ jobId: z.uuid('identifiant invalide.') }),
    async (ctx, { jobId }): Promise<HistoryImportJob> => {
      ctx.require('history.import');
      const job = await ctx.db
        .selectFrom('import_job')
        .selectAll()
        .where('id', '=', jobId)
        .where('kind', '=', 'history')
        .executeTakeFirst();
      if (!job) throw notFound('Import');
      const summary = (job.summary ?? {}) as {
        written?: boolean;
        files?: { file: string; rows: number; encoding?: string | null }[];
        counts?: Record<string, z.infer<typeof historyCountsSchema>>;
        skipped?: z.infer<typeof historySkippedSchema>[];
        skippedCount?: number;
      };
      const status = async () =>
        (await ctx.db.selectFrom('import_job').select('status').where('id', '=', job.id).executeTakeFirst())
          ?.status;
      const interrupted = job.status === 'running' && (await jobs.runners.interrupted(job.id, status));
      const errors = (job.errors ?? []) as unknown as z.infer<typeof historyErrorSchema>[];
      return {
        id: job.id,
        status: interrupted ? 'failed' : (job.status as 'running' | 'done' | 'failed'),
        dryRun: job.dry_run,
        validOnly: job.valid_only,
        written: summary.written === true,
        total: job.total,
        processed: job.processed,
        files: summary.files ?? [],
        counts: summary.counts ?? {},
        errors: interrupted
          ? [
              {
                file: 'import',
                line: 0,
                field: 'import',
                message:
                  'L’import s’est interrompu (arrêt du serveur) : rien n’a été enregistré. Relancez-le.',
              },
            ]
          : errors,
        errorCount: interrupted ? 1 : job.error_count,
        skipped: summary.skipped ?? [],
        skippedCount: summary.skippedCount ?? 0,
        createdAt: new Date(job.created_at).toISOString(),
        finishedAt: job.finished_at ? new Date(job.finished_at).toISOString() : null,
      };
    },
  );

  return { startHistoryImport, readHistoryImport };
}
