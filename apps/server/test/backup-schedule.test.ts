import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACKUPS_DIR, listBackups, migrate, openDatabase, sql } from '@jobcoach/db';
import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { Clock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import {
  BACKUP_CRON,
  BACKUP_QUEUE,
  type Jobs,
  MAINTENANCE_CRON,
  MAINTENANCE_QUEUE,
  RETENTION_QUEUE,
  startJobs,
} from '../src/privacy/jobs.ts';
import {
  addUser,
  type Client,
  loginAs,
  runJob,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';

/** The queue has a schedule at that cron, in Brussels time. */
async function expectScheduled(jobs: Jobs, name: string, cron: string) {
  expect(await jobs.boss.getSchedules()).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name, cron, options: expect.objectContaining({ tz: 'Europe/Brussels' }) }),
    ]),
  );
}

/** The server's own backups of the embedded database: nightly on pg-boss, shown to the admin. */
describe('backups of the embedded database by its server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jobcoach-nightly-'));
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    const handle = await openDatabase({ dataDir, command: 'jobcoach start' });
    await migrate(handle.db);
    const clock = new Clock();
    const config = loadConfig({}, { logLevel: 'silent', dataDir });
    const app = await buildApp({ database: handle, config, clock, web: false, logger: false });
    await app.ready();
    t = {
      app,
      handle,
      clock,
      close: async () => {
        await app.close();
        await handle.close();
      },
    };
    ({ admin } = await setupInstallation(t));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has none at first, and says so', async () => {
    const res = await admin.get('/api/backups');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      engine: 'pglite',
      scheduled: true,
      directory: join(dataDir, BACKUPS_DIR),
      keep: 14,
      count: 0,
      last: null,
      lastError: null,
    });
  });

  it('schedules a backup every night at two, Brussels time, and the job writes one', async () => {
    const jobs = await startJobs(t.app.deps, { pollingIntervalSeconds: 0.5 });
    try {
      await expectScheduled(jobs, BACKUP_QUEUE, BACKUP_CRON);
      expect(BACKUP_CRON).toBe('0 2 * * *');
      const job = await runJob(jobs, BACKUP_QUEUE);
      expect(job?.state).toBe('completed');
    } finally {
      await jobs.stop();
    }
    const files = listBackups(join(dataDir, BACKUPS_DIR));
    expect(files).toHaveLength(1);
    const res = await admin.get('/api/backups');
    expect(res.json.count).toBe(1);
    expect(res.json.last).toEqual({
      name: files[0]!.name,
      takenAt: files[0]!.takenAt,
      bytes: files[0]!.bytes,
    });
    expect(res.json.last.bytes).toBeGreaterThan(1000);
  });

  it('vacuums and analyses the database every night at half past three (no autovacuum in it)', async () => {
    const jobs = await startJobs(t.app.deps, { pollingIntervalSeconds: 0.5 });
    const statistics = async () =>
      (
        await sql<{ columns: number; all_visible: number }>`
          SELECT (SELECT count(*) FROM pg_stats WHERE schemaname = 'public' AND tablename = 'audit_log')::int AS columns,
                 (SELECT relallvisible FROM pg_class WHERE oid = 'public.audit_log'::regclass)::int AS all_visible`.execute(
          t.handle.db,
        )
      ).rows[0]!;
    try {
      await expectScheduled(jobs, MAINTENANCE_QUEUE, MAINTENANCE_CRON);
      expect(MAINTENANCE_CRON).toBe('30 3 * * *');
      // The setup and the logins wrote audit rows; nothing has analysed the table yet.
      expect(await statistics()).toEqual({ columns: 0, all_visible: 0 });
      const job = await runJob(jobs, MAINTENANCE_QUEUE);
      expect(job?.state).toBe('completed');
      const after = await statistics();
      expect(after.columns).toBeGreaterThan(3);
      expect(after.all_visible).toBeGreaterThan(0);
    } finally {
      await jobs.stop();
    }
  });

  it('takes one on the admin’s demand, audited; nobody else may', async () => {
    const res = await admin.post('/api/backups');
    expect(res.status).toBe(201);
    expect(existsSync(join(dataDir, BACKUPS_DIR, res.json.name))).toBe(true);
    expect((await admin.get('/api/backups')).json.count).toBe(2);
    const audit = await admin.get('/api/audit?action=backup&entity=database');
    expect(audit.json[0]).toMatchObject({ action: 'backup', entity: 'database', entityId: res.json.name });

    const { organisationId } = {
      organisationId: (await admin.get('/api/organisations')).json[0].id as string,
    };
    await addUser(t, organisationId, 'coord@example.org', 'coordinator');
    const coordinator = await loginAs(t, 'coord@example.org');
    expect((await coordinator.get('/api/backups')).status).toBe(403);
    expect((await coordinator.post('/api/backups')).status).toBe(403);
  });
});

describe.each(testTargets())('no server backups without an embedded database on disk ($driver)', (target) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp(target);
    ({ admin } = await setupInstallation(t));
  });
  afterAll(() => t.close());

  it.runIf(target.driver === 'postgres')(
    'leaves the vacuum to the server’s autovacuum on PostgreSQL',
    async () => {
      const jobs = await startJobs(t.app.deps, { pollingIntervalSeconds: 0.5 });
      try {
        const names = (await jobs.boss.getSchedules()).map((s) => s.name);
        expect(names).toContain(RETENTION_QUEUE);
        expect(names).not.toContain(MAINTENANCE_QUEUE);
      } finally {
        await jobs.stop();
      }
    },
  );

  it('reports them as not the server’s job and refuses one on demand', async () => {
    const res = await admin.get('/api/backups');
    expect(res.json).toMatchObject({ engine: target.driver, scheduled: false, count: 0, last: null });
    const demand = await admin.post('/api/backups');
    expect(demand.status).toBe(409);
    expect(demand.json.error.message).toMatch(/pg_dump|PostgreSQL/);
  });
});
