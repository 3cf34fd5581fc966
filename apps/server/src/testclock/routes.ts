import { clockShiftBodySchema, clockShiftSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/**
 * Moves the server's clock, for end-to-end tests of deadlines and cadence. Registered only when
 * the server was built for tests (config.allowTestClock); otherwise the route does not exist (404).
 * The shift is absolute ({ days: 0 } puts the clock back). Sessions age with the clock: after a
 * large shift the caller logs in again.
 */
export const testClockRoutes: FastifyPluginAsyncZod = async (app) => {
  if (!app.deps.config.allowTestClock) return;
  const { clock } = app.deps;

  app.post(
    '/api/test/clock',
    {
      config: { access: 'public', audit: { action: 'clock_shift', entity: 'test_clock' } },
      schema: {
        tags: ['test'],
        body: clockShiftBodySchema,
        response: { 200: clockShiftSchema },
      },
    },
    async (request) => {
      const { days } = request.body;
      await request.mutate(async (_trx, audit) => {
        audit.details = { days };
      });
      clock.shiftDays(days);
      return { today: clock.today() };
    },
  );
};
