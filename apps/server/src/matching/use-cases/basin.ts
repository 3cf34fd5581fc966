import { basinDecisionSchema, basinRequestInputSchema } from '@jobcoach/contract';
import { type BasinRequestStatus, rankVacancies } from '@jobcoach/domain';
import { z } from 'zod';
import type { Context } from '../../application/context.ts';
import { AppError, notFound } from '../../application/errors.ts';
import { requirePerson, viewerOf } from '../../application/person-scope.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { redactMatchReasons } from '../../privacy/sensitive.ts';
import { requirementsOf, type VacancyLine } from '../../vacancies/queries.ts';
import { loadHiringAidRules, personHiringAids } from '../hiring-aids.ts';
import { selectMatchingPersons, toMatchingPerson, toMatchingVacancy } from '../mapping.ts';

/**
 * Basin vacancies (method.md §6, coordination within a basin): an organisation sees the open
 * vacancies of the other organisations of its basin, ranked for one of its persons by the same
 * domain rule, with the employer, the title, the requirements and the organisation to contact,
 * never that organisation's candidates; it may ask to present its person, and the organisation
 * that holds the vacancy accepts or declines. Reading another organisation's vacancies and
 * writing the decision on a request are the stated `basin` exception to organisation scoping.
 */

const idSchema = z.uuid('identifiant invalide.');

async function basinOf(ctx: Context): Promise<string> {
  const org = await ctx.db
    .selectFrom('organisation')
    .select('basin_id')
    .where('id', '=', ctx.organisationId)
    .executeTakeFirstOrThrow();
  return org.basin_id;
}

/** The open vacancies of the other organisations of the caller's basin. */
function selectBasinVacancies(ctx: Context, basinId: string) {
  return ctx
    .across('basin')
    .selectFrom('vacancy as v')
    .innerJoin('employer as e', 'e.id', 'v.employer_id')
    .innerJoin('organisation as o', 'o.id', 'v.organisation_id')
    .selectAll('v')
    .select([
      'e.name as employer_name',
      'e.commune as employer_commune',
      'e.nace_code as employer_nace',
      'o.name as organisation_name',
    ])
    .where('o.basin_id', '=', basinId)
    .where('v.organisation_id', '!=', ctx.organisationId)
    .where('v.status', '=', 'open');
}

export const basinOffersForPerson = defineQuery(
  'matching.basinOffersForPerson',
  z.object({ personId: idSchema }),
  async (ctx, { personId }) => {
    ctx.require('vacancies.read');
    const viewer = viewerOf(await requirePerson(ctx, 'persons.read', personId));
    const person = await selectMatchingPersons(ctx.db, ctx.organisationId)
      .where('id', '=', personId)
      .executeTakeFirst();
    if (!person) throw notFound('Personne');
    const rows = await selectBasinVacancies(ctx, await basinOf(ctx))
      .orderBy('v.opened_on', 'desc')
      .orderBy('v.id')
      .execute();
    const requests = await ctx.db
      .selectFrom('basin_request')
      .select(['id', 'vacancy_id', 'status', 'decided_on', 'decision_note'])
      .where('person_id', '=', personId)
      .orderBy('created_at', 'desc')
      .execute();
    const latest = new Map<string, (typeof requests)[number]>();
    for (const r of requests) if (!latest.has(r.vacancy_id)) latest.set(r.vacancy_id, r);
    const aids = personHiringAids(person, await loadHiringAidRules(ctx.db), ctx.today);
    const ranked = rankVacancies(
      toMatchingPerson(person, aids),
      rows.map((row) => ({
        ...toMatchingVacancy({ ...row, active_presentations: null } as VacancyLine),
        row,
      })),
    );
    return ranked.map(({ vacancy: { row }, result }) => {
      const request = latest.get(row.id);
      const objectified = row.objectified !== null;
      return {
        vacancy: {
          id: row.id,
          title: row.title,
          employerName: row.employer_name,
          commune: row.commune ?? row.employer_commune,
          contract: { type: row.contract_type as 'cdi', months: row.contract_months },
          hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
          schedule: row.schedule as ('day' | 'evening' | 'night' | 'weekend' | 'shifts')[],
          physicalDemands: row.physical_demands as 'heavy_loads'[],
          requirements: requirementsOf(row.objectified ?? row.published),
          objectified,
          organisation: { name: row.organisation_name },
        },
        result: { ...result, reasons: redactMatchReasons(result.reasons, viewer) },
        request: request
          ? {
              id: request.id,
              status: request.status as BasinRequestStatus,
              decidedOn: request.decided_on,
              decisionNote: request.decision_note,
            }
          : null,
      };
    });
  },
);

export const askBasinPresentation = defineCommand(
  'matching.askBasinPresentation',
  basinRequestInputSchema,
  { action: 'create', entity: 'basin_request' },
  async (ctx, { personId, basinVacancyId, note }) => {
    await requirePerson(ctx, 'presentations.write', personId);
    const person = await ctx.db
      .selectFrom('person')
      .select(['phase', 'first_name', 'last_name'])
      .where('id', '=', personId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!person) throw new AppError(404, 'not_found', 'Personne introuvable.', 'personId');
    if (person.phase !== 'pre_hire') {
      throw new AppError(
        409,
        'conflict',
        `${person.first_name} ${person.last_name} n’est pas en pré-embauche : seules les personnes en pré-embauche sont présentées à un employeur.`,
        'personId',
      );
    }
    const vacancy = await selectBasinVacancies(ctx, await basinOf(ctx))
      .where('v.id', '=', basinVacancyId)
      .executeTakeFirst();
    if (!vacancy) {
      throw new AppError(
        404,
        'not_found',
        'Offre introuvable parmi les offres ouvertes des autres organisations du bassin.',
        'basinVacancyId',
      );
    }
    const pending = await ctx.db
      .selectFrom('basin_request')
      .select('id')
      .where('person_id', '=', personId)
      .where('vacancy_id', '=', basinVacancyId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) {
      throw new AppError(
        409,
        'conflict',
        `Une demande pour ${person.first_name} ${person.last_name} attend déjà la réponse de ${vacancy.organisation_name}.`,
        'basinVacancyId',
      );
    }
    const row = await ctx.db
      .insertInto('basin_request')
      .values({
        organisation_id: ctx.organisationId,
        person_id: personId,
        vacancy_organisation_id: vacancy.organisation_id,
        vacancy_id: vacancy.id,
        note,
        created_by: ctx.userId,
      })
      .returning(['id', 'status', 'decided_on', 'decision_note'])
      .executeTakeFirstOrThrow();
    ctx.audit.entityId = row.id;
    ctx.audit.details = { personId, vacancyId: vacancy.id, to: vacancy.organisation_id };
    return {
      id: row.id,
      status: row.status as BasinRequestStatus,
      decidedOn: row.decided_on,
      decisionNote: row.decision_note,
    };
  },
);

/** The requests of other organisations of the basin for one of the caller's vacancies. */
export const incomingBasinRequests = defineQuery(
  'matching.incomingBasinRequests',
  z.object({ vacancyId: idSchema }),
  async (ctx, { vacancyId }) => {
    ctx.require('vacancies.read');
    const own = await ctx.db
      .selectFrom('vacancy')
      .select('id')
      .where('id', '=', vacancyId)
      .executeTakeFirst();
    if (!own) throw notFound('Offre d’emploi');
    const rows = await ctx
      .across('basin')
      .selectFrom('basin_request as r')
      .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
      .select([
        'r.id',
        'r.vacancy_id',
        'o.name as organisation_name',
        'r.note',
        'r.status',
        'r.created_at',
        'r.decided_on',
        'r.decision_note',
      ])
      .where('r.vacancy_organisation_id', '=', ctx.organisationId)
      .where('r.vacancy_id', '=', vacancyId)
      .orderBy('r.created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      vacancyId: r.vacancy_id,
      organisationName: r.organisation_name,
      note: r.note,
      status: r.status as BasinRequestStatus,
      createdAt: new Date(r.created_at).toISOString(),
      decidedOn: r.decided_on,
      decisionNote: r.decision_note,
    }));
  },
);

export const decideBasinRequest = defineCommand(
  'matching.decideBasinRequest',
  basinDecisionSchema.extend({ requestId: idSchema }),
  { action: 'update', entity: 'basin_request' },
  async (ctx, { requestId, decision, note }) => {
    ctx.require('vacancies.write');
    const db = ctx.across('basin');
    const current = await db
      .selectFrom('basin_request')
      .select(['status'])
      .where('id', '=', requestId)
      .where('vacancy_organisation_id', '=', ctx.organisationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('Demande');
    if (current.status !== 'pending') {
      throw new AppError(409, 'conflict', 'Cette demande a déjà reçu une réponse.', 'decision');
    }
    const row = await db
      .updateTable('basin_request')
      .set({
        status: decision,
        decided_on: ctx.today,
        decided_by: ctx.userId,
        decision_note: note ?? null,
      })
      .where('id', '=', requestId)
      .where('vacancy_organisation_id', '=', ctx.organisationId)
      .returning([
        'id',
        'vacancy_id',
        'organisation_id',
        'note',
        'status',
        'created_at',
        'decided_on',
        'decision_note',
      ])
      .executeTakeFirstOrThrow();
    ctx.audit.entityId = row.id;
    ctx.audit.details = { decision, from: row.organisation_id };
    const asking = await db
      .selectFrom('organisation')
      .select('name')
      .where('id', '=', row.organisation_id)
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      vacancyId: row.vacancy_id,
      organisationName: asking.name,
      note: row.note,
      status: row.status as BasinRequestStatus,
      createdAt: new Date(row.created_at).toISOString(),
      decidedOn: row.decided_on,
      decisionNote: row.decision_note,
    };
  },
);
