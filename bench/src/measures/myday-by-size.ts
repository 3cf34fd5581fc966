import autocannon, { type Result } from 'autocannon';
import { postgresCpuMs, processCpuMs } from '../cpu.ts';
import { log, withClient } from '../database.ts';
import { BENCH_PASSWORD, REFERENCE_DAY } from '../scales.ts';
import { type BenchServer, login, startBenchServer } from '../server-process.ts';
import { type Measure, percentile } from '../table.ts';

/**
 * « Ma journée » by organisation size: the coaches of the largest organisation against those of
 * the smallest ones, and against the single coaches of mid-sized organisations who carry the
 * largest caseloads. Whether the answer's cost follows the organisation's size or the coach's own
 * caseload shows in which group pays more per answer. Each group's coaches rotate on one
 * connection (no queueing: the latency is the answer's own), the groups alternate in short
 * windows so that the machine's load weighs on all alike, and the CPU time per answer of the
 * server and of PostgreSQL is kept beside the latencies.
 */

const WINDOW_S = 2;
const ROUNDS = 6;
const GROUP_SIZE = 30;

interface Coach {
  email: string;
  organisation: string;
  orgPersons: number;
  coaches: number;
  /** Live persons the coach follows. */
  own: number;
  /** The organisation's referrals nobody was assigned yet (every coach's « Ma journée » lists them). */
  queue: number;
}

interface Group {
  label: string;
  coaches: Coach[];
  cookies: string[];
  latencies: number[];
  seconds: number;
  serverCpuMs: number;
  postgresCpuMs: number | null;
  bytes: number[];
}

async function coachesOf(databaseUrl: string): Promise<Coach[]> {
  return withClient(databaseUrl, async (c) => {
    const r = await c.query<Coach>(
      `WITH org AS (
         SELECT o.id,
                (SELECT count(*)::int FROM person p WHERE p.organisation_id = o.id AND p.deleted_at IS NULL) AS persons,
                (SELECT count(*)::int FROM person p WHERE p.organisation_id = o.id AND p.deleted_at IS NULL
                    AND p.coach_id IS NULL AND p.phase = 'intake') AS queue,
                (SELECT count(*)::int FROM membership m WHERE m.organisation_id = o.id AND m.role = 'jobcoach') AS coaches
           FROM organisation o)
       SELECT u.email, org.id AS organisation, org.persons AS "orgPersons", org.coaches, org.queue,
              (SELECT count(*)::int FROM person p WHERE p.coach_id = u.id AND p.deleted_at IS NULL
                  AND p.phase <> 'exited') AS own
         FROM membership m JOIN app_user u ON u.id = m.user_id JOIN org ON org.id = m.organisation_id
        WHERE m.role = 'jobcoach'
          -- Absent or covering a colleague today: their day holds someone else's persons too.
          AND NOT EXISTS (SELECT 1 FROM absence a WHERE (a.coach_id = u.id OR a.cover_coach_id = u.id)
                            AND a.from_on <= $1 AND a.to_on >= $1)
        ORDER BY u.email`,
      [REFERENCE_DAY],
    );
    return r.rows;
  });
}

/** The three groups, or null when the installation's organisations are all of one size. */
function groupsOf(all: Coach[]): { label: string; coaches: Coach[] }[] | null {
  const sizes = [...new Set(all.map((c) => c.orgPersons))].sort((a, b) => a - b);
  if (sizes.length < 3) return null;
  const largest = sizes.at(-1)!;
  // The smallest organisations: those of the smallest third of sizes, smallest first.
  const small = sizes[Math.floor((sizes.length - 1) / 3)]!;
  const bySize = all
    .filter((c) => c.orgPersons <= small)
    .sort((a, b) => a.orgPersons - b.orgPersons || a.email.localeCompare(b.email));
  const heaviest = all
    .filter((c) => c.coaches === 1)
    .sort((a, b) => b.own - a.own || a.email.localeCompare(b.email));
  return [
    {
      label: 'largest organisation',
      coaches: all.filter((c) => c.orgPersons === largest).slice(0, GROUP_SIZE),
    },
    { label: 'single coach, largest caseloads', coaches: heaviest.slice(0, GROUP_SIZE) },
    { label: 'smallest organisations', coaches: bySize.slice(0, GROUP_SIZE) },
  ];
}

async function window(
  server: BenchServer,
  databaseUrl: string,
  group: Group,
  seconds: number,
  keep: boolean,
) {
  let next = 0;
  const cpuBefore = processCpuMs(server.pid);
  const pgBefore = postgresCpuMs(databaseUrl);
  const latencies: number[] = [];
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${server.url}/api/my-day`,
        connections: 1,
        duration: seconds,
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, cookie: group.cookies[next++ % group.cookies.length]! },
            }),
          },
        ],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status === 200) latencies.push(ms);
    });
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`my-day (${group.label}): ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  if (!keep) return;
  const cpuAfter = processCpuMs(server.pid);
  const pgAfter = postgresCpuMs(databaseUrl);
  group.latencies.push(...latencies);
  group.seconds += seconds;
  group.serverCpuMs += cpuBefore === null || cpuAfter === null ? Number.NaN : cpuAfter - cpuBefore;
  group.postgresCpuMs =
    group.postgresCpuMs === null || pgBefore === null || pgAfter === null
      ? null
      : group.postgresCpuMs + (pgAfter - pgBefore);
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export async function measureMyDayBySize(databaseUrl: string): Promise<Measure[]> {
  const plan = groupsOf(await coachesOf(databaseUrl));
  if (!plan) {
    log('myday-by-size: the organisations are all of one size, nothing to compare');
    return [];
  }
  const server = await startBenchServer(databaseUrl);
  try {
    const groups: Group[] = [];
    for (const g of plan) {
      const group: Group = {
        ...g,
        cookies: [],
        latencies: [],
        seconds: 0,
        serverCpuMs: 0,
        postgresCpuMs: 0,
        bytes: [],
      };
      for (const coach of g.coaches) {
        const cookie = await login(server.url, coach.email, BENCH_PASSWORD);
        group.cookies.push(cookie);
        // One answer per coach first: its size, and the warm-up.
        const res = await fetch(`${server.url}/api/my-day`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`my-day of ${coach.email}: ${res.status}`);
        group.bytes.push((await res.arrayBuffer()).byteLength);
      }
      groups.push(group);
    }
    log(`myday-by-size: ${ROUNDS} rounds of ${WINDOW_S} s per group, one connection`);
    for (const g of groups) await window(server, databaseUrl, g, 1, false);
    for (let round = 0; round < ROUNDS; round++) {
      // Which group goes first turns too.
      for (let k = 0; k < groups.length; k++) {
        await window(server, databaseUrl, groups[(round + k) % groups.length]!, WINDOW_S, true);
      }
    }

    const smallest = groups.at(-1)!;
    const out: Measure[] = [];
    const perAnswer = (ms: number | null, g: Group) => (ms === null ? Number.NaN : ms / g.latencies.length);
    for (const g of groups) {
      const orgPersons = [...new Set(g.coaches.map((c) => c.orgPersons))];
      const orgs =
        orgPersons.length === 1
          ? `${orgPersons[0]!.toLocaleString('en')} persons`
          : `${Math.min(...orgPersons)}–${Math.max(...orgPersons)} persons`;
      const perOrganisation = mean(g.coaches.map((c) => c.coaches)).toFixed(0);
      const label = `Ma journée by size, ${g.label} (${g.coaches.length} coaches; ${orgs}, ${perOrganisation} ${
        perOrganisation === '1' ? 'coach' : 'coaches'
      } per organisation; ${mean(g.coaches.map((c) => c.own)).toFixed(
        0,
      )} live persons per coach, ${mean(g.coaches.map((c) => c.queue)).toFixed(0)} unassigned in the queue)`;
      log(`myday-by-size: ${label}: ${g.latencies.length} answers`);
      const row = (name: string, unit: string, ours: number, base: number): Measure => ({
        name: `${label}, ${name}`,
        unit,
        ours,
        baseline: g === smallest ? null : base,
        baselineName: g === smallest ? undefined : 'coaches of the smallest organisations',
        ratio: g === smallest ? null : ours / base,
        budget: null,
        pass: null,
      });
      for (const p of [50, 95]) {
        out.push(row(`p${p}`, 'ms', percentile(g.latencies, p), percentile(smallest.latencies, p)));
      }
      out.push(
        row(
          'server CPU per answer',
          'ms',
          perAnswer(g.serverCpuMs, g),
          perAnswer(smallest.serverCpuMs, smallest),
        ),
        row(
          'PostgreSQL CPU per answer',
          'ms',
          perAnswer(g.postgresCpuMs, g),
          perAnswer(smallest.postgresCpuMs, smallest),
        ),
        row('answer size', 'kB', mean(g.bytes) / 1024, mean(smallest.bytes) / 1024),
      );
    }
    return out;
  } finally {
    await server.stop();
  }
}
