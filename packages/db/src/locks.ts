import { type Kysely, sql } from 'kysely';
import type { DatabaseHandle } from './connect.ts';
import type { Database } from './types.ts';

/**
 * PostgreSQL advisory locks that coordinate several server instances sharing one database. Each
 * key is a constant of its own (any bigint; they only need to differ from one another).
 */
export const LOCK_KEYS = {
  /** Per-migration lock (migrate.ts): several migrators apply each migration once. */
  migration: 715_204_001,
  /** Start-up as a whole: migrations, the background jobs' schema, the first-run link. */
  startup: 715_204_002,
  /** Held by the instance that printed the current first-run link, for as long as it lives. */
  setupLink: 715_204_003,
  /** Namespace of the locks held by the process running an import job, one per job (two-key form). */
  importJob: 715_204,
} as const;

/**
 * Runs `fn` while holding a session-level advisory lock, so that instances starting at once run
 * it one after the other. The lock lives on a connection reserved for the purpose; `fn` uses the
 * pool as usual. On the embedded PGlite there is one process by construction (the data
 * directory's writer lock), and its single session cannot be reserved: `fn` just runs.
 */
export async function withAdvisoryLock<T>(
  handle: Pick<DatabaseHandle, 'db' | 'driver'>,
  key: number,
  fn: () => Promise<T>,
): Promise<T> {
  if (handle.driver === 'pglite') return fn();
  return handle.db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${key}::bigint)`.execute(connection);
    try {
      return await fn();
    } finally {
      // A connection lost meanwhile took its locks with it.
      await sql`SELECT pg_advisory_unlock(${key}::bigint)`.execute(connection).catch(() => undefined);
    }
  });
}

/**
 * Whether any session holds the named lock now (PostgreSQL): tries it within a transaction, which
 * lets it go at once.
 */
export async function advisoryLockHeld(
  db: Kysely<Database>,
  key: { namespace: number; name: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await sql<{ free: boolean }>`
      SELECT pg_try_advisory_xact_lock(${key.namespace}::int, hashtext(${key.name})) AS free`.execute(trx);
    return result.rows[0]?.free !== true;
  });
}

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * Takes a session-level advisory lock if no other session holds it, and keeps it (on a reserved
 * connection) until `release()`; null when another session holds it. PostgreSQL only. If the
 * connection is lost, the lock goes with it.
 */
export async function tryHoldAdvisoryLock(
  db: Kysely<Database>,
  key: number | { namespace: number; name: string },
): Promise<HeldLock | null> {
  const lock =
    typeof key === 'number'
      ? sql`pg_try_advisory_lock(${key}::bigint)`
      : sql`pg_try_advisory_lock(${key.namespace}::int, hashtext(${key.name}))`;
  const unlock =
    typeof key === 'number'
      ? sql`pg_advisory_unlock(${key}::bigint)`
      : sql`pg_advisory_unlock(${key.namespace}::int, hashtext(${key.name}))`;
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let settle!: (acquired: boolean) => void;
  let fail!: (error: unknown) => void;
  const acquired = new Promise<boolean>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const holding = db
    .connection()
    .execute(async (connection) => {
      const result = await sql<{ ok: boolean }>`SELECT ${lock} AS ok`.execute(connection);
      const ok = result.rows[0]?.ok === true;
      settle(ok);
      if (!ok) return;
      await released;
      await sql`SELECT ${unlock}`.execute(connection).catch(() => undefined);
    })
    .catch((error: unknown) => fail(error));
  if (!(await acquired)) return null;
  return {
    async release() {
      release();
      await holding;
    },
  };
}
