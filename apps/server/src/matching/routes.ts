import {
  idParams,
  personMatchesQuerySchema,
  personMatchListSchema,
  vacancyMatchesQuerySchema,
  vacancyMatchListSchema,
} from '@jobcoach/contract';
import { type PresentationStep, rankPersons, rankVacancies } from '@jobcoach/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { basinScope } from '../employers/scope.ts';
import { writeAudit } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { personScope, requirePerson, viewerOf } from '../http/scope.ts';
import type { Db } from '../persons/common.ts';
import { redactMatchReasons } from '../privacy/sensitive.ts';
import { selectVacancies, toVacancySummary } from '../vacancies/queries.ts';
import { selectMatchingPersons, toMatchingPerson, toMatchingVacancy } from './mapping.ts';
import { personSummaries } from './summaries.ts';

/** Active presentations, keyed "personId vacancyId". */
async function activePresentations(
  db: Db,
  organisationId: string,
  by: { personId?: string; vacancyId?: string },
) {
  let q = db
    .selectFrom('presentation')
    .select(['id', 'person_id', 'vacancy_id', 'step'])
    .where('organisation_id', '=', organisationId)
    .where('active', '=', true);
  if (by.personId) q = q.where('person_id', '=', by.personId);
  if (by.vacancyId) q = q.where('vacancy_id', '=', by.vacancyId);
  const rows = await q.execute();
  return new Map(
    rows.map((r) => [`${r.person_id} ${r.vacancy_id}`, { id: r.id, step: r.step as PresentationStep }]),
  );
}

/**
 * Matching lists (method.md §4 "matching hypothesis", §6): candidates are loaded with SQL, mapped to
 * the domain's shapes and ranked by the domain (rankPersons / rankVacancies), reasons included.
 */
export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/api/vacancies/:id/matches',
    {
      config: { access: 'session' },
      schema: {
        tags: ['matching'],
        params: idParams,
        querystring: vacancyMatchesQuerySchema,
        response: { 200: personMatchListSchema },
      },
    },
    async (request) => {
      const scope = await basinScope(request, 'vacancies.read');
      const { id } = request.params;
      const { compatibleOnly, coachId, limit } = request.query;
      const vacancy = await selectVacancies(db, scope.organisationId)
        .where('v.id', '=', id)
        .executeTakeFirst();
      if (!vacancy) throw notFound('Offre d’emploi');
      const today = clock.today();
      // Candidates are the persons the caller reaches (a jobcoach: own caseload, http/scope.ts).
      const reach = await personScope(request, 'persons.read');
      const summaries = await personSummaries(db, scope.organisationId, today, {
        phase: 'pre_hire',
        ...(coachId ? { coachId } : {}),
        scope: reach,
      });
      const ids = [...summaries.keys()];
      const rows =
        ids.length === 0
          ? []
          : await selectMatchingPersons(db, scope.organisationId).where('id', 'in', ids).execute();
      // Stable input order (name) so that equal scores keep a predictable order.
      const persons = rows
        .map((row) => ({ ...toMatchingPerson(row), id: row.id, summary: summaries.get(row.id)! }))
        .sort(
          (a, b) =>
            a.summary.lastName.localeCompare(b.summary.lastName, 'fr') ||
            a.summary.firstName.localeCompare(b.summary.firstName, 'fr') ||
            a.id.localeCompare(b.id),
        );
      const presentations = await activePresentations(db, scope.organisationId, { vacancyId: id });
      const ranked = rankPersons(toMatchingVacancy(vacancy), persons)
        .filter((r) => !compatibleOnly || r.result.compatible)
        .slice(0, limit);
      await writeAudit(
        db,
        request,
        { action: 'read_matches', entity: 'vacancy' },
        {
          entityId: id,
          organisationId: scope.organisationId,
          details: { persons: ranked.length },
        },
      );
      const viewer = viewerOf(reach);
      return ranked.map(({ person, result }) => ({
        person: person.summary,
        // Physical limits rank the candidates but their text reaches only readers with the right.
        result: { ...result, reasons: redactMatchReasons(result.reasons, viewer) },
        presentation: presentations.get(`${person.id} ${id}`) ?? null,
      }));
    },
  );

  app.get(
    '/api/persons/:id/matches',
    {
      config: { access: 'session' },
      schema: {
        tags: ['matching'],
        params: idParams,
        querystring: personMatchesQuerySchema,
        response: { 200: vacancyMatchListSchema },
      },
    },
    async (request) => {
      const scope = await basinScope(request, 'vacancies.read');
      const { id } = request.params;
      const viewer = viewerOf(await requirePerson(request, 'persons.read', id));
      const { compatibleOnly, limit } = request.query;
      const person = await selectMatchingPersons(db, scope.organisationId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!person) throw notFound('Personne');
      const vacancies = await selectVacancies(db, scope.organisationId)
        .where('v.status', '=', 'open')
        .orderBy('v.opened_on', 'desc')
        .orderBy('v.id')
        .execute();
      const presentations = await activePresentations(db, scope.organisationId, { personId: id });
      const ranked = rankVacancies(
        toMatchingPerson(person),
        vacancies.map((v) => ({ ...toMatchingVacancy(v), line: v })),
      )
        .filter((r) => !compatibleOnly || r.result.compatible)
        .slice(0, limit);
      // Reading a person's matches reveals their constraints: audited like a read of their file.
      await writeAudit(
        db,
        request,
        { action: 'read_matches', entity: 'person' },
        {
          entityId: id,
          organisationId: scope.organisationId,
        },
      );
      return ranked.map(({ vacancy, result }) => ({
        vacancy: toVacancySummary(vacancy.line),
        result: { ...result, reasons: redactMatchReasons(result.reasons, viewer) },
        presentation: presentations.get(`${id} ${vacancy.line.id}`) ?? null,
      }));
    },
  );
};
