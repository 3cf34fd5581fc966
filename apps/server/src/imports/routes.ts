import { DIPLOMA_LEVELS, LANGUAGE_LEVELS, VACANCY_CONTRACT_TYPES, WORK_SCHEDULES } from '@jobcoach/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { basinScope } from '../employers/scope.ts';
import { writeAudit } from '../http/context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { text } from '../persons/common.ts';
import { VACANCY_SOURCES, VACANCY_STATUSES } from '../vacancies/schemas.ts';
import { CsvError, parseCsv } from './csv.ts';
import { MAX_STORED_ERRORS, runVacancyImport } from './vacancy-import.ts';
import {
  countDataRecords,
  guessMapping,
  IMPORT_FIELD_NAMES,
  type ImportMapping,
  keysOf,
  mappingErrors,
  type ReadFile,
  readRecords,
} from './vacancy-rows.ts';

/** A 10,000-row export is about 3 MB; JSON escaping adds a little. The server's default is 5 MiB. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;
const MAX_ROWS = 50_000;
const PREVIEW_ROWS = 20;

const csvSchema = z
  .string('texte attendu.')
  .max(30_000_000, 'fichier trop volumineux (30 millions de caractères au plus).')
  .refine((v) => !v.includes('\u0000'), 'caractère nul interdit.');
const mappingSchema = z.partialRecord(
  z.enum(IMPORT_FIELD_NAMES, 'champ inconnu.'),
  text().trim().min(1, 'nom de colonne attendu.').max(200, 'au plus 200 caractères.'),
  'objet attendu (champ → nom de colonne).',
);

const rowErrorSchema = z.object({ line: z.number(), field: z.string(), message: z.string() });

const requirementsOutput = z.object({
  text: z.string(),
  diplomaLevel: z.enum(DIPLOMA_LEVELS).nullable(),
  languages: z.array(z.object({ code: z.string(), level: z.enum(LANGUAGE_LEVELS) })),
  drivingLicence: z.boolean(),
  car: z.boolean(),
  experienceYears: z.number().nullable(),
});

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
  contract: z.object({ type: z.enum(VACANCY_CONTRACT_TYPES), months: z.number().nullable() }),
  hoursPerWeek: z.number().nullable(),
  schedule: z.array(z.enum(WORK_SCHEDULES)),
  sectorCode: z.string().nullable(),
  published: requirementsOutput,
  status: z.enum(VACANCY_STATUSES),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
});

const jobStatusSchema = z.object({
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
        body: z.object({ csv: csvSchema, mapping: mappingSchema.optional() }),
        response: {
          200: z.object({
            columns: z.array(z.string()),
            delimiter: z.string(),
            mapping: z.record(z.string(), z.string()),
            rows: z.number(),
            preview: z.array(previewRowSchema),
            errors: z.array(rowErrorSchema),
            errorCount: z.number(),
          }),
        },
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
        body: z.object({
          csv: csvSchema,
          mapping: mappingSchema,
          /** Import the valid rows and report the others; by default one bad row stops everything. */
          validOnly: z.boolean('vrai ou faux attendu.').optional(),
        }),
        response: { 202: z.object({ jobId: z.string() }) },
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
        params: z.object({ jobId: z.uuid('identifiant invalide.') }),
        response: { 200: jobStatusSchema },
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
