import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../http/context.ts';
import { toCsv } from '../http/csv.ts';

const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  clientAddress: z.string().nullable(),
});

const dateSchema = z.iso.date('date au format AAAA-MM-JJ attendue.');

const filterSchema = z.object({
  organisationId: z.uuid('identifiant invalide.').optional(),
  action: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  limit: z.coerce.number().int('nombre entier attendu.').min(1).max(1000).default(100),
  offset: z.coerce.number().int('nombre entier attendu.').min(0).max(10_000_000).default(0),
});
type Filter = z.infer<typeof filterSchema>;

/** The log as CSV, through the platform's one writer (http/csv.ts: formulas neutralised). */
function auditCsv(rows: z.infer<typeof entrySchema>[]): string {
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

  const findEntries = async (q: Filter) => {
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
    if (q.from) query = query.where('a.at', '>=', new Date(`${q.from}T00:00:00Z`));
    if (q.to)
      query = query.where('a.at', '<', new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000));
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
      schema: { tags: ['audit'], querystring: filterSchema, response: { 200: z.array(entrySchema) } },
    },
    async (request) => findEntries(request.query),
  );

  app.get(
    '/api/audit.csv',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['audit'],
        querystring: filterSchema.extend({
          limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
        }),
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
