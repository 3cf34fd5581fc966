import type { Db } from '../persons/common.ts';

/**
 * The person's consents and hand-offs with the names they refer to (partner, who recorded or
 * shared), as the person page lists them (newest first) and the data-subject export holds them
 * (oldest first).
 */
export function consentRecords(db: Db, personId: string, order: 'asc' | 'desc') {
  return db
    .selectFrom('person_consent as c')
    .leftJoin('partner as pa', 'pa.id', 'c.partner_id')
    .leftJoin('app_user as u', 'u.id', 'c.recorded_by')
    .selectAll('c')
    .select(['pa.name as partner_name', 'u.name as recorded_by_name'])
    .where('c.person_id', '=', personId)
    .orderBy('c.given_on', order)
    .orderBy('c.created_at', order)
    .execute();
}

export function handoffRecords(db: Db, personId: string, order: 'asc' | 'desc') {
  return db
    .selectFrom('person_handoff as h')
    .innerJoin('partner as pa', 'pa.id', 'h.partner_id')
    .leftJoin('app_user as u', 'u.id', 'h.shared_by')
    .selectAll('h')
    .select(['pa.name as partner_name', 'u.name as shared_by_name'])
    .where('h.person_id', '=', personId)
    .orderBy('h.created_at', order)
    .execute();
}
