import { healthSchema } from '@jobcoach/contract';
import { checkDatabase } from '@jobcoach/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, driver } = app.deps;
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
};
