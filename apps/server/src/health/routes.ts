import { healthSchema, livenessSchema, readinessSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkHealth, checkReadiness } from './use-cases/health.ts';

/**
 * Three answers for three questions (health/use-cases/health.ts):
 * - /api/health/live: is the process alive and answering? (a supervisor restarts it when not);
 *   never touches the database, so losing the database does not get a healthy process killed;
 * - /api/health/ready: should a load balancer send it requests? Not while the database is
 *   unreachable, nor once it has begun to stop;
 * - /api/health: the database check as before (200 ok, 503 degraded).
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
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
    async (request, reply) => {
      const health = await checkHealth(request.server.deps);
      return reply.status(health.database.ok ? 200 : 503).send(health);
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
    async (request, reply) => {
      const readiness = await checkReadiness(request.server.deps, stopping);
      return reply.status(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );
};
