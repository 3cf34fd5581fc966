import { accessLogQuerySchema, accessLogSchema, idParams } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { run } from '../http/use-case-route.ts';
import { consentRoutes } from './consent-routes.ts';
import { rightsRoutes } from './rights-routes.ts';
import { getAccessLog } from './use-cases/access-log.ts';

/**
 * Data protection: consents and hand-offs, the data subject's rights, and "who opened this file,
 * when" (the audited reads and exports of one person's file, for the coordinators).
 */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
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
    (request) => run(request, getAccessLog, { ...request.query, personId: request.params.id }),
  );
};
