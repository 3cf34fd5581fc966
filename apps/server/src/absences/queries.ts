import type { Absence } from '@jobcoach/contract';
import { invalid } from '../http/errors.ts';
import type { Db } from '../persons/common.ts';

export function selectAbsences(db: Db, organisationId: string) {
  return db
    .selectFrom('absence as a')
    .innerJoin('app_user as c', 'c.id', 'a.coach_id')
    .innerJoin('app_user as v', 'v.id', 'a.cover_coach_id')
    .select([
      'a.id',
      'a.coach_id',
      'c.name as coach_name',
      'a.from_on',
      'a.to_on',
      'a.cover_coach_id',
      'v.name as cover_name',
    ])
    .where('a.organisation_id', '=', organisationId)
    .orderBy('a.from_on')
    .orderBy('a.id');
}

export function toAbsence(r: {
  id: string;
  coach_id: string;
  coach_name: string;
  from_on: string;
  to_on: string;
  cover_coach_id: string;
  cover_name: string;
}): Absence {
  return {
    id: r.id,
    coachId: r.coach_id,
    coachName: r.coach_name,
    from: r.from_on,
    to: r.to_on,
    coverCoachId: r.cover_coach_id,
    coverCoachName: r.cover_name,
  };
}

/** An active jobcoach or coordinator of the organisation (who coaches or covers), or a 400. */
export async function assertStaff(db: Db, organisationId: string, userId: string, field: string) {
  const member = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select('u.id')
    .where('m.organisation_id', '=', organisationId)
    .where('m.user_id', '=', userId)
    .where('m.role', 'in', ['jobcoach', 'coordinator'])
    .where('m.active', '=', true)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!member)
    throw invalid(field, 'ce n’est pas un·e jobcoach ou coordinateur·rice actif·ve de l’organisation.');
}

/** Absent coaches whom `coverId` covers on `day`. */
export async function coveredCoaches(db: Db, organisationId: string, coverId: string, day: string) {
  const rows = await db
    .selectFrom('absence as a')
    .innerJoin('app_user as c', 'c.id', 'a.coach_id')
    .select(['a.coach_id', 'c.name as coach_name', 'a.from_on', 'a.to_on'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.cover_coach_id', '=', coverId)
    .where('a.from_on', '<=', day)
    .where('a.to_on', '>=', day)
    .orderBy('a.from_on')
    .execute();
  return rows;
}
