import { checkDatabase } from '@jobcoach/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

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

  const schema = z.object({
    status: z.enum(['ok', 'degraded']),
    database: z.object({ ok: z.boolean(), driver: z.enum(['pglite', 'postgres']) }),
  });
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['health'], response: { 200: schema, 503: schema } } },
    async (_request, reply) => {
      const ok = await checkDatabase(db);
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database: { ok, driver } });
    },
  );

  app.get(
    '/api/health/live',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );

  const readySchema = z.object({
    status: z.enum(['ready', 'unavailable', 'stopping']),
    database: z.object({ ok: z.boolean(), driver: z.enum(['pglite', 'postgres']) }),
  });
  app.get(
    '/api/health/ready',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], response: { 200: readySchema, 503: readySchema } },
    },
    async (_request, reply) => {
      const ok = !stopping && (await checkDatabase(db));
      const status = stopping ? 'stopping' : ok ? 'ready' : 'unavailable';
      return reply.status(ok ? 200 : 503).send({ status, database: { ok, driver } });
    },
  );
};
