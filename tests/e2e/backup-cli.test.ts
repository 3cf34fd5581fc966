import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { jobcoach } from './support/cli.ts';
import { HttpSession, setUpInstallation } from './support/http.ts';
import { ADMIN_URL, scratchDatabase } from './support/postgres.ts';
import { ROOT, startServer } from './support/server.ts';

const PASSWORD = 'correct horse battery staple';
const BACKUP_NAME = /^jobcoach-\d{8}T\d{6}Z(-[a-z0-9-]+)?\.(tar\.gz|dump)$/;

async function addPerson(url: string, lastName: string) {
  const admin = await HttpSession.login(url, 'admin@forma.example', PASSWORD);
  const res = await admin.post('/api/persons', {
    firstName: 'Hélène',
    lastName,
    birthDate: '1975-04-12',
    sex: 'woman',
    referral: { kind: 'spontaneous', receivedOn: '2024-01-15' },
  });
  expect(res.status).toBe(201);
}

async function personNames(url: string): Promise<string[]> {
  const admin = await HttpSession.login(url, 'admin@forma.example', PASSWORD);
  const res = await admin.get('/api/persons');
  expect(res.status).toBe(200);
  return ((res.json.items ?? res.json) as { lastName: string }[]).map((p) => p.lastName);
}

/**
 * `jobcoach backup`, killed with SIGKILL after `ms` milliseconds, or (`'writing'`) the instant a
 * new file appears in the backups directory: frozen at once (SIGSTOP), then killed, so that it
 * dies while writing.
 */
function backupKilled(when: number | 'writing', env: Record<string, string>, backups: string) {
  return new Promise<void>((resolve) => {
    const before = new Set(readdirSync(backups));
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'jobcoach.js'), 'backup'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: 'ignore',
    });
    const kill = () => child.kill('SIGKILL');
    const watcher =
      when === 'writing'
        ? watch(backups, (_event, name) => {
            if (!name || before.has(name)) return;
            child.kill('SIGSTOP');
            kill();
          })
        : null;
    const timer = when === 'writing' ? null : setTimeout(kill, when);
    child.on('exit', () => {
      if (timer) clearTimeout(timer);
      watcher?.close();
      resolve();
    });
  });
}

describe('jobcoach backup and restore on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jobcoach-backup-cli-'));
  const backups = join(dataDir, 'backups');
  const env = { DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('backs up, survives kill -9 at any moment, and restores after the data directory is wiped', async () => {
    const server = await startServer({ dataDir });
    try {
      expect((await setUpInstallation(server.url, server.setupLink()!, PASSWORD)).status).toBe(201);
      await addPerson(server.url, 'Sauvegardée');
      // Refused while the server has the database, with what to do instead.
      const refused = await jobcoach(['backup'], env);
      expect(refused.code, refused.out).toBe(3);
      expect(refused.out).toContain(`pid ${server.pid}`);
      expect(refused.out).toContain('chaque nuit');
      const restoreRefused = await jobcoach(['restore', join(dataDir, 'none.tar.gz')], env);
      expect(restoreRefused.code).not.toBe(0);
    } finally {
      await server.stop();
    }

    const first = await jobcoach(['backup'], env);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/Sauvegarde de .* écrite : .*\.tar\.gz \(\d+(,\d)? Mo\)/);
    const good = readdirSync(backups).filter((n) => BACKUP_NAME.test(n));
    expect(good).toHaveLength(1);
    const goodBytes = readFileSync(join(backups, good[0]!));

    // Backups killed at every stage: starting, reading the database, writing the file.
    for (const when of [500, 1500, 2500, 3500, 'writing', 'writing'] as const) {
      await backupKilled(when, env, backups);
      const names = readdirSync(backups);
      for (const name of names.filter((n) => BACKUP_NAME.test(n))) {
        // Every file under a backup's name is whole: it decompresses to the end.
        expect(() => gunzipSync(readFileSync(join(backups, name))), name).not.toThrow();
      }
      // The last good backup is still there, unchanged.
      expect(readFileSync(join(backups, good[0]!)).equals(goodBytes)).toBe(true);
      // Anything else is a partial file, never mistaken for a backup.
      for (const name of names.filter((n) => !BACKUP_NAME.test(n))) expect(name).toMatch(/\.partial$/);
    }

    // Wipe the database, then restore the first backup.
    rmSync(join(dataDir, 'pgdata'), { recursive: true, force: true });
    const restored = await jobcoach(['restore', join(backups, good[0]!)], env);
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toContain('Base restaurée');
    const again = await startServer({ dataDir });
    try {
      expect(again.setupLink()).toBeUndefined();
      expect(await personNames(again.url)).toContain('Sauvegardée');
    } finally {
      await again.stop();
    }
  });
});

describe.skipIf(!ADMIN_URL)('jobcoach backup and restore on PostgreSQL', () => {
  const work = mkdtempSync(join(tmpdir(), 'jobcoach-backup-pg-'));
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await drop?.();
    rmSync(work, { recursive: true, force: true });
  });

  it('dumps with pg_dump, refuses to restore under a running server, restores once it is stopped', async () => {
    const database = await scratchDatabase('jobcoach_backup');
    drop = database.drop;
    const env = { DATABASE_URL: database.url, DATA_DIR: work };
    const server = await startServer({ env });
    const file = join(work, 'avant.dump');
    try {
      expect((await setUpInstallation(server.url, server.setupLink()!, PASSWORD)).status).toBe(201);
      await addPerson(server.url, 'Dans la sauvegarde');
      // pg_dump works beside a running server.
      const dumped = await jobcoach(['backup', '--out', file], env);
      expect(dumped.code, dumped.out).toBe(0);
      await addPerson(server.url, 'Après la sauvegarde');
      const refused = await jobcoach(['restore', file], env);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('un serveur Jobcoach');
    } finally {
      await server.stop();
    }
    const restored = await jobcoach(['restore', file], env);
    expect(restored.code, restored.out).toBe(0);
    // What it replaced was saved first.
    expect(restored.out).toMatch(/sauvegardée : .*before-restore\.dump/);
    const again = await startServer({ env });
    try {
      const names = await personNames(again.url);
      expect(names).toContain('Dans la sauvegarde');
      expect(names).not.toContain('Après la sauvegarde');
    } finally {
      await again.stop();
    }
  });
});
