/**
 * The server the benchmarks call: the real application (buildApp, the production pool size) on
 * the bench database (PostgreSQL, or the embedded copy of it), its clock set to the generated history's reference day, plus one route the
 * bench adds as the baseline of "Ma journée": the same session check, then one indexed query (the
 * coach's persons) and nothing else. Started as a child process by the measures; prints
 * "listening <url>" when ready.
 */
import { openDatabase, sql } from '@jobcoach/db';
import { buildApp, Clock, loadConfig } from '../../apps/server/src/index.ts';
import { dayOf } from './days.ts';
import { REFERENCE_DAY } from './scales.ts';

// PostgreSQL when DATABASE_URL is set; otherwise the embedded database in BENCH_DATA_DIR.
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.BENCH_DATA_DIR || undefined;
if (!databaseUrl && !dataDir) throw new Error('DATABASE_URL or BENCH_DATA_DIR is required');
const clock = new Clock();
clock.shiftDays(dayOf(REFERENCE_DAY) - dayOf(clock.today()));
const config = loadConfig({ ...process.env, PORT: undefined, LOG_LEVEL: 'warn' });
const handle = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir, command: 'bench server' });
const app = await buildApp({ database: handle, config, clock, web: false, logger: false });

app.get('/api/bench/minimal', { config: { access: 'session' } }, async (request) => {
  const user = request.user!;
  const rows = await sql<{ id: string; first_name: string; last_name: string; phase: string }>`
    SELECT id, first_name, last_name, phase FROM person
    WHERE organisation_id = ${user.currentOrganisationId} AND coach_id = ${user.userId} AND deleted_at IS NULL
    ORDER BY last_name, first_name`.execute(handle.db);
  return rows.rows;
});

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
console.log(`listening http://127.0.0.1:${port}`);

const stop = async () => {
  await app.close();
  await handle.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
