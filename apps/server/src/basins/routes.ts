import {
  basinInputSchema,
  basinListSchema,
  basinPatchSchema,
  basinSchema,
  idParams,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, notFound } from '../http/errors.ts';

const duplicate = () => new AppError(409, 'conflict', "Un bassin d'emploi porte déjà ce nom.", 'name');

export const basinRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  const nameTaken = async (name: string, exceptId?: string) => {
    let q = db
      .selectFrom('basin')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
    if (exceptId) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  };

  app.get(
    '/api/basins',
    { config: { access: 'session' }, schema: { tags: ['basins'], response: { 200: basinListSchema } } },
    async () => db.selectFrom('basin').select(['id', 'name', 'active']).orderBy('name').execute(),
  );

  app.post(
    '/api/basins',
    {
      config: { access: 'admin', audit: { action: 'create', entity: 'basin' } },
      schema: { tags: ['basins'], body: basinInputSchema, response: { 201: basinSchema } },
    },
    async (request, reply) => {
      if (await nameTaken(request.body.name)) throw duplicate();
      const basin = await request.mutate(async (trx, audit) => {
        const row = await trx
          .insertInto('basin')
          .values({ name: request.body.name })
          .returning(['id', 'name', 'active'])
          .executeTakeFirstOrThrow();
        audit.entityId = row.id;
        return row;
      });
      return reply.status(201).send(basin);
    },
  );

  app.patch(
    '/api/basins/:id',
    {
      config: { access: 'admin', audit: { action: 'update', entity: 'basin' } },
      schema: {
        tags: ['basins'],
        params: idParams,
        body: basinPatchSchema,
        response: { 200: basinSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { name, active } = request.body;
      if (name !== undefined && (await nameTaken(name, id))) throw duplicate();
      if (name === undefined && active === undefined) {
        const row = await db
          .selectFrom('basin')
          .select(['id', 'name', 'active'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) throw notFound("Bassin d'emploi");
        return row;
      }
      return request.mutate(async (trx, audit) => {
        audit.entityId = id;
        const row = await trx
          .updateTable('basin')
          .set({ ...(name !== undefined ? { name } : {}), ...(active !== undefined ? { active } : {}) })
          .where('id', '=', id)
          .returning(['id', 'name', 'active'])
          .executeTakeFirst();
        if (!row) throw notFound("Bassin d'emploi");
        return row;
      });
    },
  );
};
