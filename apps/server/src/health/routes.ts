import { checkDatabase } from '@jobcoach/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, driver } = app.deps;
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
};
