import type { Db } from '../application/database.ts';

/**
 * Failed logins are counted per e-mail typed (existing or not) and per client address.
 * MAX_FAILURES within WINDOW locks the key for LOCK_MINUTES.
 */
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export async function lockedUntil(db: Db, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('key', 'in', keys)
    .execute();
  const locks = rows
    .map((r) => (r.locked_until ? new Date(r.locked_until) : null))
    .filter((d): d is Date => d !== null && d > now);
  return locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null;
}

export async function recordFailure(db: Db, key: string, max: number, now: Date) {
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  const windowStart =
    row && now.getTime() - new Date(row.window_start).getTime() < WINDOW_MINUTES * 60_000
      ? new Date(row.window_start)
      : now;
  const failures = row && windowStart !== now ? row.failures + 1 : 1;
  const locked = failures >= max ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
  await db
    .insertInto('login_throttle')
    .values({ key, failures, window_start: windowStart, locked_until: locked })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ failures, window_start: windowStart, locked_until: locked }),
    )
    .execute();
}

export async function clearFailures(db: Db, key: string) {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
