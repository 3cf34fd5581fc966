import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from '../http/errors.ts';
import { verifyPassword } from './passwords.ts';
import { LOCK_MINUTES, lockedUntil, MAX_FAILURES_PER_EMAIL, recordFailure } from './throttle.ts';

/**
 * Checks the password a logged-in user types to confirm a sensitive change. Wrong answers count
 * like failed logins for that account, so a stolen session cannot guess the password freely.
 */
export async function checkCurrentPassword(request: FastifyRequest, userId: string, password: string) {
  const { db, clock } = request.server.deps;
  const now = clock.now();
  const row = await db
    .selectFrom('app_user')
    .select(['password_hash', 'email'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const key = `email:${row.email}`;
  if (await lockedUntil(db, [key], now)) {
    throw new AppError(423, 'locked', `Trop de tentatives. Réessayez dans ${LOCK_MINUTES} minutes.`);
  }
  if (!(await verifyPassword(row.password_hash, password))) {
    await recordFailure(db, key, MAX_FAILURES_PER_EMAIL, now);
    throw invalid('currentPassword', 'le mot de passe actuel est incorrect.');
  }
}
