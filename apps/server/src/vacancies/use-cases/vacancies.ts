import { vacancyInputSchema, vacancyListQuerySchema, vacancyPatchSchema } from '@jobcoach/contract';
import { sql } from '@jobcoach/db';
import { maxDate } from '@jobcoach/domain';
import { z } from 'zod';
import { AppError, notFound, staleVersion } from '../../application/errors.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { basinOf } from '../../employers/scope.ts';
import { likePattern } from '../../persons/queries.ts';
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
} from '../queries.ts';

const idSchema = z.uuid('identifiant invalide.');

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

/** The organisation's vacancies, newest first, searched by title, employer, commune or source reference. */
export const listVacancies = defineQuery('vacancies.list', vacancyListQuerySchema, async (ctx, q) => {
  ctx.require('vacancies.read');
  let query = selectVacancies(ctx.db, ctx.organisationId)
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
});

/** A vacancy of the organisation at an employer of its basin's shared registry. */
export const createVacancy = defineCommand(
  'vacancies.create',
  vacancyInputSchema,
  { action: 'create', entity: 'vacancy' },
  async (ctx, body) => {
    ctx.require('vacancies.write');
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
      ctx.today,
    );
    checkVacancyDates(values);
    await assertEmployerInBasin(ctx.db, await basinOf(ctx.db, ctx.organisationId), values.employerId);
    const row = await ctx.db
      .insertInto('vacancy')
      .values({
        ...vacancyColumns(values),
        organisation_id: ctx.organisationId,
        created_by: ctx.userId,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch(rethrowSourceRef);
    ctx.audit.entityId = row.id;
    ctx.audit.details = { employerId: values.employerId, source: values.source };
    return (await loadVacancyFile(ctx.db, ctx.organisationId, row.id))!;
  },
);

export const getVacancy = defineQuery(
  'vacancies.get',
  z.object({ vacancyId: idSchema }),
  async (ctx, { vacancyId }) => {
    ctx.require('vacancies.read');
    const file = await loadVacancyFile(ctx.db, ctx.organisationId, vacancyId);
    if (!file) throw notFound('Offre d’emploi');
    return file;
  },
);

/** Changes to a vacancy from the version the caller read; closing or reopening sets its closing day. */
export const updateVacancy = defineCommand(
  'vacancies.update',
  vacancyPatchSchema.extend({ vacancyId: idSchema }),
  { action: 'update', entity: 'vacancy' },
  async (ctx, { vacancyId: id, version, ...changes }) => {
    ctx.require('vacancies.write');
    const db = ctx.db;
    ctx.audit.entityId = id;
    ctx.audit.details = { fields: Object.keys(changes) };
    const row = await lockVacancy(db, ctx.organisationId, id);
    if (!row) throw notFound('Offre d’emploi');
    if (row.version !== version) throw staleVersion(await loadVacancyFile(db, ctx.organisationId, id));
    const defined: Record<string, unknown> = Object.fromEntries(
      Object.entries(changes).filter(([, v]) => v !== undefined),
    );
    // Reopening a vacancy drops its closing day unless one is given.
    if (changes.status === 'open' && row.status !== 'open' && changes.closedOn === undefined) {
      defined.closedOn = null;
    }
    const merged = withClosingDay({ ...valuesOf(row), ...defined } as VacancyValues, ctx.today);
    checkVacancyDates(merged);
    if (changes.employerId && changes.employerId !== row.employer_id) {
      await assertEmployerInBasin(db, await basinOf(db, ctx.organisationId), changes.employerId);
    }
    await db
      .updateTable('vacancy')
      .set((eb) => ({
        ...vacancyColumns(merged),
        version: eb('version', '+', 1),
        updated_at: ctx.now,
      }))
      .where('id', '=', id)
      .where('version', '=', version)
      .execute()
      .catch(rethrowSourceRef);
    return (await loadVacancyFile(db, ctx.organisationId, id))!;
  },
);
