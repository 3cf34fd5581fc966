import { accessLogQuerySchema, accessLogSchema, idParams } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../http/errors.ts';
import { currentScope } from '../persons/scope.ts';
import { consentRoutes } from './consent-routes.ts';
import { rightsRoutes } from './rights-routes.ts';

/**
 * "Who opened this file, when": the audited reads and exports of one person's file, for the
 * coordinators of the person's organisation.
 */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  await app.register(consentRoutes);
  await app.register(rightsRoutes);

  app.get(
    '/api/persons/:id/access-log',
    {
      config: { access: 'session' },
      schema: {
        tags: ['privacy'],
        params: idParams,
        querystring: accessLogQuerySchema,
        response: { 200: accessLogSchema },
      },
    },
    async (request) => {
      const scope = await currentScope(request, 'persons.accesslog');
      const person = await db
        .selectFrom('person')
        .select('id')
        .where('id', '=', request.params.id)
        .where('organisation_id', '=', scope.organisationId)
        .executeTakeFirst();
      if (!person) throw notFound('Personne');
      const rows = await db
        .selectFrom('audit_log as a')
        .leftJoin('app_user as u', 'u.id', 'a.actor_id')
        .select(['a.at', 'u.name', 'a.action', 'a.details'])
        .where('a.entity', '=', 'person')
        .where('a.entity_id', '=', request.params.id)
        .where('a.organisation_id', '=', scope.organisationId)
        .where('a.action', 'in', ['read', 'export'])
        .orderBy('a.id', 'desc')
        .limit(request.query.limit)
        .execute();
      return rows.map((r) => ({
        at: new Date(r.at).toISOString(),
        actorName: r.name,
        action: r.action,
        document: typeof r.details?.document === 'string' ? r.details.document : null,
      }));
    },
  );
};
