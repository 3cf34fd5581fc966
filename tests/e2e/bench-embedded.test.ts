import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { copyIntoEmbedded, countMismatches } from '../../bench/src/embedded.ts';
import { ADMIN_URL, scratchDatabase } from './support/postgres.ts';
import { ROOT } from './support/server.ts';

if (!ADMIN_URL)
  console.warn('bench-embedded: TEST_DATABASE_URL is not set, the embedded copy test is SKIPPED');

function generatePilot(url: string) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench', 'src', 'main.ts'), '--scale', 'pilot', '--generate-only'],
      { cwd: ROOT, env: { ...process.env, BENCH_DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] },
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

// The bench measures the embedded database on a copy of the generated PostgreSQL one: the copy
// must hold every row of every table, and the rows as they are (summary columns included).
describe.skipIf(!ADMIN_URL)('the bench copies a generated scale into the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jobcoach-bench-embedded-'));
  let drop: (() => Promise<void>) | null = null;

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await drop?.();
  });

  it('gives the same row counts as the PostgreSQL source, and the same rows', async () => {
    const scratch = await scratchDatabase('jobcoach_bench_embedded');
    drop = scratch.drop;
    const { code, out } = await generatePilot(scratch.url);
    expect(code, out).toBe(0);

    const copy = await copyIntoEmbedded(scratch.url, dataDir);
    expect(countMismatches(copy)).toEqual([]);
    expect(copy.copy.person).toBeGreaterThan(300);
    expect(copy.copy.contact).toBeGreaterThan(10_000);
    // What the migrations seeded gave way to the source's rows, not added to them.
    expect(copy.copy.basin).toBe(copy.source.basin);

    // The same rows, column for column, summary columns included (triggers did not recompute them).
    const digest = `SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS d FROM person t`;
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    let source: string;
    try {
      await client.query(`SET TimeZone = 'UTC'`);
      source = (await client.query<{ d: string }>(digest)).rows[0]!.d;
    } finally {
      await client.end();
    }
    const pglite = new PGlite(join(dataDir, 'pgdata'));
    try {
      await pglite.exec(`SET TimeZone = 'UTC'`);
      const copied = await pglite.query<{ d: string }>(digest);
      expect(copied.rows[0]!.d).toBe(source);
    } finally {
      await pglite.close();
    }
  });
});
