import { loginBodySchema } from '@jobcoach/contract';
import { z } from 'zod';
import { AppError } from '../../application/errors.ts';
import {
  commitWithAudit,
  defineInstallationCommand,
  writeInstallationAudit,
} from '../../application/installation.ts';
import { receivedInvitations } from '../../users/invitations.ts';
import { activeMemberships, buildMe } from '../me.ts';
import { burnVerification, verifyPassword } from '../passwords.ts';
import { createSession, type SessionPolicy } from '../sessions.ts';
import {
  clearFailures,
  LOCK_MINUTES,
  lockedUntil,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_EMAIL,
  recordFailure,
} from '../throttle.ts';
import { verifyTotp } from '../totp.ts';

const INVALID_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';
const LOCKED = `Trop de tentatives de connexion. Réessayez dans ${LOCK_MINUTES} minutes.`;

export const SIGN_IN_AUDIT = { action: 'login', entity: 'session' } as const;

/** What the sign-in needs besides the form: the browser that sends it, for the new session. */
export const signInInputSchema = loginBodySchema.extend({ userAgent: z.string().optional() });

/** The sign-in, given the server's session policy. */
export function signInUseCases(policy: SessionPolicy) {
  /**
   * Signs in with an e-mail, a password and, when the account has one, a second factor
   * (docs/security.md). The account is looked up across organisations (`account`): it is the same
   * in every one. Failed attempts are counted per e-mail typed and per client address (throttle.ts)
   * and audited, and they stay: the command opens its own transaction, for the session only. The
   * same answer for an unknown e-mail and a wrong password, in the same time.
   */
  const signIn = defineInstallationCommand(
    'auth.sign-in',
    signInInputSchema,
    SIGN_IN_AUDIT,
    async (ctx, { email: typed, password, totpCode, userAgent }) => {
      const db = ctx.across('account');
      const now = ctx.now;
      const email = typed.trim().toLowerCase();
      const emailKey = `email:${email}`;
      const addressKey = `ip:${ctx.actor.clientAddress}`;
      if (await lockedUntil(db, [emailKey, addressKey], now)) {
        await writeInstallationAudit(ctx, { action: 'login_refused_locked', entity: 'session' }, {});
        throw new AppError(423, 'locked', LOCKED);
      }
      const user = await db
        .selectFrom('app_user')
        .select(['id', 'password_hash', 'active', 'is_admin', 'totp_secret', 'totp_last_step'])
        .where('email', '=', email)
        .executeTakeFirst();
      const ok = user
        ? await verifyPassword(user.password_hash, password)
        : await burnVerification(password).then(() => false);
      const memberships = ok && user ? await activeMemberships(db, user.id) : [];
      // A user who belongs to no organisation yet may log in to answer an invitation.
      const invited =
        ok && user && memberships.length === 0 && (await receivedInvitations(db, user.id, now)).length > 0;
      const allowed = ok && user?.active && (user.is_admin || memberships.length > 0 || invited);
      if (!allowed || !user) {
        await recordFailure(db, emailKey, MAX_FAILURES_PER_EMAIL, now);
        await recordFailure(db, addressKey, MAX_FAILURES_PER_ADDRESS, now);
        await writeInstallationAudit(ctx, { action: 'login_failed', entity: 'session' }, {});
        throw new AppError(401, 'invalid_credentials', INVALID_CREDENTIALS);
      }
      let totpStep: number | null = null;
      if (user.totp_secret) {
        if (!totpCode) {
          throw new AppError(
            401,
            'totp_required',
            "Saisissez le code à 6 chiffres de votre application d'authentification.",
            'totpCode',
          );
        }
        totpStep = verifyTotp(user.totp_secret, totpCode, now);
        if (totpStep === null || (user.totp_last_step !== null && totpStep <= user.totp_last_step)) {
          await recordFailure(db, emailKey, MAX_FAILURES_PER_EMAIL, now);
          await recordFailure(db, addressKey, MAX_FAILURES_PER_ADDRESS, now);
          await writeInstallationAudit(
            ctx,
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
      const session = await commitWithAudit(ctx, SIGN_IN_AUDIT, async (tx) => {
        const trx = tx.across('account');
        await clearFailures(trx, emailKey);
        if (totpStep !== null) {
          await trx
            .updateTable('app_user')
            .set({ totp_last_step: totpStep })
            .where('id', '=', user.id)
            .execute();
        }
        const s = await createSession(
          trx,
          { userId: user.id, organisationId, clientAddress: ctx.actor.clientAddress, userAgent, now },
          policy,
        );
        tx.audit.entityId = user.id;
        tx.audit.organisationId = organisationId;
        return s;
      });
      const me = await buildMe(db, {
        userId: user.id,
        csrfToken: session.csrfToken,
        currentOrganisationId: organisationId,
        now: ctx.deps.clock.now(),
      });
      return { me, sessionToken: session.token };
    },
    { ownTransaction: true },
  );
  return { signIn };
}
