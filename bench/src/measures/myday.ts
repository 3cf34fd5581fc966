import autocannon, { type Result } from 'autocannon';
import { log, withClient } from '../database.ts';
import { BENCH_PASSWORD } from '../scales.ts';
import { login, startBenchServer } from '../server-process.ts';
import { type Measure, percentile } from '../table.ts';

const CONNECTIONS = 32;
const DURATION_S = 10;
const WARMUP_S = 3;

/** One autocannon run; every connection carries its own coach's session. */
async function load(url: string, cookies: readonly string[], seconds: number) {
  const latencies: number[] = [];
  let next = 0;
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        setupClient: (client) => client.setHeaders({ cookie: cookies[next++ % cookies.length]! }),
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status === 200) latencies.push(ms);
    });
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return { latencies, rps: latencies.length / seconds };
}

/**
 * "Ma journée" (GET /api/my-day) under 32 concurrent clients, each logged in as a different coach,
 * against the bench's minimal route (same session check, one indexed query) on the same server.
 */
export async function measureMyDay(databaseUrl: string): Promise<Measure[]> {
  // Coaches spread over the organisations, one session each (deterministic order).
  const emails = await withClient(databaseUrl, async (c) => {
    const r = await c.query<{ email: string }>(
      `SELECT u.email FROM app_user u JOIN membership m ON m.user_id = u.id
        WHERE m.role = 'jobcoach' ORDER BY u.email`,
    );
    const all = r.rows.map((x) => x.email);
    const step = Math.max(1, Math.floor(all.length / CONNECTIONS));
    return Array.from({ length: CONNECTIONS }, (_, i) => all[(i * step) % all.length]!);
  });
  const server = await startBenchServer(databaseUrl);
  try {
    const cookies: string[] = [];
    for (const email of emails) cookies.push(await login(server.url, email, BENCH_PASSWORD));
    const idleRss = server.rssMb();
    log(`myday: warming up (${WARMUP_S} s each), then ${DURATION_S} s with ${CONNECTIONS} connections`);
    await load(`${server.url}/api/my-day`, cookies, WARMUP_S);
    await load(`${server.url}/api/bench/minimal`, cookies, WARMUP_S);

    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, server.rssMb());
    }, 200);
    const ours = await load(`${server.url}/api/my-day`, cookies, DURATION_S);
    clearInterval(sampler);
    const base = await load(`${server.url}/api/bench/minimal`, cookies, DURATION_S);
    log(
      `myday: ${ours.latencies.length} answers (minimal route ${base.latencies.length}), peak RSS ${peakRss.toFixed(0)} MB`,
    );

    const out: Measure[] = [];
    const budgets: Record<number, number> = { 95: 100 };
    for (const p of [50, 95, 99]) {
      const a = percentile(ours.latencies, p);
      const b = percentile(base.latencies, p);
      const budget = budgets[p];
      out.push({
        name: `Ma journée, 32 clients, p${p}`,
        unit: 'ms',
        ours: a,
        baseline: b,
        baselineName: 'minimal route (session + one indexed query)',
        ratio: a / b,
        budget: budget ? `≤ ${budget} ms and ≤ 2× baseline` : null,
        pass: budget ? a <= budget && a <= 2 * b : null,
      });
    }
    out.push({
      name: 'Ma journée, 32 clients, throughput',
      unit: 'req/s',
      ours: ours.rps,
      baseline: base.rps,
      baselineName: 'minimal route',
      ratio: base.rps / ours.rps,
      budget: null,
      pass: null,
    });
    out.push({
      name: 'Server memory during Ma journée (peak RSS)',
      unit: 'MB',
      ours: peakRss,
      baseline: idleRss,
      baselineName: 'same server, idle after start',
      ratio: peakRss / idleRss,
      budget: null,
      pass: null,
    });
    return out;
  } finally {
    await server.stop();
  }
}
