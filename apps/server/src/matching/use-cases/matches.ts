import { personMatchesQuerySchema, vacancyMatchesQuerySchema } from '@jobcoach/contract';
import { type PresentationStep, rankPersons, rankVacancies } from '@jobcoach/domain';
import { z } from 'zod';
import { type Context, writeAuditEntry } from '../../application/context.ts';
import { notFound } from '../../application/errors.ts';
import { personScope, requirePerson, viewerOf } from '../../application/person-scope.ts';
import { defineQuery } from '../../application/use-case.ts';
import { redactMatchReasons } from '../../privacy/sensitive.ts';
import { selectVacancies, toVacancySummary } from '../../vacancies/queries.ts';
import { loadHiringAidRules, personHiringAids } from '../hiring-aids.ts';
import { selectMatchingPersons, toMatchingPerson, toMatchingVacancy } from '../mapping.ts';
import { personSummaries } from '../summaries.ts';

/**
 * Matching lists (method.md §4 "matching hypothesis", §6): candidates are loaded with SQL, mapped to
 * the domain's shapes and ranked by the domain (rankPersons / rankVacancies), reasons included.
 */

const idSchema = z.uuid('identifiant invalide.');

/** Active presentations, keyed "personId vacancyId". */
async function activePresentations(ctx: Context, by: { personId?: string; vacancyId?: string }) {
  let q = ctx.db
    .selectFrom('presentation')
    .select(['id', 'person_id', 'vacancy_id', 'step'])
    .where('active', '=', true);
  if (by.personId) q = q.where('person_id', '=', by.personId);
  if (by.vacancyId) q = q.where('vacancy_id', '=', by.vacancyId);
  const rows = await q.execute();
  return new Map(
    rows.map((r) => [`${r.person_id} ${r.vacancy_id}`, { id: r.id, step: r.step as PresentationStep }]),
  );
}

/** The persons in pre-hire the caller reaches, ranked for a vacancy. */
export const matchPersonsToVacancy = defineQuery(
  'matching.personsForVacancy',
  vacancyMatchesQuerySchema.extend({ vacancyId: idSchema }),
  async (ctx, { vacancyId: id, compatibleOnly, coachId, limit }) => {
    ctx.require('vacancies.read');
    const db = ctx.db;
    const vacancy = await selectVacancies(db, ctx.organisationId).where('v.id', '=', id).executeTakeFirst();
    if (!vacancy) throw notFound('Offre d’emploi');
    // Candidates are the persons the caller reaches (a jobcoach: own caseload).
    const reach = await personScope(ctx, 'persons.read');
    const summaries = await personSummaries(db, ctx.organisationId, ctx.today, {
      phase: 'pre_hire',
      ...(coachId ? { coachId } : {}),
      scope: reach,
    });
    const ids = [...summaries.keys()];
    const rows =
      ids.length === 0
        ? []
        : await selectMatchingPersons(db, ctx.organisationId).where('id', 'in', ids).execute();
    const rules = await loadHiringAidRules(db);
    // Stable input order (name) so that equal scores keep a predictable order.
    const persons = rows
      .map((row) => ({
        ...toMatchingPerson(row, personHiringAids(row, rules, ctx.today)),
        id: row.id,
        summary: summaries.get(row.id)!,
      }))
      .sort(
        (a, b) =>
          a.summary.lastName.localeCompare(b.summary.lastName, 'fr') ||
          a.summary.firstName.localeCompare(b.summary.firstName, 'fr') ||
          a.id.localeCompare(b.id),
      );
    const presentations = await activePresentations(ctx, { vacancyId: id });
    const ranked = rankPersons(toMatchingVacancy(vacancy), persons)
      .filter((r) => !compatibleOnly || r.result.compatible)
      .slice(0, limit);
    await writeAuditEntry(
      ctx,
      { action: 'read_matches', entity: 'vacancy' },
      { entityId: id, details: { persons: ranked.length } },
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

/** The organisation's open vacancies, ranked for a person the caller reaches. */
export const matchVacanciesToPerson = defineQuery(
  'matching.vacanciesForPerson',
  personMatchesQuerySchema.extend({ personId: idSchema }),
  async (ctx, { personId: id, compatibleOnly, limit }) => {
    ctx.require('vacancies.read');
    const viewer = viewerOf(await requirePerson(ctx, 'persons.read', id));
    const db = ctx.db;
    const person = await selectMatchingPersons(db, ctx.organisationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!person) throw notFound('Personne');
    const vacancies = await selectVacancies(db, ctx.organisationId)
      .where('v.status', '=', 'open')
      .orderBy('v.opened_on', 'desc')
      .orderBy('v.id')
      .execute();
    const presentations = await activePresentations(ctx, { personId: id });
    const aids = personHiringAids(person, await loadHiringAidRules(db), ctx.today);
    const ranked = rankVacancies(
      toMatchingPerson(person, aids),
      vacancies.map((v) => ({ ...toMatchingVacancy(v), line: v })),
    )
      .filter((r) => !compatibleOnly || r.result.compatible)
      .slice(0, limit);
    // Reading a person's matches reveals their constraints: audited like a read of their file.
    await writeAuditEntry(ctx, { action: 'read_matches', entity: 'person' }, { entityId: id });
    return ranked.map(({ vacancy, result }) => ({
      vacancy: toVacancySummary(vacancy.line),
      result: { ...result, reasons: redactMatchReasons(result.reasons, viewer) },
      presentation: presentations.get(`${id} ${vacancy.line.id}`) ?? null,
    }));
  },
);
