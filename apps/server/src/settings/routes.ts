import { idParams, settingsInputSchema, settingsSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextIn, run } from '../http/use-case-route.ts';
import { getSettings, updateSettings } from './use-cases/settings.ts';

/** Per-organisation settings: caseload norm, contact cadence, trust contract template. */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/organisations/:id/settings',
    {
      config: { access: 'session' },
      schema: { tags: ['organisations'], params: idParams, response: { 200: settingsSchema } },
    },
    async (request) => run(request, getSettings, {}, await contextIn(request, request.params.id)),
  );

  app.put(
    '/api/organisations/:id/settings',
    {
      config: { access: 'session', audit: updateSettings.audit },
      schema: {
        tags: ['organisations'],
        params: idParams,
        body: settingsInputSchema,
        response: { 200: settingsSchema },
      },
    },
    async (request) =>
      run(request, updateSettings, request.body, await contextIn(request, request.params.id)),
  );
};
