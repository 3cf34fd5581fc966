import {
  idParams,
  organisationInputSchema,
  organisationListSchema,
  organisationPatchSchema,
  organisationSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireOrgPermission } from '../http/access.ts';
import { notFound, staleVersion } from '../http/errors.ts';
import { assertActiveBasin, getOrganisation, selectOrganisations, toOrganisationDto } from './queries.ts';

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get(
    '/api/organisations',
    {
      config: { access: 'session' },
      schema: { tags: ['organisations'], response: { 200: organisationListSchema } },
    },
    async (request) => {
      const user = request.user!;
      let q = selectOrganisations(db);
      if (!user.isAdmin) {
        q = q.where('o.id', 'in', (eb) =>
          eb
            .selectFrom('membership')
            .select('organisation_id')
            .where('user_id', '=', user.userId)
            .where('active', '=', true),
        );
      }
      return (await q.execute()).map(toOrganisationDto);
    },
  );

  app.post(
    '/api/organisations',
    {
      config: { access: 'admin', audit: { action: 'create', entity: 'organisation' } },
      schema: {
        tags: ['organisations'],
        body: organisationInputSchema,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const id = await request.mutate(async (trx, audit) => {
        await assertActiveBasin(trx, body.basinId);
        const row = await trx
          .insertInto('organisation')
          .values({
            name: body.name,
            kind: body.kind,
            basin_id: body.basinId,
            address: body.address ?? null,
            bce: body.bce ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        audit.entityId = row.id;
        audit.organisationId = row.id;
        return row.id;
      });
      return reply.status(201).send((await getOrganisation(db, id))!);
    },
  );

  app.get(
    '/api/organisations/:id',
    {
      config: { access: 'session' },
      schema: { tags: ['organisations'], params: idParams, response: { 200: organisationSchema } },
    },
    async (request) => {
      await requireOrgPermission(request, db, request.params.id, 'organisation.read');
      const org = await getOrganisation(db, request.params.id);
      if (!org) throw notFound('Organisation');
      return org;
    },
  );

  app.patch(
    '/api/organisations/:id',
    {
      config: { access: 'session', audit: { action: 'update', entity: 'organisation' } },
      schema: {
        tags: ['organisations'],
        params: idParams,
        body: organisationPatchSchema,
        response: { 200: organisationSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { version, ...changes } = request.body;
      await requireOrgPermission(request, db, id, 'organisation.update');
      await request.mutate(async (trx, audit) => {
        audit.entityId = id;
        audit.organisationId = id;
        if (changes.basinId) await assertActiveBasin(trx, changes.basinId);
        const updated = await trx
          .updateTable('organisation')
          .set((eb) => ({
            ...(changes.name !== undefined ? { name: changes.name } : {}),
            ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
            ...(changes.basinId !== undefined ? { basin_id: changes.basinId } : {}),
            ...(changes.address !== undefined ? { address: changes.address } : {}),
            ...(changes.bce !== undefined ? { bce: changes.bce } : {}),
            ...(changes.requireTotp !== undefined ? { require_totp: changes.requireTotp } : {}),
            version: eb('version', '+', 1),
            updated_at: clock.now(),
          }))
          .where('id', '=', id)
          .where('version', '=', version)
          .returning('id')
          .executeTakeFirst();
        if (!updated) throw staleVersion(await getOrganisation(trx, id));
      });
      return (await getOrganisation(db, id))!;
    },
  );
};
