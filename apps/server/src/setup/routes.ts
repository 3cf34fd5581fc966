import { meSchema, setupBodySchema, setupStatusSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runForAccount } from '../http/installation-route.ts';
import { sessionPolicyOf, setSessionCookie } from '../http/session-cookie.ts';
import { readSetupStatus, setupUseCases } from './use-cases/setup.ts';

/** The first-run setup (setup/use-cases/setup.ts). */
export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { setUpInstallation } = setupUseCases(sessionPolicyOf(app.deps.config));

  app.get(
    '/api/setup/status',
    {
      config: { access: 'public' },
      schema: {
        tags: ['setup'],
        response: { 200: setupStatusSchema },
      },
    },
    (request) => runForAccount(request, readSetupStatus, {}),
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public', audit: setUpInstallation.audit },
      schema: {
        tags: ['setup'],
        body: setupBodySchema,
        response: { 201: meSchema },
      },
    },
    async (request, reply) => {
      const { me, sessionToken } = await runForAccount(request, setUpInstallation, {
        ...request.body,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, sessionToken);
      return reply.status(201).send(me);
    },
  );
};
