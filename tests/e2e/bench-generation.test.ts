import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_URL, adminQuery } from './support/postgres.ts';
import { ROOT } from './support/server.ts';

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

// The region's generation is the same code at a larger scale: the pilot scale checks, in seconds,
// that a fresh generation goes through on a database of the name given, and leaves it analysed.
describe.skipIf(!ADMIN_URL)('the bench generates its data from scratch', () => {
  const name = `jobcoach_bench_check_${randomBytes(4).toString('hex')}`;
  const url = new URL(ADMIN_URL ?? 'postgres://localhost/postgres');
  url.pathname = `/${name}`;

  afterAll(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('generates the pilot scale into the database named by BENCH_DATABASE_URL', async () => {
    const { code, out } = await bench(['--scale', 'pilot', '--fresh', '--generate-only'], {
      BENCH_DATABASE_URL: url.toString(),
    });
    expect(code, out).toBe(0);
    expect(out).toContain(`into database ${name}`);

    const [marker] = await adminQuery<{ scale: string }>(
      'SELECT scale FROM bench_marker',
      [],
      url.toString(),
    );
    expect(marker?.scale).toBe('pilot');
    const [persons] = await adminQuery<{ n: number; estimated: number }>(
      `SELECT count(*)::int AS n, (SELECT reltuples::int FROM pg_class WHERE relname = 'person') AS estimated
         FROM person`,
      [],
      url.toString(),
    );
    expect(persons!.n).toBeGreaterThan(300);
    // Analysed after the load, not before: the planner knows the rows are there.
    expect(persons!.estimated).toBe(persons!.n);
  });
});
