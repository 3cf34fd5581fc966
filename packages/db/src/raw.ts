import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './types.ts';

/**
 * Runs one SQL text with positional parameters ($1, $2…) through the Kysely connection, on either
 * engine. Without parameters the text may hold several statements. For libraries that bring their
 * own SQL (pg-boss's `db` adapter), so that they share our pool or the embedded PGlite.
 */
export async function executeRaw(
  db: Kysely<Database>,
  text: string,
  values: readonly unknown[] = [],
): Promise<{ rows: Record<string, unknown>[]; rowCount: number }> {
  const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, [...values]));
  return { rows: result.rows, rowCount: Number(result.numAffectedRows ?? result.rows.length) };
}
