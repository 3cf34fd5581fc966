import { outboxStatusSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runForInstallation } from '../http/installation-route.ts';
import { outboxUseCases } from './use-cases/outbox-status.ts';

/** The administrator's view of the e-mail outbox (docs/operations.md, "E-mail"). */
export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  const { readOutbox } = outboxUseCases(app.deps.mailer !== null);

  app.get(
    '/api/outbox',
    { config: { access: 'admin' }, schema: { tags: ['mail'], response: { 200: outboxStatusSchema } } },
    (request) => runForInstallation(request, readOutbox, {}),
  );
};
