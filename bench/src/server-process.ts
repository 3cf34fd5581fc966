import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from './database.ts';
import { percentile } from './table.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BenchServer {
  url: string;
  pid: number;
  /** Resident memory of the server process, MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

/**
 * Starts bench/src/server.ts in its own process, so that the load generator does not share its CPU:
 * on PostgreSQL (a connection string), or on an embedded data directory ({ dataDir }).
 */
export async function startBenchServer(database: string | { dataDir: string }): Promise<BenchServer> {
  const { DATABASE_URL: _, ...env } = process.env;
  const target =
    typeof database === 'string' ? { DATABASE_URL: database } : { BENCH_DATA_DIR: database.dataDir };
  // BENCH_SERVER_PROFILE=<directory>: the server writes a CPU profile there when it stops.
  const profile = process.env.BENCH_SERVER_PROFILE;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      '--import',
      'tsx',
      join(ROOT, 'bench', 'src', 'server.ts'),
    ],
    {
      cwd: ROOT,
      env: { ...env, ...target, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const deadline = Date.now() + 60_000;
  let url = '';
  while (!url) {
    const m = /listening (http:\/\/\S+)/.exec(out);
    if (m) url = m[1]!;
    else if (child.exitCode !== null) throw new Error(`bench server exited:\n${out}`);
    else if (Date.now() > deadline) throw new Error(`bench server did not start:\n${out}`);
    else await new Promise((r) => setTimeout(r, 100));
  }
  log(`server started at ${url} (pid ${child.pid})`);
  return {
    url,
    pid: child.pid!,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Logs in through the real login route; returns the session cookie. */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('jc_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

/** Sequential timed GETs; returns the latencies in ms. Fails on any non-200 answer. */
export async function timedGets(baseUrl: string, requests: readonly { path: string; cookie: string }[]) {
  const samples: number[] = [];
  for (const r of requests) {
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}${r.path}`, { headers: { cookie: r.cookie } });
    await res.arrayBuffer();
    samples.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`GET ${r.path}: ${res.status}`);
  }
  return samples;
}

export const p95 = (samples: readonly number[]) => percentile(samples, 95);
