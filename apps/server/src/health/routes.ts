import { healthSchema, livenessSchema, readinessSchema } from '@jobcoach/contract';
import { checkDatabase } from '@jobcoach/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/**
 * Three answers for three questions:
 * - /api/health/live: is the process alive and answering? (a supervisor restarts it when not);
 *   never touches the database, so losing the database does not get a healthy process killed;
 * - /api/health/ready: should a load balancer send it requests? Not while the database is
 *   unreachable, nor once it has begun to stop;
 * - /api/health: the database check as before (200 ok, 503 degraded).
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, driver } = app.deps;
  let stopping = false;
  app.addHook('preClose', async () => {
    stopping = true;
  });
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], response: { 200: healthSchema, 503: healthSchema } },
    },
    async (_request, reply) => {
      const ok = await checkDatabase(db);
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database: { ok, driver } });
    },
  );

  app.get(
    '/api/health/live',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], response: { 200: livenessSchema } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/health/ready',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], response: { 200: readinessSchema, 503: readinessSchema } },
    },
    async (_request, reply) => {
      const ok = !stopping && (await checkDatabase(db));
      const status = stopping ? 'stopping' : ok ? 'ready' : 'unavailable';
      return reply.status(ok ? 200 : 503).send({ status, database: { ok, driver } });
    },
  );
};
