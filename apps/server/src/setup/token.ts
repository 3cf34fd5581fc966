import {
  type Database,
  type DatabaseHandle,
  type HeldLock,
  type Kysely,
  LOCK_KEYS,
  tryHoldAdvisoryLock,
} from '@jobcoach/db';
import { newToken, sha256 } from '../auth/tokens.ts';

export async function hasAnyUser(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * When no user exists, issues a fresh one-time setup token (replacing any earlier one) and
 * returns it; only its hash is stored. Returns null once the installation has users.
 */
export async function issueSetupToken(db: Kysely<Database>): Promise<string | null> {
  if (await hasAnyUser(db)) return null;
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('setup_token').execute();
    await trx
      .insertInto('setup_token')
      .values({ token_hash: sha256(token) })
      .execute();
  });
  return token;
}

/** What a starting server does about the first-run link. */
export type SetupLink =
  /** The installation has users: no link. */
  | { kind: 'none' }
  /** Another live instance printed the link in force: this one leaves it valid. */
  | { kind: 'elsewhere' }
  /** This instance issued the link; it keeps its claim on it until `release()`. */
  | { kind: 'issued'; token: string; release(): Promise<void> };

/**
 * One valid setup link per installation, printed by one instance. Each start used to replace the
 * token, so with several instances starting at once every one printed a link and only the last
 * worked. On PostgreSQL the instance that issues the link holds an advisory lock for as long as it
 * lives: another instance starting meanwhile leaves the link alone; one starting after it died
 * issues a fresh one (the old one was in the dead instance's output). The embedded database has a
 * single process, which always issues a fresh link.
 */
export async function claimSetupLink(handle: Pick<DatabaseHandle, 'db' | 'driver'>): Promise<SetupLink> {
  if (await hasAnyUser(handle.db)) return { kind: 'none' };
  let held: HeldLock | null = null;
  if (handle.driver === 'postgres') {
    held = await tryHoldAdvisoryLock(handle.db, LOCK_KEYS.setupLink);
    if (!held) return { kind: 'elsewhere' };
  }
  const token = await issueSetupToken(handle.db);
  if (!token) {
    await held?.release();
    return { kind: 'none' };
  }
  let released = false;
  return {
    kind: 'issued',
    token,
    async release() {
      if (released) return;
      released = true;
      await held?.release();
    },
  };
}
