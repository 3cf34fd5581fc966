import { AppError, invalid } from '../application/errors.ts';
import type { InstallationContext } from '../application/installation.ts';
import { verifyPassword } from './passwords.ts';
import { LOCK_MINUTES, lockedUntil, MAX_FAILURES_PER_EMAIL, recordFailure } from './throttle.ts';

/**
 * Checks the password a logged-in user types to confirm a sensitive change. Wrong answers count
 * like failed logins for that account, so a stolen session cannot guess the password freely: the
 * check runs before the command's transaction (a command with its own transaction), so that the
 * failure it records stays.
 */
export async function checkCurrentPassword(ctx: InstallationContext, userId: string, password: string) {
  const db = ctx.across('account');
  const row = await db
    .selectFrom('app_user')
    .select(['password_hash', 'email'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const key = `email:${row.email}`;
  if (await lockedUntil(db, [key], ctx.now)) {
    throw new AppError(423, 'locked', `Trop de tentatives. Réessayez dans ${LOCK_MINUTES} minutes.`);
  }
  if (!(await verifyPassword(row.password_hash, password))) {
    await recordFailure(db, key, MAX_FAILURES_PER_EMAIL, ctx.now);
    throw invalid('currentPassword', 'le mot de passe actuel est incorrect.');
  }
}
