import { PREPARED_MARK, sql } from '@jobcoach/db';
import { type ContractKind, DEFAULT_CDD_ALERT_DAYS, myDayWeekEnd } from '@jobcoach/domain';
import { coachPlansJson } from '../agenda/queries.ts';
import { type ContractLine, selectContracts } from '../contracts/queries.ts';
import type { Db } from '../persons/common.ts';
import type { HandEnteredPeriod } from '../persons/employment.ts';
import { selectPersonLines } from '../persons/queries.ts';
import { settingsOf } from '../settings/queries.ts';

/*
 * "Ma journée" is read with two statements sent side by side (docs/performance.md): the context
 * (the coach, the settings, the colleagues covered today) with the persons and their hand-entered
 * employment periods as a JSON array, and the persons' contracts. The persons are selected by the
 * same condition in both, the covered colleagues being a subquery, so that neither waits for the
 * other. Their texts do not depend on the values (no IN lists), so each connection prepares them once
 * (PREPARED_MARK, packages/db): planning them cost more than running them.
 */

/**
 * The coach (an active member), the organisation's settings, the absences the coach covers today,
 * the coach's planned contacts of the week and the candidate persons (as JSON arrays, persons in
 * name order): one statement instead of several.
 */
export async function myDayContext(db: Db, organisationId: string, coachId: string, today: string) {
  const row = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .leftJoin('organisation_settings as s', 's.organisation_id', 'm.organisation_id')
    .select([
      'u.id',
      'u.name',
      'm.fte',
      's.persons_per_fte',
      's.cadence',
      's.trust_contract_template',
      's.version',
      's.cdd_alert_days',
    ])
    .select(
      sql<CoveredAbsence[]>`(
        SELECT coalesce(json_agg(json_build_object('coach_id', a.coach_id, 'coach_name', c.name,
                 'from_on', a.from_on, 'to_on', a.to_on) ORDER BY a.from_on), '[]'::json)
          FROM absence a JOIN app_user c ON c.id = a.coach_id
         WHERE a.organisation_id = m.organisation_id AND a.cover_coach_id = m.user_id
           AND a.from_on <= ${today} AND a.to_on >= ${today})`.as('covering'),
    )
    .select(
      // Every column of a line is text, a date (read as text anyway) or JSON: the JSON array
      // gives the same values as the rows would.
      sql<CandidateLine[]>`(SELECT coalesce(json_agg(l ORDER BY l.last_name, l.first_name), '[]'::json)
          FROM ${candidatesQuery(db, organisationId, coachId, today)} AS l)`.as('persons'),
    )
    .select(
      // The coach's planned contacts of the week (agenda/queries.ts), in the same statement.
      coachPlansJson(sql`m.organisation_id`, sql`m.user_id`, today, myDayWeekEnd(today), 'planned').as(
        'plans',
      ),
    )
    .where('m.organisation_id', '=', organisationId)
    .where('m.user_id', '=', coachId)
    .where('m.active', '=', true)
    .modifyEnd(sql.raw(PREPARED_MARK))
    .executeTakeFirst();
  if (!row) return undefined;
  const settings = settingsOf(
    row.version === null
      ? null
      : {
          persons_per_fte: row.persons_per_fte!,
          cadence: row.cadence!,
          trust_contract_template: row.trust_contract_template!,
          version: row.version,
        },
  );
  return {
    coach: { id: row.id, name: row.name, fte: row.fte },
    settings,
    // Same default as loadContractSettings (contracts/queries.ts) while no settings were saved.
    cddAlertDays: row.cdd_alert_days ?? DEFAULT_CDD_ALERT_DAYS,
    covering: row.covering,
    plans: row.plans,
    persons: row.persons.map((r) => ({
      ...r,
      employment_periods: r.employment_periods.map((e) => ({ ...e, kind: e.kind as ContractKind })),
    })),
  };
}

export interface CoveredAbsence {
  coach_id: string;
  coach_name: string;
  from_on: string;
  to_on: string;
}

/**
 * The persons "Ma journée" looks at (alias p): the coach's own, those of the absent colleagues the
 * coach covers today, and referrals nobody was assigned yet (the organisation's intake queue).
 * Exited persons appear in none of its lists (no cadence, no deadline, no running follow-up), so
 * they are not read: over years they are most of a coach's persons (docs/performance.md). The
 * covered colleagues are an array computed once (`= ANY (ARRAY(…))`), so that each branch of the
 * condition is an index probe on (organisation, coach).
 */
function isCandidate(organisationId: string, coachId: string, today: string) {
  return sql<boolean>`(p.phase <> 'exited' AND (p.coach_id = ${coachId}
    OR p.coach_id = ANY (ARRAY(SELECT a.coach_id FROM absence a WHERE a.organisation_id = ${organisationId}
         AND a.cover_coach_id = ${coachId} AND a.from_on <= ${today} AND a.to_on >= ${today}))
    OR (p.coach_id IS NULL AND p.phase = 'intake')))`;
}

/** The candidate persons' lines (persons/queries.ts) with their hand-entered employment periods. */
function candidatesQuery(db: Db, organisationId: string, coachId: string, today: string) {
  return linesWithPeriods(db, organisationId).where(isCandidate(organisationId, coachId, today));
}
type CandidateLine = Awaited<ReturnType<ReturnType<typeof candidatesQuery>['execute']>>[number];

/** The persons' lines (persons/queries.ts) with their hand-entered employment periods. */
function linesWithPeriods(db: Db, organisationId: string) {
  return selectPersonLines(db, organisationId).select(
    sql<HandEnteredPeriod[]>`(
        SELECT coalesce(json_agg(json_build_object('id', ep.id, 'kind', ep.kind, 'start', ep.start_on,
                 'end', ep.end_on) ORDER BY ep.start_on), '[]'::json)
          FROM employment_period ep WHERE ep.person_id = p.id AND ep.organisation_id = p.organisation_id)`.as(
      'employment_periods',
    ),
  );
}

/** The contracts of the same persons (contracts/queries.ts), by person, latest first. */
export async function myDayContracts(db: Db, organisationId: string, coachId: string, today: string) {
  const rows = await selectContracts(db, organisationId)
    .where(
      'k.person_id',
      'in',
      db
        .selectFrom('person as p')
        .select('p.id')
        .where('p.organisation_id', '=', organisationId)
        .where('p.deleted_at', 'is', null)
        .where(isCandidate(organisationId, coachId, today)),
    )
    .modifyEnd(sql.raw(PREPARED_MARK))
    .execute();
  return byPerson(rows);
}

function byPerson(rows: readonly ContractLine[]) {
  const map = new Map<string, ContractLine[]>();
  for (const r of rows) {
    const list = map.get(r.person_id);
    if (list) list.push(r);
    else map.set(r.person_id, [r]);
  }
  return map;
}

/*
 * The team overview (team/use-cases/overview.ts) reads every coach's own persons at once, with the
 * same lines and contracts as « Ma journée », so that each person is judged by the same rules: two
 * statements for the whole team, whatever the number of coaches (no statement per coach).
 */

/** The persons coached in the organisation and not exited (those « Ma journée » looks at). */
const isCoachedLive = sql<boolean>`(p.phase <> 'exited' AND p.coach_id IS NOT NULL)`;

/** The lines of every coached, not exited person of the organisation. */
export async function teamPersons(db: Db, organisationId: string) {
  const rows = await linesWithPeriods(db, organisationId).where(isCoachedLive).execute();
  return rows.map((r) => ({
    ...r,
    employment_periods: r.employment_periods.map((e) => ({ ...e, kind: e.kind as ContractKind })),
  }));
}

/** The contracts of the same persons, by person, latest first. */
export async function teamContracts(db: Db, organisationId: string) {
  const rows = await selectContracts(db, organisationId)
    .where(
      'k.person_id',
      'in',
      db
        .selectFrom('person as p')
        .select('p.id')
        .where('p.organisation_id', '=', organisationId)
        .where('p.deleted_at', 'is', null)
        .where(isCoachedLive),
    )
    .execute();
  return byPerson(rows);
}
