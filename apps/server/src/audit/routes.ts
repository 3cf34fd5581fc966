import {
  type AuditEntry,
  type AuditFilter,
  auditCsvFilterSchema,
  auditEntryListSchema,
  auditFilterSchema,
} from '@jobcoach/contract';
import { sql } from '@jobcoach/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeAudit } from '../http/context.ts';
import { toCsv } from '../http/csv.ts';

/** The log as CSV, through the platform's one writer (http/csv.ts: formulas neutralised). */
function auditCsv(rows: AuditEntry[]): string {
  const header = [
    'date',
    'acteur',
    'organisation',
    'nom_organisation',
    'action',
    'entite',
    'identifiant',
    'adresse',
  ];
  return toCsv([
    header,
    ...rows.map((r) => [
      r.at,
      r.actorName,
      r.organisationId,
      r.organisationName,
      r.action,
      r.entity,
      r.entityId,
      r.clientAddress,
    ]),
  ]);
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  const findEntries = async (q: AuditFilter) => {
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
      query = query.where(
        'a.at',
        '>=',
        sql<Date>`(${q.from}::date)::timestamp AT TIME ZONE 'Europe/Brussels'`,
      );
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
  };

  app.get(
    '/api/audit',
    {
      config: { access: 'admin' },
      schema: { tags: ['audit'], querystring: auditFilterSchema, response: { 200: auditEntryListSchema } },
    },
    async (request) => findEntries(request.query),
  );

  app.get(
    '/api/audit.csv',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        querystring: auditCsvFilterSchema,
      },
    },
    async (request, reply) => {
      const rows = await findEntries(request.query);
      await writeAudit(
        db,
        request,
        { action: 'export', entity: 'audit_log' },
        { details: { rows: rows.length } },
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="journal-audit.csv"')
        .send(auditCsv(rows));
    },
  );
};
