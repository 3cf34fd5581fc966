import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BackupError,
  type DatabaseHandle,
  DataDirInUseError,
  listBackups,
  migrate,
  openDatabase,
  restoreBackup,
  takeBackup,
} from '@jobcoach/db';
import { testTargets } from '@jobcoach/db/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { loadConfig } from '../src/config.ts';
import { PILOT_FROM, PILOT_TO, seedPilot2002 } from './fixtures/pilot-2002.ts';
import { Client, PASSWORD, setupInstallation, startTestApp } from './helpers.ts';

const scratch: string[] = [];
function scratchDir() {
  const dir = mkdtempSync(join(tmpdir(), 'jobcoach-backup-'));
  scratch.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** An empty PostgreSQL database of its own on the test server; dropped by `drop()`. */
async function emptyPostgres() {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `jobcoach_restore_${Math.random().toString(16).slice(2, 10)}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The steering report (without the moment it was produced) and the audit log, as the admin reads them. */
async function observe(admin: Client) {
  const orgs = (await admin.get('/api/organisations')).json as { id: string }[];
  const report = await admin.get(
    `/api/reports/steering?from=${PILOT_FROM}&to=${PILOT_TO}&organisationIds=${orgs.map((o) => o.id).join(',')}`,
  );
  expect(report.status).toBe(200);
  const { generatedAt: _, ...steering } = report.json;
  const audit = await admin.get('/api/audit?limit=1000');
  expect(audit.status).toBe(200);
  return { steering, audit: audit.json as { id: string }[] };
}

describe.each(testTargets())('backup and restore ($driver)', (target) => {
  it('backup → wipe → restore gives the same steering report and the same audit log', async () => {
    const t = await startTestApp(target);
    const { admin } = await setupInstallation(t, 'Installation wallonne');
    await seedPilot2002(t.handle.db, await hashPassword(PASSWORD));
    const before = await observe(admin);
    expect(before.steering.tables.length).toBeGreaterThan(0);
    expect(before.audit.length).toBeGreaterThan(0);

    const backups = scratchDir();
    const backup = await takeBackup(t.handle, { directory: backups });
    expect(backup.bytes).toBeGreaterThan(1000);
    expect(listBackups(backups).map((b) => b.name)).toEqual([backup.name]);

    // Wipe: the in-memory database is gone with its process; the PostgreSQL one is dropped.
    await t.close();

    let handle: DatabaseHandle;
    let drop = async () => undefined as unknown;
    if (target.driver === 'pglite') {
      const dataDir = scratchDir();
      const result = await restoreBackup(backup.path, { dataDir }, { safetyDirectory: backups });
      expect(result.safety).toBeNull();
      handle = await openDatabase({ dataDir });
    } else {
      const empty = await emptyPostgres();
      drop = empty.drop;
      const result = await restoreBackup(
        backup.path,
        { databaseUrl: empty.url },
        { safetyDirectory: backups },
      );
      expect(result.safety).toBeNull();
      handle = await openDatabase({ databaseUrl: empty.url, poolSize: 4 });
    }
    try {
      expect(await migrate(handle.db)).toEqual([]);
      const app = await buildApp({
        database: handle,
        config: loadConfig({}, { logLevel: 'silent' }),
        web: false,
        logger: false,
      });
      await app.ready();
      try {
        // The admin's session was in the database too: the same cookie still works.
        const again = new Client(app);
        again.cookie = admin.cookie;
        again.csrf = admin.csrf;
        const after = await observe(again);
        expect(after.steering).toEqual(before.steering);
        const last = Math.max(...before.audit.map((a) => Number(a.id)));
        expect(after.audit.filter((a) => Number(a.id) <= last)).toEqual(before.audit);
      } finally {
        await app.close();
      }
    } finally {
      await handle.close();
      await drop();
    }
  });

  it('keeps the last backups only, never lists a partial file, and names each by its time', async () => {
    const handle = await target.open();
    try {
      const backups = scratchDir();
      // What a backup killed while writing leaves behind.
      writeFileSync(join(backups, 'jobcoach-20240101T020000Z.tar.gz.partial'), 'truncated');
      const taken = [];
      for (let day = 1; day <= 4; day++) {
        taken.push(
          await takeBackup(handle, {
            directory: backups,
            keep: 3,
            now: new Date(`2024-03-0${day}T01:00:00Z`),
          }),
        );
      }
      const listed = listBackups(backups);
      expect(listed.map((b) => b.name)).toEqual(
        taken
          .slice(1)
          .reverse()
          .map((b) => b.name),
      );
      expect(listed[0]!.takenAt).toBe('2024-03-04T01:00:00.000Z');
      expect(listed[0]!.name).toMatch(/^jobcoach-20240304T010000Z\.(tar\.gz|dump)$/);
      // The partial file is not a backup (it goes once old enough to be surely abandoned).
      expect(readdirSync(backups).filter((n) => n.endsWith('.partial'))).toHaveLength(1);
    } finally {
      await handle.close();
    }
  });
});

describe('restoring refuses what would lose data', () => {
  it('refuses the embedded data directory while a process has it open, and a backup of the other engine', async () => {
    const dataDir = scratchDir();
    const backups = scratchDir();
    const handle = await openDatabase({ dataDir, command: 'jobcoach start' });
    try {
      await migrate(handle.db);
      const backup = await takeBackup(handle, { directory: backups });
      await expect(restoreBackup(backup.path, { dataDir }, { safetyDirectory: backups })).rejects.toThrow(
        DataDirInUseError,
      );
      const dump = join(backups, 'jobcoach-20240101T000000Z.dump');
      writeFileSync(dump, 'x');
      await expect(restoreBackup(dump, { dataDir }, { safetyDirectory: backups })).rejects.toThrow(
        BackupError,
      );
    } finally {
      await handle.close();
    }
  });

  it('saves the embedded database it replaces, and leaves it untouched when the backup is unreadable', async () => {
    const dataDir = scratchDir();
    const backups = scratchDir();
    let handle = await openDatabase({ dataDir });
    await migrate(handle.db);
    await handle.db.insertInto('basin').values({ name: 'Bassin de test' }).execute();
    const backup = await takeBackup(handle, { directory: backups });
    await handle.db.insertInto('basin').values({ name: 'Ajouté après la sauvegarde' }).execute();
    await handle.close();

    const broken = join(backups, 'jobcoach-20240101T000000Z.tar.gz');
    writeFileSync(broken, Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    await expect(restoreBackup(broken, { dataDir }, { safetyDirectory: backups })).rejects.toThrow(
      BackupError,
    );
    const result = await restoreBackup(backup.path, { dataDir }, { safetyDirectory: backups });
    expect(result.safety?.name).toMatch(/-before-restore\.tar\.gz$/);
    expect(existsSync(result.safety!.path)).toBe(true);

    handle = await openDatabase({ dataDir });
    try {
      const names = (await handle.db.selectFrom('basin').select('name').execute()).map((b) => b.name);
      expect(names).toContain('Bassin de test');
      expect(names).not.toContain('Ajouté après la sauvegarde');
    } finally {
      await handle.close();
    }
    // The saved database holds what the restore replaced.
    const check = scratchDir();
    await restoreBackup(result.safety!.path, { dataDir: check }, { safetyDirectory: scratchDir() });
    handle = await openDatabase({ dataDir: check });
    try {
      const names = (await handle.db.selectFrom('basin').select('name').execute()).map((b) => b.name);
      expect(names).toContain('Ajouté après la sauvegarde');
    } finally {
      await handle.close();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'refuses a PostgreSQL database that sessions still use, changing nothing',
    async () => {
      const empty = await emptyPostgres();
      const backups = scratchDir();
      const handle = await openDatabase({ databaseUrl: empty.url, poolSize: 2 });
      try {
        await migrate(handle.db);
        const backup = await takeBackup(handle, { directory: backups });
        await handle.db.insertInto('basin').values({ name: 'Encore là' }).execute();
        // The server's pool keeps its connections open.
        await expect(
          restoreBackup(backup.path, { databaseUrl: empty.url }, { safetyDirectory: backups }),
        ).rejects.toThrow(/un serveur Jobcoach/);
        const names = (await handle.db.selectFrom('basin').select('name').execute()).map((b) => b.name);
        expect(names).toContain('Encore là');
      } finally {
        await handle.close();
        await empty.drop();
      }
    },
  );
});
