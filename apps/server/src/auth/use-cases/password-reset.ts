import {
  passwordResetBodySchema,
  passwordResetRequestBodySchema,
  passwordWeakness,
} from '@jobcoach/contract';
import { AppError, invalid } from '../../application/errors.ts';
import { commitWithAudit, defineInstallationCommand } from '../../application/installation.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import { mailLanguage, passwordResetMail } from '../../mail/templates.ts';
import { hashPassword } from '../passwords.ts';
import { lockedUntil, recordFailure } from '../throttle.ts';
import { newToken, sha256 } from '../tokens.ts';

/** A reset link is valid this long, once. */
export const RESET_VALID_MINUTES = 60;
/** Requests per e-mail typed, and per client address, within the login throttle's window. */
export const MAX_RESETS_PER_EMAIL = 3;
export const MAX_RESETS_PER_ADDRESS = 20;

const TOO_MANY =
  'Trop de demandes de réinitialisation. Réessayez dans quelques minutes, ou demandez à votre coordinateur.';
const EXPIRED = "Ce lien n'est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau.";

/**
 * « Mot de passe oublié ? » (docs/security.md): a link by e-mail, through the outbox, valid one
 * hour and once; the password it sets ends every session of the account. The account is looked up
 * across organisations (`account`): it is the same in every one.
 */
export function passwordResetUseCases(publicUrl: string) {
  /**
   * Asks for a link. The same answer whether the address has an (active) account or not; the
   * requests are counted per e-mail typed and per client address with the login throttle
   * (throttle.ts), whatever the address, so the limit reveals nothing either. The counts stay even
   * when nothing is sent: the command opens its own transaction for the link and its message.
   */
  const requestPasswordReset = defineInstallationCommand(
    'auth.password-reset.request',
    passwordResetRequestBodySchema,
    { action: 'password_reset_requested', entity: 'user' },
    async (ctx, { email: typed }) => {
      const db = ctx.across('account');
      const now = ctx.now;
      const email = typed.toLowerCase();
      const emailKey = `reset:email:${email}`;
      const addressKey = `reset:ip:${ctx.actor.clientAddress}`;
      if (await lockedUntil(db, [emailKey, addressKey], now)) {
        throw new AppError(429, 'rate_limited', TOO_MANY);
      }
      await recordFailure(db, emailKey, MAX_RESETS_PER_EMAIL, now);
      await recordFailure(db, addressKey, MAX_RESETS_PER_ADDRESS, now);
      const user = await db
        .selectFrom('app_user')
        .select(['id', 'email', 'language'])
        .where('email', '=', email)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!user) return;
      const token = newToken();
      await commitWithAudit(ctx, { action: 'password_reset_requested', entity: 'user' }, async (tx) => {
        tx.audit.entityId = user.id;
        await tx
          .across('account')
          .insertInto('password_reset')
          .values({
            user_id: user.id,
            token_hash: sha256(token),
            created_at: now,
            expires_at: new Date(now.getTime() + RESET_VALID_MINUTES * 60_000),
          })
          .execute();
        const link = `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
        await enqueueMail(
          tx,
          'password_reset',
          passwordResetMail(user.email, link, RESET_VALID_MINUTES, mailLanguage(user.language)),
        );
      });
    },
    { ownTransaction: true },
  );

  /**
   * Sets the new password with the link's token: once (the token is spent in the same statement
   * that checks it), within the hour. Every session of the account ends, and every other link
   * still out for it is spent too.
   */
  const resetPassword = defineInstallationCommand(
    'auth.password-reset.confirm',
    passwordResetBodySchema,
    { action: 'password_reset', entity: 'user' },
    async (ctx, { token, newPassword }) => {
      const db = ctx.across('account');
      const now = ctx.now;
      const reset = await db
        .updateTable('password_reset')
        .set({ used_at: now })
        .where('token_hash', '=', sha256(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('user_id')
        .executeTakeFirst();
      if (!reset) throw new AppError(400, 'validation', EXPIRED, 'token');
      const user = await db
        .selectFrom('app_user')
        .select(['id', 'email', 'active'])
        .where('id', '=', reset.user_id)
        .executeTakeFirst();
      if (!user?.active) throw new AppError(400, 'validation', EXPIRED, 'token');
      const weakness = passwordWeakness(newPassword, user.email);
      if (weakness) throw invalid('newPassword', weakness);
      const hashed = await hashPassword(newPassword);
      await db
        .updateTable('app_user')
        .set((eb) => ({
          password_hash: hashed,
          must_change_password: false,
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', user.id)
        .execute();
      await db
        .updateTable('password_reset')
        .set({ used_at: now })
        .where('user_id', '=', user.id)
        .where('used_at', 'is', null)
        .execute();
      // Whoever held a session of this account (the reason for a reset, perhaps) is out.
      await db.deleteFrom('session').where('user_id', '=', user.id).execute();
      ctx.audit.entityId = user.id;
    },
  );

  return { requestPasswordReset, resetPassword };
}
