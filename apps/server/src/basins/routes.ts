import {
  basinInputSchema,
  basinListSchema,
  basinPatchSchema,
  basinSchema,
  idParams,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runForInstallation } from '../http/installation-route.ts';
import { createBasin, listBasins, updateBasin } from './use-cases/basins.ts';

/** The employment basins, which belong to no organisation (basins/use-cases/basins.ts). */
export const basinRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/basins',
    { config: { access: 'session' }, schema: { tags: ['basins'], response: { 200: basinListSchema } } },
    (request) => runForInstallation(request, listBasins, {}),
  );

  app.post(
    '/api/basins',
    {
      config: { access: 'admin', audit: createBasin.audit },
      schema: { tags: ['basins'], body: basinInputSchema, response: { 201: basinSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await runForInstallation(request, createBasin, request.body)),
  );

  app.patch(
    '/api/basins/:id',
    {
      config: { access: 'admin', audit: updateBasin.audit },
      schema: {
        tags: ['basins'],
        params: idParams,
        body: basinPatchSchema,
        response: { 200: basinSchema },
      },
    },
    (request) => runForInstallation(request, updateBasin, { ...request.body, basinId: request.params.id }),
  );
};
