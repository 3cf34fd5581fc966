import type { AuditEntry, AuditFilter } from '@jobcoach/contract';
import { sql } from '@jobcoach/db';
import type { Db } from '../application/database.ts';

/** The audit log's entries matching the filter, newest first (the administrator's reading). */
export async function findAuditEntries(db: Db, q: AuditFilter): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('app_user as u', 'u.id', 'a.actor_id')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_id',
      'u.name',
      'a.organisation_id',
      'o.name as organisation_name',
      'a.action',
      'a.entity',
      'a.entity_id',
      'a.client_address',
    ])
    .orderBy('a.id', 'desc')
    .limit(q.limit)
    .offset(q.offset);
  if (q.organisationId) query = query.where('a.organisation_id', '=', q.organisationId);
  if (q.action) query = query.where('a.action', '=', q.action);
  if (q.entity) query = query.where('a.entity', '=', q.entity);
  // Calendar days of Brussels, bounded by the database: a day at the end of the calendar
  // (9999-12-31) has a next day there, while a JavaScript Date of year 10000 is no timestamp.
  if (q.from)
    query = query.where('a.at', '>=', sql<Date>`(${q.from}::date)::timestamp AT TIME ZONE 'Europe/Brussels'`);
  if (q.to)
    query = query.where(
      'a.at',
      '<',
      sql<Date>`(${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Brussels'`,
    );
  const rows = await query.execute();
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.name,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    clientAddress: r.client_address,
  }));
}
