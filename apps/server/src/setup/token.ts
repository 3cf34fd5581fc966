import type { Database, Kysely } from '@jobcoach/db';
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
