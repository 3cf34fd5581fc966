import { ACTIVE_PHASES, type ContractKind } from '@jobcoach/domain';
import type { Db } from '../persons/common.ts';
import type { HandEnteredPeriod } from '../persons/employment.ts';
import { selectPersonLines } from '../persons/queries.ts';

/**
 * The persons "Ma journée" looks at: the coach's own, those of the absent colleagues the coach
 * covers, and referrals nobody was assigned yet (the organisation's intake queue).
 */
export function myDayCandidates(db: Db, organisationId: string, coachId: string, coveredIds: string[]) {
  return selectPersonLines(db, organisationId)
    .where((eb) =>
      eb.or([
        eb('p.coach_id', '=', coachId),
        ...(coveredIds.length > 0 ? [eb('p.coach_id', 'in', coveredIds)] : []),
        eb.and([eb('p.coach_id', 'is', null), eb('p.phase', '=', 'intake')]),
      ]),
    )
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .execute();
}

/** The hand-entered employment periods of several persons (the contracts: contracts/queries.ts). */
export async function employmentsByPerson(db: Db, personIds: string[]) {
  const byPerson = new Map<string, HandEnteredPeriod[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('employment_period')
    .select(['id', 'person_id', 'kind', 'start_on', 'end_on'])
    .where('person_id', 'in', personIds)
    .execute();
  for (const r of rows) {
    const list = byPerson.get(r.person_id) ?? [];
    list.push({ id: r.id, kind: r.kind as ContractKind, start: r.start_on, end: r.end_on });
    byPerson.set(r.person_id, list);
  }
  return byPerson;
}

/** Persons in an active phase whose coach is this one (the caseload gauge). */
export async function activeCount(db: Db, organisationId: string, coachId: string): Promise<number> {
  const row = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('coach_id', '=', coachId)
    .where('phase', 'in', [...ACTIVE_PHASES])
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findMember(db: Db, organisationId: string, userId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'm.fte'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.user_id', '=', userId)
    .where('m.active', '=', true)
    .executeTakeFirst();
}
