import {
  type ImportMapping,
  importBodySchema,
  importJobParams,
  importJobSchema,
  importPreviewBodySchema,
  importPreviewSchema,
  jobStartedSchema,
} from '@jobcoach/contract';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { basinScope } from '../employers/scope.ts';
import { writeAudit } from '../http/context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { CsvError, parseCsv } from './csv.ts';
import { MAX_STORED_ERRORS, runVacancyImport } from './vacancy-import.ts';
import {
  countDataRecords,
  guessMapping,
  keysOf,
  mappingErrors,
  type ReadFile,
  readRecords,
} from './vacancy-rows.ts';

/** A 10,000-row export is about 3 MB; JSON escaping adds a little. The server's default is 5 MiB. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;
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

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, importRunners } = app.deps;

  app.post(
    '/api/vacancies/import/preview',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      // Nothing is written: the audit entry records that a file was examined.
      config: { access: 'session', audit: { action: 'import_preview', entity: 'vacancy_import' } },
      schema: {
        tags: ['vacancies'],
        body: importPreviewBodySchema,
        response: { 200: importPreviewSchema },
      },
    },
    async (request) => {
      const scope = await basinScope(request, 'vacancies.write');
      const { columns, mapping, delimiter, records } = readCsv(request.body.csv, request.body.mapping);
      const problems = mappingErrors(mapping, columns);
      // With the mapping incomplete, only its problems are shown (every row would repeat them).
      const file: ReadFile =
        problems.length > 0
          ? { columns, rows: [], errors: [], total: countDataRecords(records) }
          : readRecords(records, mapping);
      const first = file.rows.slice(0, PREVIEW_ROWS);
      const existing = await existingEmployers(request, scope.basinId, first);
      const errors = [...problems, ...file.errors];
      await request.mutate(async (_trx, audit) => {
        audit.organisationId = scope.organisationId;
        audit.details = { rows: file.total, errors: errors.length };
      });
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

  app.post(
    '/api/vacancies/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: 'session', audit: { action: 'import', entity: 'vacancy_import' } },
      schema: {
        tags: ['vacancies'],
        body: importBodySchema,
        response: { 202: jobStartedSchema },
      },
    },
    async (request, reply) => {
      const scope = await basinScope(request, 'vacancies.write');
      const validOnly = request.body.validOnly === true;
      const { columns, mapping, records } = readCsv(request.body.csv, request.body.mapping);
      const problem = mappingErrors(mapping, columns)[0];
      if (problem) throw new AppError(400, 'validation', problem.message, problem.field);
      // Every row is checked up front: by default, one bad row and nothing is imported.
      const file = readRecords(records, mapping);
      const failed = file.errors.length > 0 && !validOnly;
      const jobId = await request.mutate(async (trx, audit) => {
        const job = await trx
          .insertInto('import_job')
          .values({
            organisation_id: scope.organisationId,
            kind: 'vacancies',
            status: failed ? 'failed' : 'running',
            valid_only: validOnly,
            total: file.total,
            error_count: file.errors.length,
            errors: JSON.stringify(file.errors.slice(0, MAX_STORED_ERRORS)),
            created_by: scope.userId,
            created_at: clock.now(),
            updated_at: clock.now(),
            finished_at: failed ? clock.now() : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        audit.entityId = job.id;
        audit.organisationId = scope.organisationId;
        audit.details = { rows: file.total, errors: file.errors.length, validOnly };
        return job.id;
      });
      if (!failed) {
        // The work runs after the answer (202); its progress is on the import_job row. This
        // process claims the job before answering, so that no one reads it as interrupted.
        await importRunners.start(jobId, () =>
          runVacancyImport(
            db,
            {
              jobId,
              organisationId: scope.organisationId,
              basinId: scope.basinId,
              userId: scope.userId,
              now: () => clock.now(),
            },
            file.rows,
            keysOf(mapping),
            file.errors,
            file.total - file.rows.length,
          )
            .then((result) =>
              writeAudit(
                db,
                request,
                { action: result.ok ? 'import_done' : 'import_failed', entity: 'vacancy_import' },
                {
                  entityId: jobId,
                  organisationId: scope.organisationId,
                  details: { created: result.created, updated: result.updated, unchanged: result.unchanged },
                },
              ),
            )
            .catch((error: unknown) => {
              request.log.error({ err: { message: (error as Error).message } }, 'vacancy import failed');
            }),
        );
      }
      return reply.status(202).send({ jobId });
    },
  );

  app.get(
    '/api/vacancies/import/:jobId',
    {
      config: { access: 'session' },
      schema: {
        tags: ['vacancies'],
        params: importJobParams,
        response: { 200: importJobSchema },
      },
    },
    async (request) => {
      const scope = await basinScope(request, 'vacancies.read');
      const job = await db
        .selectFrom('import_job')
        .selectAll()
        .where('id', '=', request.params.jobId)
        .where('organisation_id', '=', scope.organisationId)
        .executeTakeFirst();
      if (!job) throw notFound('Import');
      const interrupted = job.status === 'running' && !(await importRunners.alive(job.id));
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
};

/** Employers of the basin the preview rows name: by BCE, else by name (case ignored). */
async function existingEmployers(
  request: FastifyRequest,
  basinId: string,
  rows: ReadFile['rows'],
): Promise<Map<string, string>> {
  const { db } = request.server.deps;
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
