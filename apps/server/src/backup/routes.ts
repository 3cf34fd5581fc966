import { backupSchema, backupStatusSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runForInstallation } from '../http/installation-route.ts';
import { backupUseCases } from './use-cases/backups.ts';

/** The administrator's view of the backups (docs/operations.md), and a backup on demand. */
export const backupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { readBackups, takeBackup, recordBackup } = backupUseCases(app.deps.backups);

  app.get(
    '/api/backups',
    { config: { access: 'admin' }, schema: { tags: ['backups'], response: { 200: backupStatusSchema } } },
    (request) => runForInstallation(request, readBackups, {}),
  );

  app.post(
    '/api/backups',
    {
      config: { access: 'admin', audit: recordBackup.audit },
      schema: { tags: ['backups'], response: { 201: backupSchema } },
    },
    async (request, reply) => {
      // Taken outside any transaction (the embedded database's one session is needed for it),
      // then recorded.
      const file = await runForInstallation(request, takeBackup, {});
      return reply.status(201).send(await runForInstallation(request, recordBackup, file));
    },
  );
};
