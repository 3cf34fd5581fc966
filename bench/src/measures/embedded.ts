import { existsSync } from 'node:fs';
import { type DatabaseHandle, openDatabase, sql } from '@jobcoach/db';
import autocannon, { type Result } from 'autocannon';
import { postgresCpuMs, processCpuMs } from '../cpu.ts';
import { log, withClient } from '../database.ts';
import { dayOf, isoOf } from '../days.ts';
import { copyIntoEmbedded, countMismatches, embeddedDataDir } from '../embedded.ts';
import { BENCH_PASSWORD, REFERENCE_DAY } from '../scales.ts';
import { type BenchServer, login, startBenchServer } from '../server-process.ts';
import { type Measure, percentile } from '../table.ts';
import { STEERING } from './report.ts';

/** Coaches at their desks at once: one connection each. */
const COACHES = 8;
/**
 * Windows are counted in answers, not seconds: every request sent is answered before the window
 * ends, so that the person files read are exactly the audit entries written.
 */
const WINDOW = 6;
const ROUNDS = 5;
const WARMUP = 2;
const REPORT_RUNS = 5;

interface Side {
  /** Per answer (Ma journée) or per page (the person's file and what the page asks with it). */
  latencies: number[];
  seconds: number;
  /** Server process, and PostgreSQL's processes (null for the embedded database: none). */
  serverCpuMs: number;
  postgresCpuMs: number | null;
  /** Reads of a person answered (person files), each audited. */
  personReads: number;
}

const emptySide = (embedded: boolean): Side => ({
  latencies: [],
  seconds: 0,
  serverCpuMs: 0,
  postgresCpuMs: embedded ? null : 0,
  personReads: 0,
});

interface Target {
  label: 'embedded' | 'postgres';
  server: BenchServer;
  databaseUrl: string | null;
  /** Coaches' sessions, one per connection. */
  cookies: string[];
}

interface Caseload {
  email: string;
  persons: string[];
}

/**
 * One autocannon window of COACHES connections. "myday": GET /api/my-day. "person": the person's
 * page as the web app loads it: GET /api/persons/:id, which carries the planned contacts the page
 * lists (until the seventh round the page asked for them apart, after the file: two requests).
 * Each connection is one coach, reading the files of their own caseload in turn.
 */
async function window(
  target: Target,
  caseloads: readonly Caseload[],
  kind: 'myday' | 'person',
  perConnection: number,
  side: Side,
) {
  const cursors = target.cookies.map((_, i) => i);
  let connection = 0;
  const cpuBefore = processCpuMs(target.server.pid);
  const pgBefore = target.databaseUrl ? postgresCpuMs(target.databaseUrl) : null;
  const latencies: number[] = [];
  let personReads = 0;
  // autocannon hands each connection its own context: the coach (fixed) and the person read.
  const coachOf = (context: Record<string, unknown>) => {
    if (context.coach === undefined) context.coach = connection++ % target.cookies.length;
    return context.coach as number;
  };
  const requests =
    kind === 'myday'
      ? [
          {
            setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => ({
              ...request,
              path: '/api/my-day',
              headers: { cookie: target.cookies[coachOf(context)]! },
            }),
          },
        ]
      : [
          {
            setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
              const coach = coachOf(context);
              const persons = caseloads[coach % caseloads.length]!.persons;
              const person = persons[cursors[coach]!++ % persons.length]!;
              return {
                ...request,
                path: `/api/persons/${person}`,
                headers: { cookie: target.cookies[coach]! },
              };
            },
          },
        ];
  const statuses = new Map<number, number>();
  const t0 = performance.now();
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.server.url,
        connections: COACHES,
        amount: COACHES * perConnection,
        timeout: 120,
        requests,
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status !== 200) {
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        return;
      }
      latencies.push(ms);
      // Each file read is audited as a read of the person.
      if (kind === 'person') personReads++;
    });
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${target.label} ${kind}: ${result.non2xx} non-2xx answers (${[...statuses].map(([k, n]) => `${n} × ${k}`).join(', ')}), ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  const cpuAfter = processCpuMs(target.server.pid);
  const pgAfter = target.databaseUrl ? postgresCpuMs(target.databaseUrl) : null;
  side.latencies.push(...latencies);
  side.seconds += (performance.now() - t0) / 1000;
  side.personReads += personReads;
  side.serverCpuMs += cpuBefore === null || cpuAfter === null ? Number.NaN : cpuAfter - cpuBefore;
  side.postgresCpuMs =
    side.postgresCpuMs === null || pgBefore === null || pgAfter === null
      ? null
      : side.postgresCpuMs + (pgAfter - pgBefore);
}

/** The embedded server and the PostgreSQL one, alternated over ROUNDS windows each, after a warm-up. */
async function alternate(
  embedded: Target,
  postgres: Target,
  caseloads: readonly Caseload[],
  kind: 'myday' | 'person',
) {
  const sides = { embedded: emptySide(true), postgres: emptySide(false) };
  // The warm-up's reads are audited too: counted apart.
  const warm = { embedded: emptySide(true), postgres: emptySide(false) };
  await window(embedded, caseloads, kind, WARMUP, warm.embedded);
  await window(postgres, caseloads, kind, WARMUP, warm.postgres);
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [embedded, postgres] : [postgres, embedded];
    for (const target of order) await window(target, caseloads, kind, WINDOW, sides[target.label]);
  }
  return {
    ...sides,
    reads: {
      embedded: sides.embedded.personReads + warm.embedded.personReads,
      postgres: sides.postgres.personReads + warm.postgres.personReads,
    },
  };
}

function measuresOf(
  name: string,
  embedded: Side,
  postgres: Side,
  budget: number,
  unitOfWork: string,
): Measure[] {
  const out: Measure[] = [];
  for (const p of [50, 95]) {
    const a = percentile(embedded.latencies, p);
    const b = percentile(postgres.latencies, p);
    out.push({
      name: `${name}, embedded, ${COACHES} coaches, p${p}`,
      unit: 'ms',
      ours: a,
      baseline: b,
      baselineName: 'same server on PostgreSQL',
      ratio: a / b,
      budget: p === 95 ? `≤ ${budget} ms` : null,
      pass: p === 95 ? a <= budget : null,
    });
  }
  const rate = (s: Side) => s.latencies.length / s.seconds;
  out.push({
    name: `${name}, embedded, ${COACHES} coaches, throughput`,
    unit: `${unitOfWork}/s`,
    ours: rate(embedded),
    baseline: rate(postgres),
    baselineName: 'same server on PostgreSQL',
    ratio: rate(postgres) / rate(embedded),
    budget: null,
    pass: null,
  });
  // The embedded database runs inside the server process; PostgreSQL's work is added to its server's.
  const a = embedded.serverCpuMs / embedded.latencies.length;
  const b = (postgres.serverCpuMs + (postgres.postgresCpuMs ?? Number.NaN)) / postgres.latencies.length;
  out.push({
    name: `${name}, embedded, CPU per ${unitOfWork}`,
    unit: 'ms',
    ours: a,
    baseline: b,
    baselineName: 'server + its PostgreSQL backends',
    ratio: a / b,
    budget: null,
    pass: null,
  });
  return out;
}

async function auditReads(db: DatabaseHandle['db']): Promise<number> {
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM audit_log WHERE action = 'read' AND entity = 'person'`.execute(db);
  return Number(r.rows[0]!.n);
}

interface ReportLike {
  tables: { id: string; rows: { key: string; values: Record<string, unknown> }[] }[];
}
type ComputeReport = (
  db: unknown,
  params: { organisationIds: string[]; from: string; to: string; today: string },
  options: { aggregatesOnly: boolean },
) => Promise<ReportLike>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** First run, then the median of the next REPORT_RUNS; and the headline, to compare both engines. */
async function timeReport(compute: ComputeReport, db: unknown, organisationIds: string[]) {
  const params = {
    organisationIds,
    from: isoOf(dayOf(REFERENCE_DAY) - 364),
    to: REFERENCE_DAY,
    today: REFERENCE_DAY,
  };
  const times: number[] = [];
  let report: ReportLike | null = null;
  for (let i = 0; i <= REPORT_RUNS; i++) {
    const t0 = performance.now();
    report = await compute(db, params, { aggregatesOnly: false });
    times.push(performance.now() - t0);
  }
  const headline = JSON.stringify(report!.tables.find((t) => t.id === 'headline')?.rows ?? null);
  return { first: times[0]!, median: median(times.slice(1)), headline };
}

/**
 * The embedded database (PGlite, what one organisation runs) on the scale's data: copied from the
 * generated PostgreSQL database into a fresh data directory (row counts checked), then the real
 * server on it beside the real server on PostgreSQL, alternated window by window, with COACHES
 * coaches at once: « Ma journée », and the person's page (the file with its planned contacts,
 * audited on every read). After the servers stop (the embedded data directory takes one process
 * at a time), the steering report for the whole installation, in this process, on both.
 */
export async function measureEmbedded(databaseUrl: string, scale: string): Promise<Measure[]> {
  const copy = await copyIntoEmbedded(databaseUrl, embeddedDataDir(scale));
  const mismatches = countMismatches(copy);
  if (mismatches.length > 0) throw new Error(`embedded copy: row counts differ (${mismatches.join('; ')})`);
  const dataDir = copy.dataDir;

  const { caseloads, organisations } = await withClient(databaseUrl, async (c) => {
    const coaches = await c.query<{ email: string; id: string; organisation_id: string }>(
      `SELECT u.email, u.id, m.organisation_id FROM app_user u JOIN membership m ON m.user_id = u.id
        WHERE m.role = 'jobcoach' AND m.active ORDER BY u.email`,
    );
    const out: Caseload[] = [];
    for (const coach of coaches.rows) {
      const persons = await c.query<{ id: string }>(
        `SELECT id FROM person WHERE organisation_id = $1 AND coach_id = $2 AND deleted_at IS NULL ORDER BY id`,
        [coach.organisation_id, coach.id],
      );
      if (persons.rows.length > 0) out.push({ email: coach.email, persons: persons.rows.map((r) => r.id) });
    }
    const orgs = await c.query<{ id: string }>(
      "SELECT id FROM organisation WHERE name <> 'Import de référence' ORDER BY id",
    );
    return { caseloads: out, organisations: orgs.rows.map((r) => r.id) };
  });
  if (caseloads.length === 0) throw new Error('embedded: no coach with persons in this scale');

  const countPostgresReads = async () => {
    const handle = await openDatabase({ databaseUrl, poolSize: 1 });
    try {
      return await auditReads(handle.db);
    } finally {
      await handle.close();
    }
  };
  const countEmbeddedReads = async () => {
    const handle = await openDatabase({ dataDir, command: 'bench audit count' });
    try {
      return await auditReads(handle.db);
    } finally {
      await handle.close();
    }
  };
  const auditBefore = { embedded: await countEmbeddedReads(), postgres: await countPostgresReads() };

  const out: Measure[] = [];
  const embeddedServer = await startBenchServer({ dataDir });
  let postgresServer: BenchServer | null = null;
  let reads = { embedded: 0, postgres: 0 };
  try {
    postgresServer = await startBenchServer(databaseUrl);
    // COACHES sessions: every coach, and some of them on a second device when there are fewer.
    const targets: Target[] = [];
    for (const [label, server, url] of [
      ['embedded', embeddedServer, null],
      ['postgres', postgresServer, databaseUrl],
    ] as const) {
      const cookies: string[] = [];
      for (let i = 0; i < COACHES; i++) {
        cookies.push(await login(server.url, caseloads[i % caseloads.length]!.email, BENCH_PASSWORD));
      }
      targets.push({ label, server, databaseUrl: url, cookies });
    }
    const [embedded, postgres] = targets as [Target, Target];
    log(
      `embedded: ${caseloads.length} coaches in ${COACHES} sessions; ${ROUNDS} alternated windows of ${WINDOW} pages or answers per coach`,
    );
    const myday = await alternate(embedded, postgres, caseloads, 'myday');
    out.push(...measuresOf('Ma journée', myday.embedded, myday.postgres, 150, 'answer'));
    const person = await alternate(embedded, postgres, caseloads, 'person');
    out.push(...measuresOf('Person page', person.embedded, person.postgres, 150, 'page'));
    reads = person.reads;
    log(
      `embedded: Ma journée ${myday.embedded.latencies.length} answers (PostgreSQL ${myday.postgres.latencies.length}); person page ${person.embedded.latencies.length} pages (PostgreSQL ${person.postgres.latencies.length})`,
    );
  } finally {
    await embeddedServer.stop();
    await postgresServer?.stop();
  }

  // Every read of a person was audited: the log grew by exactly the reads answered.
  const auditAfter = { embedded: await countEmbeddedReads(), postgres: await countPostgresReads() };
  for (const side of ['embedded', 'postgres'] as const) {
    const grown = auditAfter[side] - auditBefore[side];
    if (grown !== reads[side]) {
      throw new Error(
        `${side}: ${reads[side]} reads of a person answered, but the audit log grew by ${grown}`,
      );
    }
    log(`embedded: ${side} audit log grew by ${grown} reads of a person, one per read answered`);
  }

  if (existsSync(STEERING)) {
    const { computeSteeringReport } = (await import(STEERING)) as { computeSteeringReport: ComputeReport };
    const embeddedHandle = await openDatabase({ dataDir, command: 'bench report' });
    const postgresHandle = await openDatabase({ databaseUrl });
    try {
      const a = await timeReport(computeSteeringReport, embeddedHandle.db, organisations);
      const b = await timeReport(computeSteeringReport, postgresHandle.db, organisations);
      if (a.headline !== b.headline) {
        throw new Error(`steering report: embedded ${a.headline}, PostgreSQL ${b.headline}`);
      }
      log(`embedded: steering report ${a.median.toFixed(0)} ms (PostgreSQL ${b.median.toFixed(0)} ms)`);
      out.push(
        {
          name: 'Steering report, embedded, whole installation, one year, first run',
          unit: 'ms',
          ours: a.first,
          baseline: b.first,
          baselineName: 'same function on PostgreSQL, first run',
          ratio: a.first / b.first,
          budget: null,
          pass: null,
        },
        {
          name: 'Steering report, embedded, whole installation, one year',
          unit: 'ms',
          ours: a.median,
          baseline: b.median,
          baselineName: 'same function on PostgreSQL',
          ratio: a.median / b.median,
          budget: '≤ 1,000 ms',
          pass: a.median <= 1000,
        },
      );
    } finally {
      await embeddedHandle.close();
      await postgresHandle.close();
    }
  }
  return out;
}
