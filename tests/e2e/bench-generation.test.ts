import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  assessmentInputSchema,
  contractListSchema,
  personFileSchema,
  personInputSchema,
  transitionInputSchema,
  vacancyPatchSchema,
} from '@jobcoach/contract';
import {
  COACHABILITY_CONDITIONS,
  isValidNiss,
  nissBirthDate,
  validateCoachabilityAssessment,
} from '@jobcoach/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_URL, adminQuery } from './support/postgres.ts';
import { ROOT, startServer } from './support/server.ts';

if (!ADMIN_URL)
  console.warn('bench-generation: TEST_DATABASE_URL is not set, the bench generation test is SKIPPED');

/** `npm run bench -- <args>` as the README documents it, with the given environment. */
function bench(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench', 'src', 'main.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** Every problem found, as lines "what: which row": the test shows the first ones. */
type Problems = string[];

/**
 * The generated national numbers: valid (domain isValidNiss), encoding the person's birth date
 * (which the server checks on every change of the person), odd for men and even for women, and
 * unique within the organisation (the unique index on (organisation_id, niss)).
 */
async function checkNiss(url: string, problems: Problems) {
  const rows = await adminQuery<{ organisation_id: string; niss: string; birth_date: string; sex: string }>(
    'SELECT organisation_id, niss, birth_date::text, sex FROM person WHERE niss IS NOT NULL',
    [],
    url,
  );
  const seen = new Set<string>();
  for (const r of rows) {
    if (!isValidNiss(r.niss)) problems.push(`invalid NISS: ${r.niss}`);
    if (nissBirthDate(r.niss) !== r.birth_date)
      problems.push(`NISS ${r.niss} for a birth on ${r.birth_date}`);
    if (Number(r.niss.slice(6, 9)) % 2 !== (r.sex === 'man' ? 1 : 0))
      problems.push(`NISS ${r.niss} of a ${r.sex}`);
    const key = `${r.organisation_id}/${r.niss}`;
    if (seen.has(key)) problems.push(`NISS ${r.niss} twice in organisation ${r.organisation_id}`);
    seen.add(key);
  }
  return rows;
}

const personJson = personInputSchema.pick({
  languages: true,
  scheduleDays: true,
  scheduleLimits: true,
  wishedSectors: true,
  wishedJobs: true,
});
const vacancyJson = vacancyPatchSchema.pick({ schedule: true, published: true, physicalDemands: true });

/** Every JSON column the generator fills, read back and parsed with the contract's schemas. */
async function checkJson(url: string, problems: Problems) {
  const query = <T extends Record<string, unknown>>(statement: string) => adminQuery<T>(statement, [], url);
  const issue = (what: string, row: unknown, error: { issues: unknown[] }) =>
    problems.push(`${what}: ${JSON.stringify(row)} ${JSON.stringify(error.issues[0])}`);

  for (const r of await query<Record<string, unknown>>(
    `SELECT languages, schedule_days AS "scheduleDays", schedule_limits AS "scheduleLimits",
            wished_sectors AS "wishedSectors", wished_jobs AS "wishedJobs" FROM person`,
  )) {
    const parsed = personJson.safeParse(r);
    if (!parsed.success) issue('person', r, parsed.error);
  }
  for (const r of await query<Record<string, unknown>>(
    `SELECT schedule, published, physical_demands AS "physicalDemands" FROM vacancy`,
  )) {
    const parsed = vacancyJson.safeParse(r);
    if (!parsed.success) issue('vacancy', r, parsed.error);
  }

  const assessments = await query<{
    assessedOn: string;
    conditions: Record<string, { met: boolean }>;
    decision: 'accepted' | 'postponed' | 'redirected';
    reviewDate: string | null;
    redirectPartnerId: string | null;
    reason: string | null;
  }>(
    `SELECT assessed_on::text AS "assessedOn", conditions, decision, review_date::text AS "reviewDate",
            redirect_partner_id AS "redirectPartnerId", reason FROM coachability_assessment`,
  );
  for (const a of assessments) {
    const parsed = assessmentInputSchema.safeParse(a);
    if (!parsed.success) {
      issue('assessment', a, parsed.error);
      continue;
    }
    const [error] = validateCoachabilityAssessment({
      ...a,
      conditions: Object.fromEntries(COACHABILITY_CONDITIONS.map((c) => [c, a.conditions[c]!.met])) as never,
      partner: a.redirectPartnerId,
    });
    if (error) problems.push(`assessment ${JSON.stringify(a)}: ${error.message}`);
  }

  // A move's fields are its transition's input, plus the contract that made it (one of the person's).
  const events = await query<{
    transition_id: string;
    reason: string | null;
    fields: Record<string, unknown>;
    person_id: string;
    contract_person: string | null;
  }>(
    `SELECT e.transition_id, e.reason, e.fields, e.person_id, c.person_id AS contract_person
       FROM trajectory_event e LEFT JOIN contract c ON c.id::text = e.fields->>'contractId'`,
  );
  for (const e of events) {
    const { contractId, ...fields } = e.fields;
    const parsed = transitionInputSchema.safeParse({ transitionId: e.transition_id, fields, version: 1 });
    if (!parsed.success) issue('trajectory event', e, parsed.error);
    if (contractId !== undefined && e.contract_person !== e.person_id) {
      problems.push(`trajectory event ${JSON.stringify(e)}: contract of another person or none`);
    }
    // Every generated follow-up starts with a contract's first day.
    if (e.transition_id === 'start_follow_up' && contractId === undefined) {
      problems.push(`trajectory event ${JSON.stringify(e)}: follow-up without its contract`);
    }
    const reason = fields.returnReason ?? fields.exitReason ?? null;
    if (reason !== e.reason) problems.push(`trajectory event ${JSON.stringify(e)}: reason ${e.reason}`);
  }
  return { assessments: assessments.length, events: events.length };
}

/**
 * The generated rows read through the real server: a coordinator opens persons of every phase
 * (their file and contracts), a coach opens « Ma journée »; the server checks its answers against
 * the contract's schemas, and so does the test.
 */
async function readThroughServer(url: string) {
  const persons = await adminQuery<{ id: string; phase: string }>(
    `SELECT DISTINCT ON (p.phase) p.id, p.phase
       FROM person p JOIN membership m ON m.organisation_id = p.organisation_id AND m.role = 'coordinator'
       JOIN app_user u ON u.id = m.user_id
      WHERE u.email = 'coordination.1@bench.example' ORDER BY p.phase, p.id`,
    [],
    url,
  );
  const server = await startServer({ env: { DATABASE_URL: url } });
  try {
    const login = async (email: string) => {
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'bench-jobcoach-2002' }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return res.headers
        .getSetCookie()
        .find((c) => c.startsWith('jc_session='))!
        .split(';')[0]!;
    };
    const get = async (cookie: string, path: string) => {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
      const body = await res.text();
      expect(res.status, `${path}: ${body}\n${server.output()}`).toBe(200);
      return JSON.parse(body) as unknown;
    };
    const coordinator = await login('coordination.1@bench.example');
    for (const p of persons) {
      const file = personFileSchema.parse(await get(coordinator, `/api/persons/${p.id}`));
      expect(file.phase).toBe(p.phase);
      contractListSchema.parse(await get(coordinator, `/api/persons/${p.id}/contracts`));
    }
    const coach = await login('coach.1.1@bench.example');
    await get(coach, '/api/my-day');
    return persons.map((p) => p.phase).sort();
  } finally {
    await server.stop();
  }
}

// The region's generation is the same code at a larger scale: the pilot scale checks, in seconds,
// that a fresh generation goes through on a database of the name given, and leaves it analysed.
describe.skipIf(!ADMIN_URL)('the bench generates its data from scratch', () => {
  const names: string[] = [];
  const databaseOf = () => {
    const name = `jobcoach_bench_check_${randomBytes(4).toString('hex')}`;
    names.push(name);
    const url = new URL(ADMIN_URL ?? 'postgres://localhost/postgres');
    url.pathname = `/${name}`;
    return { name, url: url.toString() };
  };

  afterAll(async () => {
    for (const name of names) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('generates the pilot scale into the database named by BENCH_DATABASE_URL', async () => {
    const { name, url } = databaseOf();
    const { code, out } = await bench(['--scale', 'pilot', '--fresh', '--generate-only'], {
      BENCH_DATABASE_URL: url,
    });
    expect(code, out).toBe(0);
    expect(out).toContain(`into database ${name}`);

    const [marker] = await adminQuery<{ scale: string }>('SELECT scale FROM bench_marker', [], url);
    expect(marker?.scale).toBe('pilot');
    const [persons] = await adminQuery<{ n: number; estimated: number }>(
      `SELECT count(*)::int AS n, (SELECT reltuples::int FROM pg_class WHERE relname = 'person') AS estimated
         FROM person`,
      [],
      url,
    );
    expect(persons!.n).toBeGreaterThan(300);
    // Analysed after the load, not before: the planner knows the rows are there.
    expect(persons!.estimated).toBe(persons!.n);

    const problems: Problems = [];
    expect((await checkNiss(url, problems)).length).toBe(persons!.n);
    const counts = await checkJson(url, problems);
    expect(problems.slice(0, 5)).toEqual([]);
    expect(counts.assessments).toBeGreaterThan(300);
    expect(counts.events).toBeGreaterThan(500);
  }, 60_000);

  it('keeps national numbers unique in a large organisation whose persons share a birth day', async () => {
    const { url } = databaseOf();
    const { code, out } = await bench(['--scale', 'skewed-check', '--fresh', '--generate-only'], {
      BENCH_DATABASE_URL: url,
    });
    expect(code, out).toBe(0);

    const problems: Problems = [];
    const rows = await checkNiss(url, problems);
    await checkJson(url, problems);
    expect(problems.slice(0, 5)).toEqual([]);
    // 1,200 persons born on 1999-12-31: each sex's 499 serials of that day are taken, and the
    // others are born on 2000-01-01, whose check digits are computed with the leading 2.
    const [largest] = await adminQuery<{ id: string; n: number }>(
      'SELECT organisation_id AS id, count(*)::int AS n FROM person GROUP BY 1 ORDER BY 2 DESC LIMIT 1',
      [],
      url,
    );
    expect(largest!.n).toBe(1_200);
    const ofLargest = rows.filter((r) => r.organisation_id === largest!.id);
    const count = (day: string, sex: string) =>
      ofLargest.filter((r) => r.birth_date === day && r.sex === sex).length;
    expect(count('1999-12-31', 'man')).toBe(499);
    expect(count('1999-12-31', 'woman')).toBe(499);
    expect(count('2000-01-01', 'man') + count('2000-01-01', 'woman')).toBe(1_200 - 998);

    expect(await readThroughServer(url)).toEqual(['exited', 'follow_up', 'hiring', 'intake', 'pre_hire']);
  }, 90_000);
});
