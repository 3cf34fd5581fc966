import { type JsonColumns, type JsonLine, jsonArray, sql } from '@jobcoach/db';
import type { ContactChannel, Phase } from '@jobcoach/domain';
import type { Db } from '../persons/common.ts';

/**
 * The coach's planned contacts (migration 0022): a plan's time is the Europe/Brussels wall-clock
 * time, read as 'HH:MM'. Every statement names the organisation (packages/db scope.ts).
 */

/** A plan as the agenda and the feed read it, with the person's name and the employer's. */
export interface PlanLine {
  id: string;
  person_id: string;
  first_name: string;
  last_name: string;
  phase: Phase;
  phone: string | null;
  starts_on: string;
  starts_at: string | null;
  duration_minutes: number | null;
  place: string | null;
  channel: ContactChannel;
  employer_id: string | null;
  employer_name: string | null;
  status: 'planned' | 'done' | 'cancelled';
  updated_at: string;
}

/** A plan's values in the JSON arrays of coachPlansJson: the name read back, the expression read. */
const PLAN_COLUMNS = [
  ['id', 'pc.id'],
  ['person_id', 'pc.person_id'],
  ['first_name', 'pp.first_name'],
  ['last_name', 'pp.last_name'],
  ['phase', 'pp.phase'],
  ['phone', 'pp.phone'],
  ['starts_on', 'pc.starts_on'],
  ['starts_at', "to_char(pc.starts_at, 'HH24:MI')"],
  ['duration_minutes', 'pc.duration_minutes'],
  ['place', 'pc.place'],
  ['channel', 'pc.channel'],
  ['employer_id', 'pc.employer_id'],
  ['employer_name', 'e.name'],
  ['status', 'pc.status'],
  ['updated_at', 'pc.updated_at'],
] as const satisfies JsonColumns<PlanLine>;

type PlanTuple = JsonLine<typeof PLAN_COLUMNS, PlanLine>;

/** A plan read back from its JSON array (coachPlansJson). */
export function planLineOf(t: PlanTuple): PlanLine {
  return {
    id: t[0],
    person_id: t[1],
    first_name: t[2],
    last_name: t[3],
    phase: t[4],
    phone: t[5],
    starts_on: t[6],
    starts_at: t[7],
    duration_minutes: t[8],
    place: t[9],
    channel: t[10],
    employer_id: t[11],
    employer_name: t[12],
    status: t[13],
    updated_at: t[14],
  };
}

/**
 * The plans of a coach between two days, as one JSON array of arrays, each plan's values in
 * PLAN_COLUMNS order (planLineOf reads one back): a subquery of a larger statement, so that
 * « Ma journée » keeps its number of statements, and without the keys repeated on every plan.
 * `coach` and `organisation` are SQL expressions of the outer query, or values.
 */
export function coachPlansJson(
  organisation: ReturnType<typeof sql>,
  coach: ReturnType<typeof sql>,
  from: string,
  to: string,
  statuses: 'planned' | 'planned_or_done',
) {
  const status = statuses === 'planned' ? sql`pc.status = 'planned'` : sql`pc.status IN ('planned', 'done')`;
  return sql<PlanTuple[]>`(
    SELECT coalesce(json_agg(${jsonArray(PLAN_COLUMNS)}
           ORDER BY pc.starts_on, pc.starts_at NULLS FIRST), '[]'::json)
      FROM planned_contact pc
      JOIN person pp ON pp.id = pc.person_id AND pp.organisation_id = pc.organisation_id
        AND pp.deleted_at IS NULL
      LEFT JOIN employer e ON e.id = pc.employer_id
     WHERE pc.organisation_id = ${organisation} AND pc.coach_id = ${coach} AND ${status}
       AND pc.starts_on >= ${from}::date AND pc.starts_on <= ${to}::date)`;
}

/** One plan of the organisation, with the names shown on the person's file. */
export function selectPlans(db: Db) {
  return db
    .selectFrom('planned_contact as pc')
    .innerJoin('app_user as u', 'u.id', 'pc.coach_id')
    .leftJoin('employer as e', 'e.id', 'pc.employer_id')
    .select([
      'pc.id',
      'pc.person_id',
      'pc.coach_id',
      'u.name as coach_name',
      'pc.starts_on',
      sql<string | null>`to_char(pc.starts_at, 'HH24:MI')`.as('starts_at'),
      'pc.duration_minutes',
      'pc.place',
      'pc.channel',
      'pc.employer_id',
      'e.name as employer_name',
      'pc.status',
      'pc.version',
    ]);
}
type PlanRow = Awaited<ReturnType<ReturnType<typeof selectPlans>['execute']>>[number];

/**
 * A person's plans still to hold, by day and time: what the person's file shows under « Contacts
 * planifiés » (persons/file.ts) and what GET /api/persons/:id/planned-contacts answers.
 */
export async function plansToHold(db: Db, personId: string) {
  const rows = await selectPlans(db)
    .where('pc.person_id', '=', personId)
    .where('pc.status', '=', 'planned')
    .orderBy('pc.starts_on')
    .orderBy('pc.starts_at')
    .execute();
  return rows.map(toPlannedContact);
}

export function toPlannedContact(r: PlanRow) {
  return {
    id: r.id,
    personId: r.person_id,
    coachId: r.coach_id,
    coachName: r.coach_name,
    date: r.starts_on,
    time: r.starts_at,
    durationMinutes: r.duration_minutes,
    place: r.place,
    channel: r.channel,
    employerId: r.employer_id,
    employerName: r.employer_name,
    status: r.status,
    version: r.version,
  };
}

/** The member's name and plans (held or still to hold) between two days, for the calendar feed. */
export async function feedPlans(db: Db, organisationId: string, userId: string, from: string, to: string) {
  const row = await db
    .selectFrom('app_user as u')
    .select('u.name')
    .select(
      coachPlansJson(sql`${organisationId}::uuid`, sql`${userId}::uuid`, from, to, 'planned_or_done').as(
        'plans',
      ),
    )
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  return { name: row.name, plans: row.plans.map(planLineOf) };
}
