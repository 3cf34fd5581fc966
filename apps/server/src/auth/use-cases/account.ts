import { organisationSwitchBodySchema, passwordChangeBodySchema, passwordWeakness } from '@jobcoach/contract';
import { z } from 'zod';
import { AppError, invalid } from '../../application/errors.ts';
import {
  commitWithAudit,
  defineInstallationCommand,
  defineInstallationQuery,
} from '../../application/installation.ts';
import { checkCurrentPassword } from '../current-password.ts';
import { activeMemberships, buildMe } from '../me.ts';
import { hashPassword } from '../passwords.ts';

/**
 * The caller's own account and session: who they are (Me), signing out, changing their password,
 * moving the session to another of their organisations. On the installation's context, with the
 * caller's session, across organisations for the `account` reason.
 */

export const readMe = defineInstallationQuery('auth.me', z.object({}), async (ctx) => {
  const session = ctx.requireSession();
  return buildMe(ctx.across('account'), {
    userId: ctx.userId,
    csrfToken: session.csrfToken,
    currentOrganisationId: session.currentOrganisationId,
    now: ctx.now,
  });
});

/**
 * The key of the session's offline store on the device (AES-GCM, 256 bits, base64url): the browser
 * keeps it in memory only; the session row holds it and goes with it (logout, expiry), after which
 * what the device kept cannot be read. Null for a session opened before offline work existed.
 */
export const readOfflineKey = defineInstallationQuery('auth.offline-key', z.object({}), async (ctx) => {
  const session = ctx.requireSession();
  const row = await ctx
    .across('account')
    .selectFrom('session')
    .select('offline_key')
    .where('id_hash', '=', session.hash)
    .executeTakeFirst();
  return { key: row?.offline_key ?? null };
});

export const signOut = defineInstallationCommand(
  'auth.sign-out',
  z.object({}),
  { action: 'logout', entity: 'session' },
  async (ctx) => {
    const session = ctx.requireSession();
    ctx.audit.entityId = ctx.userId;
    await ctx.across('account').deleteFrom('session').where('id_hash', '=', session.hash).execute();
  },
);

const PASSWORD_CHANGED = { action: 'password_changed', entity: 'user' } as const;

/**
 * A new password, confirmed by the current one (a wrong one counts as a failed login and stays:
 * the command opens its own transaction, once the new password is checked and hashed). The
 * caller's other sessions end.
 */
export const changePassword = defineInstallationCommand(
  'auth.password.change',
  passwordChangeBodySchema,
  PASSWORD_CHANGED,
  async (ctx, { currentPassword, newPassword }) => {
    const session = ctx.requireSession();
    const userId = ctx.userId;
    await checkCurrentPassword(ctx, userId, currentPassword);
    const weakness = passwordWeakness(newPassword, session.email);
    if (weakness) throw invalid('newPassword', weakness);
    if (newPassword === currentPassword) {
      throw invalid('newPassword', "le nouveau mot de passe doit être différent de l'actuel.");
    }
    const hashed = await hashPassword(newPassword);
    await commitWithAudit(ctx, PASSWORD_CHANGED, async (tx) => {
      tx.audit.entityId = userId;
      const db = tx.across('account');
      await db
        .updateTable('app_user')
        .set((eb) => ({
          password_hash: hashed,
          must_change_password: false,
          updated_at: ctx.deps.clock.now(),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', userId)
        .execute();
      // Other sessions of this user end: a changed password locks out whoever else had it.
      await db
        .deleteFrom('session')
        .where('user_id', '=', userId)
        .where('id_hash', '!=', session.hash)
        .execute();
    });
  },
  { ownTransaction: true },
);

/**
 * Moves the session to another organisation of the caller's (any existing one for the installation
 * administrator); 404 for one they do not belong to.
 */
export const switchOrganisation = defineInstallationCommand(
  'auth.organisation.switch',
  organisationSwitchBodySchema,
  { action: 'organisation_switched', entity: 'session' },
  async (ctx, { organisationId }) => {
    const session = ctx.requireSession();
    const db = ctx.across('account');
    const memberships = await activeMemberships(db, ctx.userId);
    const isMember = memberships.some((m) => m.organisationId === organisationId);
    if (!isMember) {
      const exists =
        ctx.isAdmin &&
        (await ctx
          .across('administration')
          .selectFrom('organisation')
          .select('id')
          .where('id', '=', organisationId)
          .executeTakeFirst());
      if (!exists) throw new AppError(404, 'not_found', 'Organisation introuvable.', 'organisationId');
    }
    ctx.audit.entityId = organisationId;
    ctx.audit.organisationId = organisationId;
    await db
      .updateTable('session')
      .set({ current_organisation_id: organisationId })
      .where('id_hash', '=', session.hash)
      .execute();
    return buildMe(db, {
      userId: ctx.userId,
      csrfToken: session.csrfToken,
      currentOrganisationId: organisationId,
      now: ctx.now,
    });
  },
);
