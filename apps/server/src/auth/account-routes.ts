import {
  idParams,
  sessionListSchema,
  totpDisableBodySchema,
  totpEnableBodySchema,
  totpSetupSchema,
  userIdParams,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, invalid, notFound } from '../http/errors.ts';
import { checkCurrentPassword } from './current-password.ts';
import { organisationRequiringTotp } from './me.ts';
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts';

/**
 * The user's own account security: their sessions (see and end them), the TOTP second factor;
 * and the admin's view of anyone's sessions.
 */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  const listSessions = async (userId: string, currentHash: string | null) => {
    const rows = await db
      .selectFrom('session')
      .select(['id', 'id_hash', 'created_at', 'last_seen_at', 'expires_at', 'client_address', 'user_agent'])
      .where('user_id', '=', userId)
      .where('expires_at', '>', clock.now())
      .orderBy('last_seen_at', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      createdAt: new Date(r.created_at).toISOString(),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      clientAddress: r.client_address,
      userAgent: r.user_agent,
      current: r.id_hash === currentHash,
    }));
  };

  app.get(
    '/api/auth/sessions',
    { config: { access: 'account' }, schema: { tags: ['auth'], response: { 200: sessionListSchema } } },
    async (request) => listSessions(request.user!.userId, request.user!.sessionHash),
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      config: { access: 'account', audit: { action: 'session_ended', entity: 'session' } },
      schema: { tags: ['auth'], params: idParams },
    },
    async (request, reply) => {
      const user = request.user!;
      await request.mutate(async (trx, audit) => {
        audit.entityId = request.params.id;
        const ended = await trx
          .deleteFrom('session')
          .where('id', '=', request.params.id)
          .where('user_id', '=', user.userId)
          .returning('id')
          .executeTakeFirst();
        if (!ended) throw notFound('Session');
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/users/:userId/sessions',
    {
      config: { access: 'admin' },
      schema: { tags: ['auth'], params: userIdParams, response: { 200: sessionListSchema } },
    },
    async (request) => {
      await assertUserExists(request.params.userId);
      return listSessions(request.params.userId, request.user!.sessionHash);
    },
  );

  app.delete(
    '/api/users/:userId/sessions',
    {
      config: { access: 'admin', audit: { action: 'sessions_ended_by_admin', entity: 'user' } },
      schema: { tags: ['auth'], params: userIdParams },
    },
    async (request, reply) => {
      await assertUserExists(request.params.userId);
      await request.mutate(async (trx, audit) => {
        audit.entityId = request.params.userId;
        await trx.deleteFrom('session').where('user_id', '=', request.params.userId).execute();
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { access: 'account', audit: { action: 'totp_setup_started', entity: 'user' } },
      schema: { tags: ['auth'], response: { 200: totpSetupSchema } },
    },
    async (request) => {
      const user = request.user!;
      const current = await db
        .selectFrom('app_user')
        .select('totp_secret')
        .where('id', '=', user.userId)
        .executeTakeFirstOrThrow();
      if (current.totp_secret) {
        // Replacing the second factor would let a stolen session take it over: disabling it
        // first asks for the password.
        throw new AppError(
          409,
          'conflict',
          'La double authentification est déjà activée : désactivez-la d’abord pour en changer.',
        );
      }
      const secret = newTotpSecret();
      await request.mutate(async (trx, audit) => {
        audit.entityId = user.userId;
        await trx
          .updateTable('app_user')
          .set({ totp_pending_secret: secret })
          .where('id', '=', user.userId)
          .execute();
      });
      return { secret, otpauthUrl: totpUri(secret, user.email) };
    },
  );

  app.post(
    '/api/auth/totp/enable',
    {
      config: { access: 'account', audit: { action: 'totp_enabled', entity: 'user' } },
      schema: { tags: ['auth'], body: totpEnableBodySchema },
    },
    async (request, reply) => {
      const user = request.user!;
      const row = await db
        .selectFrom('app_user')
        .select('totp_pending_secret')
        .where('id', '=', user.userId)
        .executeTakeFirstOrThrow();
      if (!row.totp_pending_secret) {
        throw new AppError(
          409,
          'conflict',
          'Commencez par afficher le code de configuration de la double authentification.',
        );
      }
      const step = verifyTotp(row.totp_pending_secret, request.body.code, clock.now());
      if (step === null)
        throw invalid('code', 'code incorrect : vérifiez l’heure de votre téléphone et réessayez.');
      await request.mutate(async (trx, audit) => {
        audit.entityId = user.userId;
        await trx
          .updateTable('app_user')
          .set({ totp_secret: row.totp_pending_secret, totp_pending_secret: null, totp_last_step: step })
          .where('id', '=', user.userId)
          .execute();
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: { access: 'session', audit: { action: 'totp_disabled', entity: 'user' } },
      schema: { tags: ['auth'], body: totpDisableBodySchema },
    },
    async (request, reply) => {
      const user = request.user!;
      await checkCurrentPassword(request, user.userId, request.body.currentPassword);
      const required = await organisationRequiringTotp(db, user.userId);
      if (required) {
        throw new AppError(
          409,
          'conflict',
          `${required.name} exige la double authentification : elle ne peut pas être désactivée.`,
        );
      }
      await request.mutate(async (trx, audit) => {
        audit.entityId = user.userId;
        await trx
          .updateTable('app_user')
          .set({ totp_secret: null, totp_pending_secret: null })
          .where('id', '=', user.userId)
          .execute();
      });
      return reply.status(204).send();
    },
  );

  app.delete(
    '/api/users/:userId/totp',
    {
      config: { access: 'admin', audit: { action: 'totp_reset_by_admin', entity: 'user' } },
      schema: { tags: ['auth'], params: userIdParams },
    },
    async (request, reply) => {
      await assertUserExists(request.params.userId);
      await request.mutate(async (trx, audit) => {
        audit.entityId = request.params.userId;
        // A lost phone: the second factor goes, and so do the sessions; the user enrols again.
        await trx
          .updateTable('app_user')
          .set({ totp_secret: null, totp_pending_secret: null, totp_last_step: null })
          .where('id', '=', request.params.userId)
          .execute();
        await trx.deleteFrom('session').where('user_id', '=', request.params.userId).execute();
      });
      return reply.status(204).send();
    },
  );

  async function assertUserExists(userId: string) {
    const found = await db.selectFrom('app_user').select('id').where('id', '=', userId).executeTakeFirst();
    if (!found) throw notFound('Utilisateur');
  }
};
