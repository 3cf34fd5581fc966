import { backupSchema, backupStatusSchema } from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../http/errors.ts';

/** The administrator's view of the backups (docs/operations.md), and a backup on demand. */
export const backupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { backups } = app.deps;

  app.get(
    '/api/backups',
    { config: { access: 'admin' }, schema: { tags: ['backups'], response: { 200: backupStatusSchema } } },
    async () => backups.status(),
  );

  app.post(
    '/api/backups',
    {
      config: { access: 'admin', audit: { action: 'backup', entity: 'database' } },
      schema: { tags: ['backups'], response: { 201: backupSchema } },
    },
    async (request, reply) => {
      if (!backups.enabled) {
        throw new AppError(
          409,
          'conflict',
          'Avec PostgreSQL, les sauvegardes se font avec pg_dump (commande « jobcoach backup ») par l’exploitant de la base : le serveur n’en prend pas.',
        );
      }
      // Taken outside any transaction (the embedded database's one session is needed for it),
      // then recorded.
      const file = await backups.take();
      await request.mutate(async (_trx, audit) => {
        audit.entityId = file.name;
        audit.details = { bytes: file.bytes };
      });
      return reply.status(201).send({ name: file.name, takenAt: file.takenAt, bytes: file.bytes });
    },
  );
};
