import { type Database, type DatabaseHandle, type Kysely, migrate, openDatabase } from '@jobcoach/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../bench/src/generate.ts';
import { BENCH_PASSWORD, REFERENCE_DAY, SCALES } from '../../../bench/src/scales.ts';
import { buildApp } from '../src/app.ts';
import { Clock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { computeSteeringReport } from '../src/reports/steering.ts';

/**
 * The plans of the main queries ("Ma journée", the persons list and its search, matching, the
 * steering report), taken from the real routes on the bench's pilot data (bench/src/generate.ts).
 * With that few rows the planner rightly prefers sequential scans, so every captured query is
 * explained with enable_seqscan off: a sequential scan that remains on a large table means no
 * index can serve it, which at region scale (docs/performance.md) reads millions of rows.
 * PostgreSQL only: the plans of the embedded PGlite are the same engine's, and CI sets
 * TEST_DATABASE_URL.
 */

const SERVER_URL = process.env.TEST_DATABASE_URL;
/** Tables that grow with the installation's history. */
const LARGE_TABLES = new Set([
  'person',
  'contact',
  'trajectory_event',
  'coachability_assessment',
  'contract',
  'follow_up_arrangement',
  'employer',
  'contact_person',
  'vacancy',
  'presentation',
  'presentation_step',
  'audit_log',
]);

if (!SERVER_URL) {
  console.warn(
    '\n*** query-plans.test.ts SKIPPED: set TEST_DATABASE_URL to a PostgreSQL server to check the query plans ***\n',
  );
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode, out: string[] = []): string[] {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && LARGE_TABLES.has(node['Relation Name'])) {
    out.push(node['Relation Name']);
  }
  for (const child of node.Plans ?? []) seqScans(child, out);
  return out;
}

/**
 * The scans of `person` that read its rows (any scan but an index-only one). The steering report
 * reads the persons through the index that carries the columns it needs (migration 0028): the
 * table is wide, and at region scale reading its rows was most of the report's time.
 */
function personRowReads(node: PlanNode, out: string[] = []): string[] {
  if (node['Relation Name'] === 'person' && node['Node Type'] !== 'Index Only Scan')
    out.push(node['Node Type']);
  for (const child of node.Plans ?? []) personRowReads(child, out);
  return out;
}

describe.skipIf(!SERVER_URL)('query plans on PostgreSQL (pilot data)', () => {
  const name = `jobcoach_plans_${process.pid}_${Date.now()}`;
  let admin: pg.Client;
  let pool: pg.Pool;
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const captured: { sql: string; parameters: readonly unknown[]; label: string }[] = [];
  let label = '';

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(SERVER_URL!);
    url.pathname = `/${name}`;
    pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    // The database is dropped at the end: an idle connection closed then is expected.
    pool.on('error', () => undefined);
    // Every statement the code runs is told here on its way to the database, whether the query
    // builder made it or it was compiled once (packages/db statement.ts).
    handle = await openDatabase({
      databaseUrl: url.toString(),
      onQuery: (query) => {
        if (/^\s*(select|with)\b/i.test(query.sql)) {
          captured.push({ sql: query.sql, parameters: query.parameters, label });
        }
      },
    });
    db = handle.db;
    await migrate(db);
    await generate(url.toString(), SCALES.pilot!);
    const clock = new Clock();
    const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
    clock.shiftDays(day(REFERENCE_DAY) - day(clock.today()));
    app = await buildApp({
      database: { db, driver: 'postgres', close: async () => undefined },
      config: loadConfig({ ...process.env, PORT: undefined, DATABASE_URL: url.toString() }),
      clock,
      web: false,
      logger: false,
    });
  });

  afterAll(async () => {
    await app?.close();
    await handle?.close();
    await pool?.end();
    await admin?.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin?.end();
  });

  it('serves the main queries from indexes, never by reading a large table whole', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'coach.1.1@bench.example', password: BENCH_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const get = async (what: string, url: string) => {
      label = what;
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, `${what}: ${res.body}`).toBe(200);
      return res.json();
    };
    const day = await get('Ma journée', '/api/my-day');
    expect(day.caseload.activeCount).toBeGreaterThan(0);
    const persons = (await get('persons list', '/api/persons')) as
      | { id: string; phase: string }[]
      | { items: { id: string; phase: string }[] };
    const list = Array.isArray(persons) ? persons : persons.items;
    expect(list.length).toBeGreaterThan(0);
    await get('persons search', '/api/persons?q=dub');
    const preHire = list.find((p) => p.phase === 'pre_hire') ?? list[0]!;
    await get('vacancies for a person', `/api/persons/${preHire.id}/matches`);
    const vacancy = (
      await pool.query<{ id: string }>(
        `SELECT v.id FROM vacancy v JOIN membership m ON m.organisation_id = v.organisation_id
           JOIN app_user u ON u.id = m.user_id
          WHERE u.email = 'coach.1.1@bench.example' AND v.status = 'open' ORDER BY v.id LIMIT 1`,
      )
    ).rows[0]!;
    await get('persons for a vacancy', `/api/vacancies/${vacancy.id}/matches`);
    label = 'steering report';
    const orgs = (await pool.query<{ id: string }>('SELECT id FROM organisation ORDER BY id')).rows.map(
      (r) => r.id,
    );
    await computeSteeringReport(
      db,
      { organisationIds: orgs, from: '2024-07-01', to: REFERENCE_DAY, today: REFERENCE_DAY },
      { aggregatesOnly: false },
    );

    const labels = new Set(captured.map((c) => c.label));
    for (const l of [
      'Ma journée',
      'persons list',
      'persons search',
      'vacancies for a person',
      'persons for a vacancy',
      'steering report',
    ]) {
      expect(labels.has(l), `no query captured for ${l}`).toBe(true);
    }
    // The statements compiled once are explained too: « Ma journée »'s own, and the session's.
    const seen = (l: string, text: string) => captured.some((c) => c.label === l && c.sql.includes(text));
    expect(seen('Ma journée', 'employment_period'), 'the day’s statement').toBe(true);
    expect(seen('Ma journée', '"session" as "s"'), 'the session’s statement').toBe(true);
    expect(seen('vacancies for a person', 'open_vacancies_stamp'), 'the person ranked for').toBe(true);
    const client = await pool.connect();
    const problems: string[] = [];
    try {
      await client.query('SET enable_seqscan = off');
      for (const q of captured) {
        const result = await client.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, [...q.parameters]);
        const plan = (result.rows[0] as { 'QUERY PLAN': { Plan: PlanNode }[] })['QUERY PLAN'][0]!.Plan;
        const scans = seqScans(plan);
        if (scans.length > 0) {
          problems.push(`${q.label}: sequential scan of ${scans.join(', ')} in\n  ${q.sql.slice(0, 300)}`);
        }
        const rowReads = q.label === 'steering report' ? personRowReads(plan) : [];
        if (rowReads.length > 0) {
          problems.push(
            `${q.label}: the persons' rows read (${rowReads.join(', ')}) in\n  ${q.sql.slice(0, 300)}`,
          );
        }
      }
    } finally {
      client.release();
    }
    expect(problems, problems.join('\n\n')).toEqual([]);
  });
});
