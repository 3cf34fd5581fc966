import {
  loginBodySchema,
  meSchema,
  organisationSwitchBodySchema,
  passwordChangeBodySchema,
  passwordWeakness,
} from '@jobcoach/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeAudit } from '../http/context.ts';
import { AppError, invalid } from '../http/errors.ts';
import { receivedInvitations } from '../users/invitations.ts';
import { checkCurrentPassword } from './current-password.ts';
import { activeMemberships, buildMe } from './me.ts';
import { burnVerification, hashPassword, verifyPassword } from './passwords.ts';
import { createSession, SESSION_COOKIE } from './sessions.ts';
import {
  clearFailures,
  LOCK_MINUTES,
  lockedUntil,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_EMAIL,
  recordFailure,
} from './throttle.ts';
import { verifyTotp } from './totp.ts';

const INVALID_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';
const LOCKED = `Trop de tentatives de connexion. Réessayez dans ${LOCK_MINUTES} minutes.`;

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock, config } = app.deps;
  const policy = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };

  const setCookie = (reply: import('fastify').FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      path: '/',
      maxAge: config.sessionAbsoluteHours * 3600,
    });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', audit: { action: 'login', entity: 'session' } },
      schema: {
        tags: ['auth'],
        body: loginBodySchema,
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const now = clock.now();
      const email = request.body.email.trim().toLowerCase();
      const emailKey = `email:${email}`;
      const addressKey = `ip:${request.ip}`;
      if (await lockedUntil(db, [emailKey, addressKey], now)) {
        await writeAudit(db, request, { action: 'login_refused_locked', entity: 'session' }, {});
        throw new AppError(423, 'locked', LOCKED);
      }
      const user = await db
        .selectFrom('app_user')
        .select(['id', 'password_hash', 'active', 'is_admin', 'totp_secret', 'totp_last_step'])
        .where('email', '=', email)
        .executeTakeFirst();
      const ok = user
        ? await verifyPassword(user.password_hash, request.body.password)
        : await burnVerification(request.body.password).then(() => false);
      const memberships = ok && user ? await activeMemberships(db, user.id) : [];
      // A user who belongs to no organisation yet may log in to answer an invitation.
      const invited =
        ok && user && memberships.length === 0 && (await receivedInvitations(db, user.id, now)).length > 0;
      const allowed = ok && user?.active && (user.is_admin || memberships.length > 0 || invited);
      if (!allowed || !user) {
        await recordFailure(db, emailKey, MAX_FAILURES_PER_EMAIL, now);
        await recordFailure(db, addressKey, MAX_FAILURES_PER_ADDRESS, now);
        await writeAudit(db, request, { action: 'login_failed', entity: 'session' }, {});
        throw new AppError(401, 'invalid_credentials', INVALID_CREDENTIALS);
      }
      let totpStep: number | null = null;
      if (user.totp_secret) {
        if (!request.body.totpCode) {
          throw new AppError(
            401,
            'totp_required',
            "Saisissez le code à 6 chiffres de votre application d'authentification.",
            'totpCode',
          );
        }
        totpStep = verifyTotp(user.totp_secret, request.body.totpCode, now);
        if (totpStep === null || (user.totp_last_step !== null && totpStep <= user.totp_last_step)) {
          await recordFailure(db, emailKey, MAX_FAILURES_PER_EMAIL, now);
          await recordFailure(db, addressKey, MAX_FAILURES_PER_ADDRESS, now);
          await writeAudit(
            db,
            request,
            { action: 'login_failed_totp', entity: 'session' },
            { entityId: user.id },
          );
          throw new AppError(
            401,
            'totp_invalid',
            'Code de vérification incorrect ou déjà utilisé.',
            'totpCode',
          );
        }
      }
      // The session starts in an organisation the user can work in: one that requires a second
      // factor the user has not enabled would leave them nothing but the enrolment.
      const organisationId =
        (memberships.find((m) => !m.requireTotp || user.totp_secret) ?? memberships[0])?.organisationId ??
        null;
      const session = await request.mutate(async (trx, audit) => {
        await clearFailures(trx, emailKey);
        if (totpStep !== null)
          await trx
            .updateTable('app_user')
            .set({ totp_last_step: totpStep })
            .where('id', '=', user.id)
            .execute();
        const s = await createSession(
          trx,
          {
            userId: user.id,
            organisationId,
            clientAddress: request.ip,
            userAgent: request.headers['user-agent'],
            now,
          },
          policy,
        );
        audit.entityId = user.id;
        audit.organisationId = organisationId;
        return s;
      });
      setCookie(reply, session.token);
      return buildMe(db, {
        userId: user.id,
        csrfToken: session.csrfToken,
        currentOrganisationId: organisationId,
        now: clock.now(),
      });
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'account', audit: { action: 'logout', entity: 'session' } },
      schema: { tags: ['auth'] },
    },
    async (request, reply) => {
      const user = request.user!;
      await request.mutate(async (trx, audit) => {
        audit.entityId = user.userId;
        await trx.deleteFrom('session').where('id_hash', '=', user.sessionHash).execute();
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'account' }, schema: { tags: ['auth'], response: { 200: meSchema } } },
    async (request) => {
      const user = request.user!;
      return buildMe(db, {
        userId: user.userId,
        csrfToken: user.csrfToken,
        currentOrganisationId: user.currentOrganisationId,
        now: clock.now(),
      });
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'account', audit: { action: 'password_changed', entity: 'user' } },
      schema: {
        tags: ['auth'],
        body: passwordChangeBodySchema,
      },
    },
    async (request, reply) => {
      const user = request.user!;
      await checkCurrentPassword(request, user.userId, request.body.currentPassword);
      const weakness = passwordWeakness(request.body.newPassword, user.email);
      if (weakness) throw invalid('newPassword', weakness);
      if (request.body.newPassword === request.body.currentPassword) {
        throw invalid('newPassword', "le nouveau mot de passe doit être différent de l'actuel.");
      }
      const hashed = await hashPassword(request.body.newPassword);
      await request.mutate(async (trx, audit) => {
        audit.entityId = user.userId;
        await trx
          .updateTable('app_user')
          .set((eb) => ({
            password_hash: hashed,
            must_change_password: false,
            updated_at: clock.now(),
            version: eb('version', '+', 1),
          }))
          .where('id', '=', user.userId)
          .execute();
        // Other sessions of this user end: a changed password locks out whoever else had it.
        await trx
          .deleteFrom('session')
          .where('user_id', '=', user.userId)
          .where('id_hash', '!=', user.sessionHash)
          .execute();
      });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/organisation',
    {
      // Reachable before a second factor is enrolled: a user whose current organisation requires
      // one can still go and work in their other organisations.
      config: { access: 'account', audit: { action: 'organisation_switched', entity: 'session' } },
      schema: {
        tags: ['auth'],
        body: organisationSwitchBodySchema,
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const user = request.user!;
      const { organisationId } = request.body;
      const memberships = await activeMemberships(db, user.userId);
      const isMember = memberships.some((m) => m.organisationId === organisationId);
      if (!isMember) {
        const exists =
          user.isAdmin &&
          (await db
            .selectFrom('organisation')
            .select('id')
            .where('id', '=', organisationId)
            .executeTakeFirst());
        if (!exists) throw new AppError(404, 'not_found', 'Organisation introuvable.', 'organisationId');
      }
      await request.mutate(async (trx, audit) => {
        audit.entityId = organisationId;
        audit.organisationId = organisationId;
        await trx
          .updateTable('session')
          .set({ current_organisation_id: organisationId })
          .where('id_hash', '=', user.sessionHash)
          .execute();
      });
      return buildMe(db, {
        userId: user.userId,
        csrfToken: user.csrfToken,
        currentOrganisationId: organisationId,
        now: clock.now(),
      });
    },
  );
};
