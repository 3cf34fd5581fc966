import { sql } from '@jobcoach/db';
import type { Db } from '../persons/common.ts';

/** The coaches of the organisation (its active coordinators and jobcoaches) and their FTE, by name. */
export function teamCoaches(db: Db, organisationId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'm.role', 'm.fte'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.active', '=', true)
    .where('m.role', 'in', ['coordinator', 'jobcoach'])
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

/** The absences running today or to come, with the names of the absent coach and of the cover. */
export function teamAbsences(db: Db, organisationId: string, today: string) {
  return db
    .selectFrom('absence as a')
    .innerJoin('app_user as c', 'c.id', 'a.coach_id')
    .innerJoin('app_user as v', 'v.id', 'a.cover_coach_id')
    .select([
      'a.coach_id',
      'c.name as coach_name',
      'a.cover_coach_id',
      'v.name as cover_coach_name',
      'a.from_on',
      'a.to_on',
    ])
    .where('a.organisation_id', '=', organisationId)
    .where('a.to_on', '>=', today)
    .orderBy('a.from_on')
    .orderBy('a.to_on')
    .execute();
}

/**
 * What the setup checklist reads, in one statement: whether another member was added or invited,
 * the settings saved, a partner recorded, a history import written (not a dry run, not undone),
 * and the items set aside.
 */
export async function checklistFacts(db: Db, organisationId: string, userId: string) {
  const row = await db
    .selectFrom('organisation as o')
    .select((eb) => [
      eb
        .exists(
          eb
            .selectFrom('membership as m')
            .select('m.user_id')
            .whereRef('m.organisation_id', '=', 'o.id')
            .where('m.user_id', '<>', userId),
        )
        .as('other_member'),
      eb
        .exists(
          eb
            .selectFrom('invitation as i')
            .select('i.id')
            .whereRef('i.organisation_id', '=', 'o.id')
            .where('i.revoked_at', 'is', null),
        )
        .as('invited'),
      eb
        .exists(
          eb
            .selectFrom('organisation_settings as s')
            .select('s.organisation_id')
            .whereRef('s.organisation_id', '=', 'o.id'),
        )
        .as('settings_saved'),
      eb
        .exists(eb.selectFrom('partner as p').select('p.id').whereRef('p.organisation_id', '=', 'o.id'))
        .as('partner'),
      eb
        .exists(
          eb
            .selectFrom('import_job as j')
            .select('j.id')
            .whereRef('j.organisation_id', '=', 'o.id')
            .where('j.kind', '=', 'history')
            .where('j.dry_run', '=', false)
            .where('j.status', '=', 'done')
            .where('j.undone_at', 'is', null),
        )
        .as('history_imported'),
      sql<string[]>`(SELECT coalesce(json_agg(d.item ORDER BY d.item), '[]'::json)
          FROM setup_checklist_dismissal d WHERE d.organisation_id = ${organisationId})`.as('dismissed'),
    ])
    .where('o.id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return row;
}
