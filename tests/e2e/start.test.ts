import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './support/server.ts';

const PASSWORD = 'correct horse battery staple';

async function setUp(url: string, link: string) {
  const token = new URL(link).searchParams.get('token');
  const status = (await (await fetch(`${url}/api/setup/status`)).json()) as {
    basins: { id: string; name: string }[];
  };
  const basinId = status.basins.find((b) => b.name === 'Namur')?.id;
  const res = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token,
      organisation: { name: 'FORMA Namur', kind: 'eft', basinId },
      admin: { name: 'Admin', email: 'admin@forma.example', password: PASSWORD },
    }),
  });
  expect(res.status).toBe(201);
}

describe('npm start on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jobcoach-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints its address and a one-time setup link, serves the app, and keeps the data across a restart', async () => {
    const first = await startServer({ dataDir });
    try {
      expect(first.output()).toContain(`Jobcoach is running at`);
      const health = await (await fetch(`${first.url}/api/health`)).json();
      expect(health).toEqual({ status: 'ok', database: { ok: true, driver: 'pglite' } });
      const page = await fetch(`${first.url}/setup`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      const link = first.setupLink();
      expect(link).toBeTruthy();
      await setUp(first.url, link!);
      const docs = await fetch(`${first.url}/api/docs/json`);
      expect(((await docs.json()) as { paths: Record<string, unknown> }).paths['/api/health']).toBeTruthy();
    } finally {
      await first.stop();
    }
    const second = await startServer({ dataDir });
    try {
      expect(second.setupLink()).toBeUndefined();
      const status = (await (await fetch(`${second.url}/api/setup/status`)).json()) as { needed: boolean };
      expect(status.needed).toBe(false);
      const login = await fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@forma.example', password: PASSWORD }),
      });
      expect(login.status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('npm start with DATABASE_URL on PostgreSQL', () => {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `jobcoach_start_${Date.now()}`;
  const query = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  afterAll(() => query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

  it('migrates the server database, reports it in the health check and offers setup', async () => {
    await query(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const server = await startServer({ env: { DATABASE_URL: url.toString() } });
    try {
      const health = await (await fetch(`${server.url}/api/health`)).json();
      expect(health).toEqual({ status: 'ok', database: { ok: true, driver: 'postgres' } });
      await setUp(server.url, server.setupLink()!);
    } finally {
      await server.stop();
    }
  });
});
