import { idParams, totpDisableBodySchema, totpEnableBodySchema, userIdParams } from '@jobcoach/contract';
import { z } from 'zod';
import { AppError, invalid, notFound } from '../../application/errors.ts';
import {
  commitWithAudit,
  defineInstallationCommand,
  defineInstallationQuery,
} from '../../application/installation.ts';
import { checkCurrentPassword } from '../current-password.ts';
import { organisationRequiringTotp } from '../me.ts';
import { assertUserExists, listSessions } from '../queries.ts';
import { newTotpSecret, totpUri, verifyTotp } from '../totp.ts';

/**
 * The security of an account (docs/security.md): the caller's own sessions (see them, end one) and
 * second factor (set it up, enable it, disable it with the password); the installation
 * administrator's view of anyone's sessions, ending them, and the reset of a lost second factor.
 * An account is the same in every organisation, so these run on the installation's context, on
 * the caller's session, across organisations for the `account` reason.
 */

export const listOwnSessions = defineInstallationQuery('account.sessions.list', z.object({}), async (ctx) => {
  const session = ctx.requireSession();
  return listSessions(ctx.across('account'), ctx.userId, session.hash, ctx.now);
});

export const endOwnSession = defineInstallationCommand(
  'account.sessions.end',
  idParams,
  { action: 'session_ended', entity: 'session' },
  async (ctx, { id }) => {
    ctx.requireSession();
    ctx.audit.entityId = id;
    const ended = await ctx
      .across('account')
      .deleteFrom('session')
      .where('id', '=', id)
      .where('user_id', '=', ctx.userId)
      .returning('id')
      .executeTakeFirst();
    if (!ended) throw notFound('Session');
  },
);

export const listUserSessions = defineInstallationQuery(
  'account.admin.sessions.list',
  userIdParams,
  async (ctx, { userId }) => {
    ctx.requireAdmin();
    const db = ctx.across('administration');
    await assertUserExists(db, userId);
    return listSessions(db, userId, ctx.requireSession().hash, ctx.now);
  },
);

export const endUserSessions = defineInstallationCommand(
  'account.admin.sessions.end',
  userIdParams,
  { action: 'sessions_ended_by_admin', entity: 'user' },
  async (ctx, { userId }) => {
    ctx.requireAdmin();
    const db = ctx.across('administration');
    await assertUserExists(db, userId);
    ctx.audit.entityId = userId;
    await db.deleteFrom('session').where('user_id', '=', userId).execute();
  },
);

export const startTotpSetup = defineInstallationCommand(
  'account.totp.setup',
  z.object({}),
  { action: 'totp_setup_started', entity: 'user' },
  async (ctx) => {
    const session = ctx.requireSession();
    const db = ctx.across('account');
    const current = await db
      .selectFrom('app_user')
      .select('totp_secret')
      .where('id', '=', ctx.userId)
      .executeTakeFirstOrThrow();
    if (current.totp_secret) {
      // Replacing the second factor would let a stolen session take it over: disabling it first
      // asks for the password.
      throw new AppError(
        409,
        'conflict',
        'La double authentification est déjà activée : désactivez-la d’abord pour en changer.',
      );
    }
    const secret = newTotpSecret();
    ctx.audit.entityId = ctx.userId;
    await db
      .updateTable('app_user')
      .set({ totp_pending_secret: secret })
      .where('id', '=', ctx.userId)
      .execute();
    return { secret, otpauthUrl: totpUri(secret, session.email) };
  },
);

export const enableTotp = defineInstallationCommand(
  'account.totp.enable',
  totpEnableBodySchema,
  { action: 'totp_enabled', entity: 'user' },
  async (ctx, { code }) => {
    ctx.requireSession();
    const db = ctx.across('account');
    const row = await db
      .selectFrom('app_user')
      .select('totp_pending_secret')
      .where('id', '=', ctx.userId)
      .executeTakeFirstOrThrow();
    if (!row.totp_pending_secret) {
      throw new AppError(
        409,
        'conflict',
        'Commencez par afficher le code de configuration de la double authentification.',
      );
    }
    const step = verifyTotp(row.totp_pending_secret, code, ctx.now);
    if (step === null) {
      throw invalid('code', 'code incorrect : vérifiez l’heure de votre téléphone et réessayez.');
    }
    ctx.audit.entityId = ctx.userId;
    await db
      .updateTable('app_user')
      .set({ totp_secret: row.totp_pending_secret, totp_pending_secret: null, totp_last_step: step })
      .where('id', '=', ctx.userId)
      .execute();
  },
);

const TOTP_DISABLED = { action: 'totp_disabled', entity: 'user' } as const;

/** Asks for the password first: a wrong one counts as a failed login, kept though the command fails. */
export const disableTotp = defineInstallationCommand(
  'account.totp.disable',
  totpDisableBodySchema,
  TOTP_DISABLED,
  async (ctx, { currentPassword }) => {
    ctx.requireSession();
    const userId = ctx.userId;
    await checkCurrentPassword(ctx, userId, currentPassword);
    const required = await organisationRequiringTotp(ctx.across('account'), userId);
    if (required) {
      throw new AppError(
        409,
        'conflict',
        `${required.name} exige la double authentification : elle ne peut pas être désactivée.`,
      );
    }
    await commitWithAudit(ctx, TOTP_DISABLED, async (tx) => {
      tx.audit.entityId = userId;
      await tx
        .across('account')
        .updateTable('app_user')
        .set({ totp_secret: null, totp_pending_secret: null })
        .where('id', '=', userId)
        .execute();
    });
  },
  { ownTransaction: true },
);

export const resetUserTotp = defineInstallationCommand(
  'account.admin.totp.reset',
  userIdParams,
  { action: 'totp_reset_by_admin', entity: 'user' },
  async (ctx, { userId }) => {
    ctx.requireAdmin();
    const db = ctx.across('administration');
    await assertUserExists(db, userId);
    ctx.audit.entityId = userId;
    // A lost phone: the second factor goes, and so do the sessions; the user enrols again.
    await db
      .updateTable('app_user')
      .set({ totp_secret: null, totp_pending_secret: null, totp_last_step: null })
      .where('id', '=', userId)
      .execute();
    await db.deleteFrom('session').where('user_id', '=', userId).execute();
  },
);
