import { type Kysely, sql } from 'kysely';
import type { Database } from './types.ts';

/**
 * Vacuums and analyses every table of the embedded database. PGlite runs PostgreSQL as one
 * session, without the autovacuum workers of a server: nothing else ever gathers the planner's
 * statistics (without them it guesses each table's rows and each condition's selectivity), marks
 * the pages all-visible (index-only scans, such as the steering report's reading of the persons,
 * then read every row they return from the table) or makes the space of old row versions
 * reusable. Run by the server's nightly maintenance job (apps/server privacy/jobs.ts); not in a
 * transaction (VACUUM cannot run in one).
 */
export async function vacuumAndAnalyze(db: Kysely<Database>): Promise<void> {
  await sql`VACUUM (ANALYZE)`.execute(db);
}
