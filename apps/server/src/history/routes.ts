import {
  type historyCountsSchema,
  type historyErrorSchema,
  historyImportBodySchema,
  historyImportJobSchema,
  type historySkippedSchema,
  idParams,
  jobStartedSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { basinScope } from '../employers/scope.ts';
import { AppError, notFound } from '../http/errors.ts';
import { type HistoryImportResult, runHistoryImport } from './run.ts';

/**
 * The historical import (docs/import.md): POST the files (base64 in JSON: the API takes JSON only),
 * get a job back at once, and follow its progress and result on GET. Coordinators only
 * (`history.import`).
 */

/** Six files of 10,000 rows stay well under this; base64 adds a third. */
const BODY_LIMIT = 64 * 1024 * 1024;
/** At most this many errors and skipped rows are kept on a job (their counts hold the totals). */
const MAX_LISTED = 1000;

export const historyImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, driver, importRunners } = app.deps;

  app.post(
    '/api/history-imports',
    {
      bodyLimit: BODY_LIMIT,
      config: { access: 'session', audit: { action: 'history_import', entity: 'history_import' } },
      schema: {
        tags: ['history'],
        body: historyImportBodySchema,
        response: { 202: jobStartedSchema },
      },
    },
    async (request, reply) => {
      const scope = await basinScope(request, 'history.import');
      const dryRun = request.body.dryRun === true;
      const validOnly = request.body.validOnly === true;
      const sources = request.body.files.map((f, i) => {
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
      const jobId = await request.mutate(async (trx, audit) => {
        const job = await trx
          .insertInto('import_job')
          .values({
            organisation_id: scope.organisationId,
            kind: 'history',
            status: 'running',
            dry_run: dryRun,
            valid_only: validOnly,
            created_by: scope.userId,
            created_at: clock.now(),
            updated_at: clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        audit.entityId = job.id;
        audit.organisationId = scope.organisationId;
        audit.details = {
          dryRun,
          validOnly,
          files: sources.map((s) => ({ name: s.name, bytes: s.data.length })),
        };
        return job.id;
      });
      const update = (values: Record<string, unknown>) =>
        db
          .updateTable('import_job')
          .set({ ...values, updated_at: clock.now() })
          .where('id', '=', jobId)
          .execute();
      // The work runs after the answer (202); its progress is on the import_job row. This process
      // claims the job before answering, so that no one reads it as interrupted (runners.ts).
      await importRunners.start(jobId, () =>
        runHistoryImport(
          db,
          {
            organisationId: scope.organisationId,
            basinId: scope.basinId,
            userId: scope.userId,
            today: clock.today(),
            now: () => clock.now(),
            jobId,
            source: 'api',
            onTotal: async (total) => {
              await update({ total });
            },
            // The rows are written in one transaction: on PostgreSQL another connection reports
            // the progress meanwhile; the embedded database has one session, held by the import.
            onProgress:
              driver === 'postgres'
                ? async (written) => void (await update({ processed: written }))
                : undefined,
          },
          sources,
          { dryRun, validOnly },
        )
          .then((result) => update(finalColumns(result, clock.now())))
          .catch(async (error: unknown) => {
            request.log.error({ err: { message: (error as Error).message } }, 'history import failed');
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
          }),
      );
      return reply.status(202).send({ jobId });
    },
  );

  app.get(
    '/api/history-imports/:id',
    {
      config: { access: 'session' },
      schema: {
        tags: ['history'],
        params: idParams,
        response: { 200: historyImportJobSchema },
      },
    },
    async (request) => {
      const scope = await basinScope(request, 'history.import');
      const job = await db
        .selectFrom('import_job')
        .selectAll()
        .where('id', '=', request.params.id)
        .where('organisation_id', '=', scope.organisationId)
        .where('kind', '=', 'history')
        .executeTakeFirst();
      if (!job) throw notFound('Import');
      const summary = (job.summary ?? {}) as {
        written?: boolean;
        files?: { file: string; rows: number }[];
        counts?: Record<string, z.infer<typeof historyCountsSchema>>;
        skipped?: z.infer<typeof historySkippedSchema>[];
        skippedCount?: number;
      };
      const interrupted = job.status === 'running' && !(await importRunners.alive(job.id));
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
};

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
