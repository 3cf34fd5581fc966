import type { Database } from '@jobcoach/db';
import {
  type JsonColumns,
  type JsonLine,
  jsonArray,
  type Kysely,
  PREPARED_MARK,
  scopedStatement,
  sql,
} from '@jobcoach/db';
import { DEFAULT_CDD_ALERT_DAYS, type FollowUpMode } from '@jobcoach/domain';
import { coachPlansJson, planLineOf } from '../agenda/queries.ts';
import type { Db } from '../persons/common.ts';
import type { HandEnteredPeriod } from '../persons/employment.ts';
import { settingsOf } from '../settings/queries.ts';
import type { StandingContract } from './standing.ts';

/*
 * "Ma journée" is read with one statement (docs/performance.md): the coach, the organisation's
 * settings, the colleagues covered today, the coach's plans of the week, and the candidate persons
 * as a JSON array, each with the hand-entered employment periods and the contracts the rules read.
 * Its text does not depend on the values (no IN lists): it is built and compiled once
 * (scopedStatement, packages/db) and each connection prepares it once (PREPARED_MARK).
 */

const myDayStatement = scopedStatement(
  (db, p: { organisationId: string; coachId: string; today: string; weekEnd: string }) =>
    db
      .selectFrom('membership as m')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .leftJoin('organisation_settings as s', 's.organisation_id', 'm.organisation_id')
      .select([
        'u.id',
        'u.name',
        'm.fte',
        // Only the settings the day reads: the trust contract's template (a few kilobytes) is not.
        's.persons_per_fte',
        's.cadence',
        's.cdd_alert_days',
      ])
      .select(
        sql<CoveredAbsence[]>`(
        SELECT coalesce(json_agg(json_build_object('coach_id', a.coach_id, 'coach_name', c.name,
                 'from_on', a.from_on, 'to_on', a.to_on) ORDER BY a.from_on), '[]'::json)
          FROM absence a JOIN app_user c ON c.id = a.coach_id
         WHERE a.organisation_id = m.organisation_id AND a.cover_coach_id = m.user_id
           AND a.from_on <= ${p.today} AND a.to_on >= ${p.today})`.as('covering'),
      )
      .select(
        // Each line as a JSON array, its values in LINE_COLUMNS order (standingLineOf reads it back):
        // without the keys repeated on every line, the text to read is half as long.
        sql<
          LineTuple[]
        >`(SELECT coalesce(json_agg(${jsonArray(LINE_COLUMNS)} ORDER BY l.last_name, l.first_name), '[]'::json)
          FROM ${standingLines(db, p.organisationId).where(isCandidate(p))} AS l)`.as('persons'),
      )
      .select(
        // The coach's planned contacts of the week (agenda/queries.ts), in the same statement.
        coachPlansJson(sql`m.organisation_id`, sql`m.user_id`, p.today, p.weekEnd, 'planned').as('plans'),
      )
      .where('m.organisation_id', '=', p.organisationId)
      .where('m.user_id', '=', p.coachId)
      .where('m.active', '=', true)
      .modifyEnd(sql.raw(PREPARED_MARK)),
);

/**
 * The coach (an active member), the organisation's settings, the absences the coach covers today,
 * the coach's planned contacts of the week and the candidate persons in name order, each with
 * the contracts the rules read; undefined when the coach is not an active member.
 */
export async function myDayRead(
  db: Kysely<Database>,
  organisationId: string,
  coachId: string,
  today: string,
  weekEnd: string,
) {
  const [row] = await myDayStatement(db, organisationId, { coachId, today, weekEnd });
  if (!row) return undefined;
  // The defaults while no settings were saved (settingsOf).
  const settings =
    row.cadence === null
      ? settingsOf(null)
      : { personsPerFte: Number(row.persons_per_fte), cadence: row.cadence };
  return {
    coach: { id: row.id, name: row.name, fte: row.fte },
    settings,
    // Same default as loadContractSettings (contracts/queries.ts) while no settings were saved.
    cddAlertDays: row.cdd_alert_days ?? DEFAULT_CDD_ALERT_DAYS,
    covering: row.covering,
    plans: row.plans.map(planLineOf),
    persons: row.persons.map(standingLineOf),
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
function isCandidate(p: { organisationId: string; coachId: string; today: string }) {
  return sql<boolean>`(p.phase <> 'exited' AND (p.coach_id = ${p.coachId}
    OR p.coach_id = ANY (ARRAY(SELECT a.coach_id FROM absence a WHERE a.organisation_id = ${p.organisationId}
         AND a.cover_coach_id = ${p.coachId} AND a.from_on <= ${p.today} AND a.to_on >= ${p.today}))
    OR (p.coach_id IS NULL AND p.phase = 'intake')))`;
}

/**
 * A contract as the rules read it (the domain's ContractDays, and its arrangement's frequency:
 * myday/standing.ts), with what « Ma journée » shows of it: one object per contract, read straight
 * from its JSON array.
 */
export interface DayContract extends StandingContract {
  jobTitle: string;
  employerName: string;
  /** Whether a follow-up arrangement was agreed for it (its mode and discretion then). */
  arranged: boolean;
  mode: FollowUpMode | null;
  discreet: boolean | null;
}

/**
 * A person as « Ma journée » and the team overview judge them (alias p): the line, the latest
 * assessment, the hand-entered employment periods and the contracts not cancelled (latest first),
 * these two as JSON arrays. Only the columns the rules and the lists read.
 */
function standingLines(db: Db, organisationId: string) {
  return db
    .selectFrom('person as p')
    .leftJoin('app_user as coach', 'coach.id', 'p.coach_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('coachability_assessment as a')
          .select(['a.decision', 'a.review_date'])
          .whereRef('a.person_id', '=', 'p.id')
          .orderBy('a.created_at', 'desc')
          .limit(1)
          .as('ca'),
      (join) => join.onTrue(),
    )
    .select([
      'p.id',
      'p.first_name',
      'p.last_name',
      'p.phase',
      'p.phase_since',
      'p.pre_hire_entry',
      'p.coach_id',
      'coach.name as coach_name',
      'p.phone',
      'p.referral_received_on',
      // Kept on the person row by a trigger on contact (migration 0011, docs/performance.md).
      'p.last_direct_contact',
      'p.next_planned_on',
      'ca.decision',
      'ca.review_date',
    ])
    .select(
      sql<HandEnteredPeriod[]>`(
        SELECT coalesce(json_agg(json_build_object('id', ep.id, 'kind', ep.kind, 'start', ep.start_on,
                 'end', ep.end_on) ORDER BY ep.start_on), '[]'::json)
          FROM employment_period ep WHERE ep.person_id = p.id AND ep.organisation_id = p.organisation_id)`.as(
        'employment_periods',
      ),
    )
    .select(
      // Each contract as a JSON array, in CONTRACT_COLUMNS order (contractOf reads it back).
      sql<ContractTuple[]>`(
        SELECT coalesce(json_agg(${jsonArray(CONTRACT_COLUMNS)}
                 ORDER BY k.start_on DESC, k.created_at DESC, k.id), '[]'::json)
          FROM contract k
          JOIN employer e ON e.id = k.employer_id
          LEFT JOIN follow_up_arrangement fa ON fa.contract_id = k.id AND fa.organisation_id = k.organisation_id
         WHERE k.person_id = p.id AND k.organisation_id = p.organisation_id AND k.cancelled_at IS NULL)`.as(
        'contracts',
      ),
    )
    .where('p.organisation_id', '=', organisationId)
    .where('p.deleted_at', 'is', null);
}
type StandingRow = Awaited<ReturnType<ReturnType<typeof standingLines>['execute']>>[number];

// Lines and contracts travel as JSON arrays (packages/db json-lines.ts): their columns below, each
// read back by the function that follows them.

/** A contract's values in its JSON array: the name read back, and the column it is read from. */
const CONTRACT_COLUMNS = [
  ['id', 'k.id'],
  ['type', 'k.type'],
  ['start', 'k.start_on'],
  ['plannedEnd', 'k.planned_end_on'],
  ['actualEnd', 'k.actual_end_on'],
  ['convertedFromId', 'k.converted_from_contract_id'],
  ['jobTitle', 'k.job_title'],
  ['employerName', 'e.name'],
  ['arranged', 'fa.id IS NOT NULL'],
  ['mode', 'fa.mode'],
  ['discreet', 'fa.discreet'],
  ['frequency', 'fa.frequency'],
] as const satisfies JsonColumns<DayContract>;

type ContractTuple = JsonLine<typeof CONTRACT_COLUMNS, DayContract>;

function contractOf(t: ContractTuple): DayContract {
  return {
    id: t[0],
    type: t[1],
    start: t[2],
    plannedEnd: t[3],
    actualEnd: t[4],
    convertedFromId: t[5],
    jobTitle: t[6],
    employerName: t[7],
    arranged: t[8],
    mode: t[9],
    discreet: t[10],
    frequency: t[11],
  };
}

/** A person's values in « Ma journée »'s JSON array of lines, in this order. */
const LINE_COLUMNS = [
  ['id', 'l.id'],
  ['first_name', 'l.first_name'],
  ['last_name', 'l.last_name'],
  ['phase', 'l.phase'],
  ['phase_since', 'l.phase_since'],
  ['pre_hire_entry', 'l.pre_hire_entry'],
  ['coach_id', 'l.coach_id'],
  ['coach_name', 'l.coach_name'],
  ['phone', 'l.phone'],
  ['referral_received_on', 'l.referral_received_on'],
  ['last_direct_contact', 'l.last_direct_contact'],
  ['next_planned_on', 'l.next_planned_on'],
  ['decision', 'l.decision'],
  ['review_date', 'l.review_date'],
  ['employment_periods', 'l.employment_periods'],
  ['contracts', 'l.contracts'],
] as const satisfies JsonColumns<StandingRow>;

type LineTuple = JsonLine<typeof LINE_COLUMNS, StandingRow>;

/** A person's line as the rules read it, its contracts read back too. */
export type StandingLine = Omit<StandingRow, 'contracts'> & { contracts: DayContract[] };

function standingLineOf(t: LineTuple): StandingLine {
  return {
    id: t[0],
    first_name: t[1],
    last_name: t[2],
    phase: t[3],
    phase_since: t[4],
    pre_hire_entry: t[5],
    coach_id: t[6],
    coach_name: t[7],
    phone: t[8],
    referral_received_on: t[9],
    last_direct_contact: t[10],
    next_planned_on: t[11],
    decision: t[12],
    review_date: t[13],
    employment_periods: t[14],
    contracts: t[15].map(contractOf),
  };
}

/*
 * The team overview (team/use-cases/overview.ts) reads every coach's own persons at once, with the
 * same lines and contracts as « Ma journée », so that each person is judged by the same rules: one
 * statement for the whole team, whatever the number of coaches (no statement per coach).
 */

/** Every coached, not exited person of the organisation (those « Ma journée » looks at). */
export async function teamPersons(db: Db, organisationId: string) {
  const rows = await standingLines(db, organisationId)
    .where(sql<boolean>`(p.phase <> 'exited' AND p.coach_id IS NOT NULL)`)
    .execute();
  return rows.map((row): StandingLine => ({ ...row, contracts: row.contracts.map(contractOf) }));
}
