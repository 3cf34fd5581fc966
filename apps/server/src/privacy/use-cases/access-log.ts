import { accessLogQuerySchema } from '@jobcoach/contract';
import { z } from 'zod';
import { requirePerson } from '../../application/person-scope.ts';
import { defineQuery } from '../../application/use-case.ts';

/**
 * "Who opened this file, when": the audited reads and exports of one person's file, newest first,
 * for the coordinators of the person's organisation.
 */
export const getAccessLog = defineQuery(
  'privacy.accessLog',
  accessLogQuerySchema.extend({ personId: z.uuid('identifiant invalide.') }),
  async (ctx, { personId, limit }) => {
    await requirePerson(ctx, 'persons.accesslog', personId);
    const rows = await ctx.db
      .selectFrom('audit_log as a')
      .leftJoin('app_user as u', 'u.id', 'a.actor_id')
      .select(['a.at', 'u.name', 'a.action', 'a.details'])
      .where('a.entity', '=', 'person')
      .where('a.entity_id', '=', personId)
      .where('a.action', 'in', ['read', 'export'])
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      actorName: r.name,
      action: r.action,
      document: typeof r.details?.document === 'string' ? r.details.document : null,
    }));
  },
);
