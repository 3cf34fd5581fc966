import {
  idParams,
  vacancyFileSchema,
  vacancyInputSchema,
  vacancyListQuerySchema,
  vacancyPatchSchema,
  vacancySummaryListSchema,
} from '@jobcoach/contract';
import { sql } from '@jobcoach/db';
import { maxDate } from '@jobcoach/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { basinScope } from '../employers/scope.ts';
import { AppError, notFound, staleVersion } from '../http/errors.ts';
import { likePattern } from '../persons/queries.ts';
import {
  assertEmployerInBasin,
  checkVacancyDates,
  loadVacancyFile,
  lockVacancy,
  selectVacancies,
  toVacancySummary,
  type VacancyValues,
  vacancyColumns,
  valuesOf,
} from './queries.ts';

/** A closed or filled vacancy gets a closing day (today, or its opening day if that is later). */
function withClosingDay(v: VacancyValues, today: string): VacancyValues {
  if (v.status === 'open' || v.closedOn) return v;
  return { ...v, closedOn: maxDate(today, v.openedOn) };
}

/** 409 naming sourceRef when the organisation already has this source reference. */
function rethrowSourceRef(error: unknown): never {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (
    e.code === '23505' &&
    (e.constraint === 'vacancy_source_ref_key' || e.message?.includes('vacancy_source_ref_key'))
  ) {
    throw new AppError(
      409,
      'conflict',
      '« référence de la source » : une autre offre de votre organisation porte déjà cette référence pour cette source.',
      'sourceRef',
    );
  }
  throw error;
}

export const vacancyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/api/vacancies',
    {
      config: { access: 'session' },
      schema: {
        tags: ['vacancies'],
        querystring: vacancyListQuerySchema,
        response: { 200: vacancySummaryListSchema },
      },
    },
    async (request) => {
      const scope = await basinScope(request, 'vacancies.read');
      const q = request.query;
      let query = selectVacancies(db, scope.organisationId)
        .orderBy('v.opened_on', 'desc')
        .orderBy('v.title')
        .orderBy('v.id')
        .limit(q.limit)
        .offset(q.offset);
      if (q.status) query = query.where('v.status', '=', q.status);
      if (q.employerId) query = query.where('v.employer_id', '=', q.employerId);
      if (q.q) {
        const search = q.q;
        const pattern = likePattern(search);
        query = query.where((eb) =>
          eb.or([
            eb(sql`jc_fold(v.title)`, 'like', sql`jc_fold(${pattern})`),
            eb(sql`jc_fold(e.name)`, 'like', sql`jc_fold(${pattern})`),
            eb(sql`jc_fold(coalesce(v.commune, ''))`, 'like', sql`jc_fold(${pattern})`),
            eb('v.source_ref', '=', search),
          ]),
        );
      }
      return (await query.execute()).map(toVacancySummary);
    },
  );

  app.post(
    '/api/vacancies',
    {
      config: { access: 'session', audit: { action: 'create', entity: 'vacancy' } },
      schema: {
        tags: ['vacancies'],
        body: vacancyInputSchema,
        response: { 201: vacancyFileSchema },
      },
    },
    async (request, reply) => {
      const scope = await basinScope(request, 'vacancies.write');
      const body = request.body;
      const values = withClosingDay(
        {
          ...body,
          sourceRef: body.sourceRef ?? null,
          placeOfWork: body.placeOfWork ?? null,
          commune: body.commune ?? null,
          openings: body.openings ?? 1,
          hoursPerWeek: body.hoursPerWeek ?? null,
          schedule: body.schedule ?? [],
          sectorCode: body.sectorCode ?? null,
          objectified: body.objectified ?? null,
          physicalDemands: body.physicalDemands ?? [],
          qualityNote: body.qualityNote ?? null,
          status: body.status ?? 'open',
          closedOn: body.closedOn ?? null,
        },
        clock.today(),
      );
      checkVacancyDates(values);
      const id = await request.mutate(async (trx, audit) => {
        await assertEmployerInBasin(trx, scope.basinId, values.employerId);
        const row = await trx
          .insertInto('vacancy')
          .values({
            ...vacancyColumns(values),
            organisation_id: scope.organisationId,
            created_by: scope.userId,
            created_at: clock.now(),
            updated_at: clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
          .catch(rethrowSourceRef);
        audit.entityId = row.id;
        audit.organisationId = scope.organisationId;
        audit.details = { employerId: values.employerId, source: values.source };
        return row.id;
      });
      return reply.status(201).send((await loadVacancyFile(db, scope.organisationId, id))!);
    },
  );

  app.get(
    '/api/vacancies/:id',
    {
      config: { access: 'session' },
      schema: { tags: ['vacancies'], params: idParams, response: { 200: vacancyFileSchema } },
    },
    async (request) => {
      const scope = await basinScope(request, 'vacancies.read');
      const file = await loadVacancyFile(db, scope.organisationId, request.params.id);
      if (!file) throw notFound('Offre d’emploi');
      return file;
    },
  );

  app.patch(
    '/api/vacancies/:id',
    {
      config: { access: 'session', audit: { action: 'update', entity: 'vacancy' } },
      schema: {
        tags: ['vacancies'],
        params: idParams,
        body: vacancyPatchSchema,
        response: { 200: vacancyFileSchema },
      },
    },
    async (request) => {
      const scope = await basinScope(request, 'vacancies.write');
      const { id } = request.params;
      const { version, ...changes } = request.body;
      await request.mutate(async (trx, audit) => {
        audit.entityId = id;
        audit.organisationId = scope.organisationId;
        audit.details = { fields: Object.keys(changes) };
        const row = await lockVacancy(trx, scope.organisationId, id);
        if (!row) throw notFound('Offre d’emploi');
        if (row.version !== version) throw staleVersion(await loadVacancyFile(trx, scope.organisationId, id));
        const defined: Record<string, unknown> = Object.fromEntries(
          Object.entries(changes).filter(([, v]) => v !== undefined),
        );
        // Reopening a vacancy drops its closing day unless one is given.
        if (changes.status === 'open' && row.status !== 'open' && changes.closedOn === undefined) {
          defined.closedOn = null;
        }
        const merged = withClosingDay({ ...valuesOf(row), ...defined } as VacancyValues, clock.today());
        checkVacancyDates(merged);
        if (changes.employerId && changes.employerId !== row.employer_id) {
          await assertEmployerInBasin(trx, scope.basinId, changes.employerId);
        }
        await trx
          .updateTable('vacancy')
          .set((eb) => ({
            ...vacancyColumns(merged),
            version: eb('version', '+', 1),
            updated_at: clock.now(),
          }))
          .where('id', '=', id)
          .where('organisation_id', '=', scope.organisationId)
          .where('version', '=', version)
          .execute()
          .catch(rethrowSourceRef);
      });
      return (await loadVacancyFile(db, scope.organisationId, id))!;
    },
  );
};
