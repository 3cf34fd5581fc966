import {
  idParams,
  partnerInputSchema,
  partnerListSchema,
  partnerPatchSchema,
  partnerSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound, staleVersion } from '../http/errors.ts';
import { currentScope } from '../persons/scope.ts';
import { assertNameFree, getPartner, selectPartners, toPartner } from './queries.ts';

/** The organisation's directory of partners (prescribers and service providers, method.md §2). */
export const partnerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/api/partners',
    {
      config: { access: 'session' },
      schema: { tags: ['partners'], response: { 200: partnerListSchema } },
    },
    async (request) => {
      const scope = await currentScope(request, 'partners.read');
      return (await selectPartners(db, scope.organisationId).execute()).map(toPartner);
    },
  );

  app.post(
    '/api/partners',
    {
      config: { access: 'session', audit: { action: 'create', entity: 'partner' } },
      schema: { tags: ['partners'], body: partnerInputSchema, response: { 201: partnerSchema } },
    },
    async (request, reply) => {
      const scope = await currentScope(request, 'partners.write');
      const body = request.body;
      const orgId = scope.organisationId;
      const id = await request.mutate(async (trx, audit) => {
        await assertNameFree(trx, orgId, body.name);
        const row = await trx
          .insertInto('partner')
          .values({
            organisation_id: orgId,
            name: body.name,
            type: body.type,
            contact: body.contact ?? null,
            created_at: clock.now(),
            updated_at: clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        audit.entityId = row.id;
        audit.organisationId = orgId;
        return row.id;
      });
      return reply.status(201).send((await getPartner(db, orgId, id))!);
    },
  );

  app.patch(
    '/api/partners/:id',
    {
      config: { access: 'session', audit: { action: 'update', entity: 'partner' } },
      schema: {
        tags: ['partners'],
        params: idParams,
        body: partnerPatchSchema,
        response: { 200: partnerSchema },
      },
    },
    async (request) => {
      const scope = await currentScope(request, 'partners.write');
      const { id } = request.params;
      const { version, ...changes } = request.body;
      const orgId = scope.organisationId;
      await request.mutate(async (trx, audit) => {
        audit.entityId = id;
        audit.organisationId = orgId;
        const current = await getPartner(trx, orgId, id);
        if (!current) throw notFound('Partenaire');
        if (changes.name !== undefined) await assertNameFree(trx, orgId, changes.name, id);
        const updated = await trx
          .updateTable('partner')
          .set((eb) => ({
            ...(changes.name !== undefined ? { name: changes.name } : {}),
            ...(changes.type !== undefined ? { type: changes.type } : {}),
            ...(changes.contact !== undefined ? { contact: changes.contact } : {}),
            version: eb('version', '+', 1),
            updated_at: clock.now(),
          }))
          .where('id', '=', id)
          .where('organisation_id', '=', orgId)
          .where('version', '=', version)
          .returning('id')
          .executeTakeFirst();
        if (!updated) throw staleVersion(current);
      });
      return (await getPartner(db, orgId, id))!;
    },
  );
};
