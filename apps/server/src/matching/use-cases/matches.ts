import { type CapReached, personMatchesQuerySchema, vacancyMatchesQuerySchema } from '@jobcoach/contract';
import { PREPARED_MARK, scopedStatement, sql } from '@jobcoach/db';
import { type PresentationStep, rankPersons, rankPreparedVacancies } from '@jobcoach/domain';
import { z } from 'zod';
import { type Context, writeAuditEntry } from '../../application/context.ts';
import { notFound } from '../../application/errors.ts';
import {
  type PersonScope,
  personScope,
  personScopedStatement,
  requirePerson,
  viewerOf,
} from '../../application/person-scope.ts';
import { defineQuery } from '../../application/use-case.ts';
import { personSummaryOf, selectPersonLines } from '../../persons/queries.ts';
import { redactMatchReasons } from '../../privacy/sensitive.ts';
import { loadSettings } from '../../settings/queries.ts';
import { presentationCapOf, selectVacancies, toVacancySummary } from '../../vacancies/queries.ts';
import { loadHiringAidRules, personHiringAids } from '../hiring-aids.ts';
import {
  MATCHING_ONLY_COLUMNS,
  selectMatchingPersons,
  toMatchingPerson,
  toMatchingVacancy,
} from '../mapping.ts';
import {
  heldOpenVacancies,
  offersAtCap,
  openVacanciesAsOf,
  openVacanciesStamp,
  readOpenVacancies,
} from '../open-vacancies.ts';

/**
 * Matching lists (method.md §4 "matching hypothesis", §6): candidates are loaded with SQL, mapped to
 * the domain's shapes and ranked by the domain (rankPersons / rankPreparedVacancies), reasons included.
 */

const idSchema = z.uuid('identifiant invalide.');

/*
 * The statements of the two lists are built and compiled once (scopedStatement, packages/db), each
 * text prepared once per connection (PREPARED_MARK): building them anew cost more CPU per answer
 * than ranking the offers (docs/performance.md).
 */

/** Active presentations of one person or of one vacancy, keyed "personId vacancyId". */
function activePresentationsOf(column: 'person_id' | 'vacancy_id') {
  const statement = scopedStatement((db, p: { organisationId: string; id: string }) =>
    db
      .selectFrom('presentation')
      .select(['id', 'person_id', 'vacancy_id', 'step'])
      .where('active', '=', true)
      .where(column, '=', p.id)
      .modifyEnd(sql.raw(PREPARED_MARK)),
  );
  return async (ctx: Context, id: string) => {
    const rows = await statement(ctx.db, ctx.organisationId, { id });
    return new Map(
      rows.map((r) => [`${r.person_id} ${r.vacancy_id}`, { id: r.id, step: r.step as PresentationStep }]),
    );
  };
}
const presentationsOfPerson = activePresentationsOf('person_id');
const presentationsOfVacancy = activePresentationsOf('vacancy_id');

/** The candidates in progress on the vacancies that match `among`, with the organisation's cap. */
function candidatesInProgress(among: 'open' | 'ids') {
  return personScopedStatement((db, p: { organisationId: string; ids: string[] }, inScope) =>
    db
      .selectFrom('presentation as pr')
      .innerJoin('person as p', 'p.id', 'pr.person_id')
      .leftJoin('app_user as u', 'u.id', 'p.coach_id')
      .select(['pr.vacancy_id', 'pr.step', 'p.first_name', 'p.last_name', 'u.name as coach_name'])
      .select(inScope('p').as('in_scope'))
      .select(presentationCapOf(p.organisationId).as('cap'))
      .where('pr.active', '=', true)
      .where((eb) =>
        among === 'open'
          ? eb(
              'pr.vacancy_id',
              'in',
              eb.selectFrom('vacancy as v').select('v.id').where('v.status', '=', 'open'),
            )
          : sql<boolean>`pr.vacancy_id = ANY (${p.ids}::uuid[])`,
      )
      .orderBy('pr.created_at')
      .modifyEnd(sql.raw(PREPARED_MARK)),
  );
}
const inProgressOnOpen = candidatesInProgress('open');
const inProgressOn = candidatesInProgress('ids');

/**
 * Among the vacancies given (by id, or every open one), those at the organisation's cap of
 * candidates presented at once, with the candidates in progress: named when the caller reaches
 * them, otherwise by their coach only. One statement, the cap read within it, so that it need not
 * wait for the ranking; the ids are an array (one prepared text); the counting is done here.
 */
async function vacanciesAtCap(ctx: Context, scope: PersonScope, among: readonly string[] | 'open') {
  const full = new Map<string, CapReached>();
  if (among !== 'open' && among.length === 0) return full;
  const rows =
    among === 'open'
      ? await inProgressOnOpen(ctx.db, scope, { ids: [] })
      : await inProgressOn(ctx.db, scope, { ids: [...among] });
  for (const r of rows) {
    const candidate = {
      name: r.in_scope ? `${r.first_name} ${r.last_name}` : null,
      coachName: r.coach_name,
      step: r.step as PresentationStep,
    };
    const reached = full.get(r.vacancy_id);
    if (reached) reached.candidates.push(candidate);
    else full.set(r.vacancy_id, { cap: Number(r.cap), candidates: [candidate] });
  }
  for (const [id, reached] of full) if (reached.candidates.length < reached.cap) full.delete(id);
  return full;
}

/** The vacancy a list of candidates is ranked for. */
const vacancyById = scopedStatement((db, p: { organisationId: string; vacancyId: string }) =>
  selectVacancies(db, p.organisationId).where('v.id', '=', p.vacancyId).modifyEnd(sql.raw(PREPARED_MARK)),
);

/** The persons in pre-hire the caller reaches, with their summary (of one coach, or of all). */
function preHireCandidates(ofOneCoach: boolean) {
  return personScopedStatement((db, p: { organisationId: string; coachId: string }, inScope) => {
    const q = selectPersonLines(db, p.organisationId)
      .select(MATCHING_ONLY_COLUMNS)
      .where('p.phase', '=', 'pre_hire')
      .where(inScope('p'));
    return (ofOneCoach ? q.where('p.coach_id', '=', p.coachId) : q).modifyEnd(sql.raw(PREPARED_MARK));
  });
}
const candidatesOfAll = preHireCandidates(false);
const candidatesOfCoach = preHireCandidates(true);

/** The person offers are ranked for, with the stamp of the organisation's open vacancies. */
const matchingPerson = scopedStatement((db, p: { organisationId: string; personId: string }) =>
  selectMatchingPersons(db, p.organisationId)
    .select(openVacanciesStamp(p.organisationId).as('vacancies_stamp'))
    .where('id', '=', p.personId)
    .modifyEnd(sql.raw(PREPARED_MARK)),
);

/** The persons in pre-hire the caller reaches, ranked for a vacancy. */
export const matchPersonsToVacancy = defineQuery(
  'matching.personsForVacancy',
  vacancyMatchesQuerySchema.extend({ vacancyId: idSchema }),
  async (ctx, { vacancyId: id, compatibleOnly, coachId, limit }) => {
    ctx.require('vacancies.read');
    const db = ctx.db;
    // Candidates are the persons in pre-hire the caller reaches (a jobcoach: own caseload), read
    // with their summary in one statement; the scope needs no statement of its own when the
    // session brought it (application/context.ts). The reads that do not depend on one another go
    // side by side (docs/performance.md).
    const reach = await personScope(ctx, 'persons.read');
    const [[vacancy], rules, presentations, rows, { cadence }, full] = await Promise.all([
      vacancyById(db, ctx.organisationId, { vacancyId: id }),
      loadHiringAidRules(db),
      presentationsOfVacancy(ctx, id),
      coachId ? candidatesOfCoach(db, reach, { coachId }) : candidatesOfAll(db, reach, { coachId: '' }),
      loadSettings(db, ctx.organisationId),
      vacanciesAtCap(ctx, reach, [id]).then((m) => m.get(id) ?? null),
    ]);
    if (!vacancy) throw notFound('Offre d’emploi');
    // Stable input order (name) so that equal scores keep a predictable order.
    const persons = rows
      .map((row) => ({
        ...toMatchingPerson(row, personHiringAids(row, rules, ctx.today)),
        id: row.id,
        summary: personSummaryOf(row, ctx.today, cadence),
      }))
      .sort(
        (a, b) =>
          a.summary.lastName.localeCompare(b.summary.lastName, 'fr') ||
          a.summary.firstName.localeCompare(b.summary.firstName, 'fr') ||
          a.id.localeCompare(b.id),
      );
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
      capReached: presentations.has(`${person.id} ${id}`) ? null : full,
    }));
  },
);

/** The organisation's open vacancies, ranked for a person the caller reaches. */
export const matchVacanciesToPerson = defineQuery(
  'matching.vacanciesForPerson',
  personMatchesQuerySchema.extend({ personId: idSchema }),
  async (ctx, { personId: id, compatibleOnly, limit }) => {
    ctx.require('vacancies.read');
    const reach = await requirePerson(ctx, 'persons.read', id);
    const viewer = viewerOf(reach);
    const db = ctx.db;
    // The reads that do not depend on one another go side by side (docs/performance.md); reading
    // a person's matches reveals their constraints: audited like a read of their file. The open
    // vacancies are read only when no list is held for the organisation, or when the one held is
    // not the list as of the stamp read with the person (matching/open-vacancies.ts).
    // The offers at their cap are looked for beside the other reads: those the list held says are
    // (each offer's count of active presentations against the cap held with it), or among every
    // open one when no list is held; again once the current list is read, when the one held was
    // not it.
    const held = heldOpenVacancies(ctx.organisationId);
    const [[person], read, presentations, rules, fullAmong] = await Promise.all([
      matchingPerson(db, ctx.organisationId, { personId: id }),
      held ? null : readOpenVacancies(db, ctx.organisationId),
      presentationsOfPerson(ctx, id),
      loadHiringAidRules(db),
      vacanciesAtCap(ctx, reach, held ? offersAtCap(held) : 'open'),
      writeAuditEntry(ctx, { action: 'read_matches', entity: 'person' }, { entityId: id }),
    ]);
    if (!person) throw notFound('Personne');
    const list = await openVacanciesAsOf(db, ctx.organisationId, person.vacancies_stamp, read);
    const full = read || list === held ? fullAmong : await vacanciesAtCap(ctx, reach, offersAtCap(list));
    const aids = personHiringAids(person, rules, ctx.today);
    const ranked = rankPreparedVacancies(toMatchingPerson(person, aids), list.vacancies)
      .filter((r) => !compatibleOnly || r.result.compatible)
      .slice(0, limit);
    return ranked.map(({ vacancy, result }) => ({
      vacancy: toVacancySummary(vacancy.line),
      result: { ...result, reasons: redactMatchReasons(result.reasons, viewer) },
      presentation: presentations.get(`${id} ${vacancy.line.id}`) ?? null,
      capReached: presentations.has(`${id} ${vacancy.line.id}`) ? null : (full.get(vacancy.line.id) ?? null),
    }));
  },
);
