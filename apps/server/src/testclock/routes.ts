import { clockShiftBodySchema, clockShiftSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { shiftTestClock, shiftTestClockAudit } from './use-cases/shift-clock.ts';

/**
 * Moves the server's clock, for end-to-end tests of deadlines and cadence. Registered only when
 * the server was built for tests (config.allowTestClock); otherwise the route does not exist (404).
 * The shift is absolute ({ days: 0 } puts the clock back). Sessions age with the clock: after a
 * large shift the caller logs in again.
 */
export const testClockRoutes: FastifyPluginAsyncZod = async (app) => {
  if (!app.deps.config.allowTestClock) return;

  app.post(
    '/api/test/clock',
    {
      config: { access: 'public', audit: shiftTestClockAudit },
      schema: {
        tags: ['test'],
        body: clockShiftBodySchema,
        response: { 200: clockShiftSchema },
      },
    },
    async (request) => {
      const answer = await shiftTestClock(
        request.server.deps,
        {
          userId: request.user?.userId ?? null,
          organisationId: request.user?.currentOrganisationId ?? null,
          clientAddress: request.ip,
        },
        request.body,
      );
      request.audited = true;
      return answer;
    },
  );
};
