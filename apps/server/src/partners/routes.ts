import {
  idParams,
  partnerInputSchema,
  partnerListSchema,
  partnerPatchSchema,
  partnerSchema,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import { createPartner, listPartners, updatePartner } from './use-cases/partners.ts';

/** The organisation's directory of partners (prescribers and service providers, method.md §2). */
export const partnerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/partners',
    {
      config: { access: 'session' },
      schema: { tags: ['partners'], response: { 200: partnerListSchema } },
    },
    (request) => run(request, listPartners, {}),
  );

  app.post(
    '/api/partners',
    {
      config: { access: 'session', audit: createPartner.audit },
      schema: { tags: ['partners'], body: partnerInputSchema, response: { 201: partnerSchema } },
    },
    async (request, reply) => reply.status(201).send(await run(request, createPartner, request.body)),
  );

  app.patch(
    '/api/partners/:id',
    {
      config: { access: 'session', audit: updatePartner.audit },
      schema: {
        tags: ['partners'],
        params: idParams,
        body: partnerPatchSchema,
        response: { 200: partnerSchema },
      },
    },
    (request) => run(request, updatePartner, { ...request.body, partnerId: request.params.id }),
  );
};
