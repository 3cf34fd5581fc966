import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DataDirInUseError,
  LOCK_FILE,
  type LockOwner,
  migrate,
  openDatabase,
  PGDATA_DIR,
} from '../src/index.ts';

const HOLDER = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'lock-holder.ts');
const dirs: string[] = [];
const children: ChildProcess[] = [];
function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'jobcoach-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function holder(mode: 'hold' | 'try', dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, mode, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  const answered = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('\n')) {
        clearInterval(timer);
        resolve(out.trim());
      }
    }, 20);
    child.once('exit', (code) => {
      if (!out.includes('\n')) {
        clearInterval(timer);
        reject(new Error(`holder exited with ${code}`));
      }
    });
  });
  return { child, answered };
}

/** A pid that surely belongs to no process now: one that just ended. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim());
}

function writeLock(dir: string, owner: Partial<LockOwner>) {
  writeFileSync(
    join(dir, LOCK_FILE),
    JSON.stringify({
      host: hostname(),
      command: 'jobcoach start',
      startedAt: new Date().toISOString(),
      ...owner,
    }),
  );
}

describe('the embedded data directory has one writer', () => {
  it('refuses a second holder in the same process, naming the first, and lets go on release', () => {
    const dir = scratch();
    const lock = acquireDataDirLock(dir, 'jobcoach start');
    lock.update({ address: 'http://127.0.0.1:3000' });
    expect(() => acquireDataDirLock(dir, 'jobcoach import')).toThrow(DataDirInUseError);
    try {
      acquireDataDirLock(dir, 'jobcoach import');
    } catch (error) {
      expect((error as Error).message).toContain(`pid ${process.pid}`);
      expect((error as Error).message).toContain('http://127.0.0.1:3000');
      expect((error as Error).message).toContain('« jobcoach start »');
      expect((error as Error).message).toMatch(/déjà utilisé/);
    }
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    acquireDataDirLock(dir, 'jobcoach import').release();
  });

  it('refuses while another process holds it, and takes over once that process is killed', async () => {
    const dir = scratch();
    const running = holder('hold', dir);
    expect(await running.answered).toBe('held');
    let refusal = '';
    try {
      acquireDataDirLock(dir, 'jobcoach import');
    } catch (error) {
      refusal = (error as Error).message;
    }
    expect(refusal).toContain(`pid ${running.child.pid}`);
    expect(refusal).toContain('http://127.0.0.1:4999');
    // kill -9: no chance to remove its lock file, which stays behind.
    running.child.kill('SIGKILL');
    await new Promise((resolve) => running.child.once('exit', resolve));
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    const lock = acquireDataDirLock(dir, 'jobcoach start');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock naming a dead pid, a reused pid, or this very pid from a previous life', () => {
    const dir = scratch();
    writeLock(dir, { pid: Number(deadPid()) });
    acquireDataDirLock(dir, 'jobcoach start').release();
    // pid 1 is alive, but it is not the process that wrote the lock: its start time differs.
    writeLock(dir, { pid: 1, processStart: '1' });
    acquireDataDirLock(dir, 'jobcoach start').release();
    writeLock(dir, { pid: process.pid });
    acquireDataDirLock(dir, 'jobcoach start').release();
    // An unreadable lock file left by a crash while it was being written.
    writeFileSync(join(dir, LOCK_FILE), '{"pid": 12');
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, LOCK_FILE), old, old);
    acquireDataDirLock(dir, 'jobcoach start').release();
  });

  it('gives a stale lock to exactly one of several processes taking it over at once', async () => {
    const dir = scratch();
    writeLock(dir, { pid: Number(deadPid()) });
    const contenders = Array.from({ length: 6 }, () => holder('try', dir));
    const answers = await Promise.all(contenders.map((c) => c.answered));
    expect(answers.filter((a) => a === 'held')).toHaveLength(1);
    expect(answers.filter((a) => a.startsWith('in use:'))).toHaveLength(5);
  });

  it('refuses to open the embedded database twice, and opens it again once closed', async () => {
    const dir = scratch();
    const first = await openDatabase({ dataDir: dir, command: 'jobcoach start' });
    await expect(openDatabase({ dataDir: dir, command: 'jobcoach migrate' })).rejects.toThrow(
      DataDirInUseError,
    );
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    await second.close();
  });

  it('moves the files of an older layout (PGlite directly in DATA_DIR) into pgdata, keeping the data', async () => {
    const dir = scratch();
    const legacy = new PGlite(dir);
    await legacy.exec("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here');");
    await legacy.close();
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    // A first move interrupted half-way: a few entries already moved.
    const moving = join(dir, `${PGDATA_DIR}.moving`);
    mkdirSync(moving);
    for (const entry of readdirSync(dir)
      .filter((e) => e.startsWith('pg_'))
      .slice(0, 3)) {
      renameSync(join(dir, entry), join(moving, entry));
    }
    const handle = await openDatabase({ dataDir: dir });
    try {
      const rows = await sql<{ v: string }>`SELECT v FROM kept`.execute(handle.db);
      expect(rows.rows).toEqual([{ v: 'still here' }]);
      await migrate(handle.db);
    } finally {
      await handle.close();
    }
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
    expect(existsSync(join(dir, PGDATA_DIR, 'PG_VERSION'))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([PGDATA_DIR]);
  });
});
