import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * The embedded database's data directory (DATA_DIR):
 *   DATA_DIR/jobcoach.lock   the writer lock: which process has the database open
 *   DATA_DIR/pgdata/         PGlite's own files (PostgreSQL's data directory)
 *   DATA_DIR/backups/        backups (jobcoach backup, the nightly one)
 *
 * PGlite is PostgreSQL running inside one process: two processes opening the same files each
 * believe they are alone, and the changes of one vanish under the other. So one process at a
 * time, the writer, holds the directory; any other (a command-line tool while the server runs, a
 * second server) is refused with the writer's pid and address.
 */
export const LOCK_FILE = 'jobcoach.lock';
export const PGDATA_DIR = 'pgdata';
export const BACKUPS_DIR = 'backups';

/** The lock holder rewrites the lock file's time this often (seen by processes on other hosts). */
const HEARTBEAT_MS = 15_000;
/** A lock whose holder cannot be checked otherwise is stale once its heartbeat is this old. */
const HEARTBEAT_STALE_MS = 60_000;
/** A takeover (removing a stale lock) takes milliseconds; a takeover file older than this was abandoned. */
const TAKEOVER_STALE_MS = 10_000;

export interface LockOwner {
  pid: number;
  host: string;
  /** The command that holds it, e.g. "jobcoach start". */
  command: string;
  startedAt: string;
  /** The server's address, once it listens. */
  address?: string;
  /** The process's start time as the kernel reports it (Linux), to tell a reused pid apart. */
  processStart?: string;
}

/** Refusal: another live process holds the data directory. The message is for the user (French). */
export class DataDirInUseError extends Error {
  readonly code = 'data_dir_in_use';
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `Le dossier de données ${dataDir} est déjà utilisé par un autre processus Jobcoach : ${describeOwner(owner)}. ` +
        'La base intégrée n’accepte qu’un seul processus à la fois : arrêtez d’abord celui-là.',
    );
  }
}

/** « jobcoach start », pid 1234, adresse http://127.0.0.1:3000, depuis le 05/03/2025 à 14:02 */
export function describeOwner(owner: LockOwner): string {
  const since = new Date(owner.startedAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const when = Number.isNaN(since.getTime())
    ? ''
    : `, depuis le ${pad(since.getDate())}/${pad(since.getMonth() + 1)}/${since.getFullYear()} à ${pad(since.getHours())}:${pad(since.getMinutes())}`;
  return [
    `« ${owner.command} »`,
    `pid ${owner.pid}`,
    ...(owner.host !== hostname() ? [`sur la machine ${owner.host}`] : []),
    ...(owner.address ? [`adresse ${owner.address}`] : []),
  ]
    .join(', ')
    .concat(when);
}

/** The kernel's start time of a process (field 22 of /proc/<pid>/stat), where there is a /proc. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after its end.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process named in a lock still holds it. On this host: its pid must exist and, where
 * the kernel tells start times, be the same process (a pid reused after a crash, or this very
 * process restarted under the same pid in a container, is not the holder). Elsewhere (a directory
 * shared between machines) or without start times: its heartbeat must be recent.
 */
export function ownerAlive(owner: LockOwner, heartbeatAt: number, now = Date.now()): boolean {
  const recent = now - heartbeatAt < HEARTBEAT_STALE_MS;
  if (owner.host !== hostname()) return recent;
  // Our own pid in a lock this process does not hold (see heldHere): a previous life of this pid,
  // as when a container restarts its one process.
  if (owner.pid === process.pid) return false;
  if (!pidExists(owner.pid)) return false;
  const start = processStart(owner.pid);
  if (start && owner.processStart) return start === owner.processStart;
  return recent;
}

function readOwner(path: string): { owner: LockOwner | null; raw: string; mtime: number } | null {
  try {
    const raw = readFileSync(path, 'utf8');
    const mtime = statSync(path).mtimeMs;
    try {
      const owner = JSON.parse(raw) as LockOwner;
      return { owner: typeof owner.pid === 'number' ? owner : null, raw, mtime };
    } catch {
      return { owner: null, raw, mtime };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function writeDurably(path: string, text: string, flags: string) {
  const fd = openSync(path, flags, 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface DataDirLock {
  readonly dataDir: string;
  readonly owner: LockOwner;
  /** Adds what other processes are told about the holder (the server's address). */
  update(fields: Partial<Pick<LockOwner, 'address'>>): void;
  release(): void;
}

/** The locks this process holds, by lock file. */
const heldHere = new Map<string, DataDirLock>();

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes the data directory's writer lock, or throws DataDirInUseError naming the live holder.
 * A lock left by a process that died (crash, kill -9, power cut) is taken over: its pid is gone,
 * or belongs to another process now, or (on another host) its heartbeat stopped.
 */
export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  // Opened twice in this very process would be two PGlite instances on the same files too.
  const mine = heldHere.get(path);
  if (mine) throw new DataDirInUseError(dataDir, mine.owner);
  const takeover = `${path}.takeover`;
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    command,
    startedAt: new Date().toISOString(),
    ...(processStart(process.pid) ? { processStart: processStart(process.pid) } : {}),
  };
  for (let attempt = 0; ; attempt++) {
    if (attempt > 200) throw new Error(`cannot take the lock ${path}`);
    try {
      writeDurably(path, JSON.stringify(owner), 'wx');
      const lock = holdLock(dataDir, path, owner);
      heldHere.set(path, lock);
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = readOwner(path);
    if (!found) continue; // released meanwhile: try again
    if (found.owner === null) {
      // Being written by a process that has just created it, or left empty by a crash then.
      if (Date.now() - found.mtime < 2_000) {
        sleepSync(50);
        continue;
      }
    } else if (ownerAlive(found.owner, found.mtime)) {
      throw new DataDirInUseError(dataDir, found.owner);
    }
    // Stale. Only the process holding the takeover file removes it, and only if it is still the
    // same stale lock: two processes finding it stale at once cannot remove each other's new lock.
    try {
      writeDurably(takeover, String(process.pid), 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(takeover).mtimeMs > TAKEOVER_STALE_MS) unlinkSync(takeover);
      } catch {
        // removed by its owner meanwhile
      }
      sleepSync(20);
      continue;
    }
    try {
      const again = readOwner(path);
      if (again && again.raw === found.raw) unlinkSync(path);
    } finally {
      unlinkSync(takeover);
    }
  }
}

function holdLock(dataDir: string, path: string, initial: LockOwner): DataDirLock {
  let owner = initial;
  let held = true;
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // the directory went away; nothing to keep alive
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const releaseSync = () => {
    if (!held) return;
    held = false;
    heldHere.delete(path);
    clearInterval(heartbeat);
    process.off('exit', releaseSync);
    const found = readOwner(path);
    // Never remove a lock that is no longer ours (taken over after we were presumed dead).
    if (found?.owner && found.owner.pid === owner.pid && found.owner.startedAt === owner.startedAt) {
      rmSync(path, { force: true });
    }
  };
  // process.exit() without release (an error path): the lock goes with the process anyway.
  process.on('exit', releaseSync);
  return {
    dataDir,
    get owner() {
      return owner;
    },
    update(fields) {
      owner = { ...owner, ...fields };
      const temporary = `${path}.${process.pid}.tmp`;
      writeDurably(temporary, JSON.stringify(owner), 'w');
      renameSync(temporary, path);
    },
    release: releaseSync,
  };
}

/**
 * Where PGlite's files are, after bringing an older layout up to date. Before backups existed,
 * PGlite's files were DATA_DIR itself; a backup of them would then have held the backups
 * directory. They move into DATA_DIR/pgdata, entry by entry (renames within one directory), and
 * an interrupted move resumes at the next start. Also finishes or undoes an interrupted restore
 * (see backup.ts). Call with the writer lock held.
 */
export function preparePgdata(dataDir: string): string {
  const pgdata = join(dataDir, PGDATA_DIR);
  const moving = join(dataDir, `${PGDATA_DIR}.moving`);
  const previous = join(dataDir, `${PGDATA_DIR}.previous`);
  // A restore swaps pgdata.previous ← pgdata ← pgdata.restored: interrupted between the two
  // renames, the previous database goes back in place (the restore did not happen).
  if (!existsSync(pgdata) && existsSync(previous)) renameSync(previous, pgdata);
  if (existsSync(pgdata) && existsSync(previous)) rmSync(previous, { recursive: true, force: true });

  if (existsSync(join(dataDir, 'PG_VERSION')) || existsSync(moving)) {
    mkdirSync(moving, { recursive: true });
    const ours = new Set([LOCK_FILE, `${LOCK_FILE}.takeover`, BACKUPS_DIR, `${PGDATA_DIR}.moving`]);
    for (const entry of readdirSync(dataDir)) {
      if (ours.has(entry) || entry.startsWith(`${LOCK_FILE}.`) || entry.startsWith(PGDATA_DIR)) continue;
      renameSync(join(dataDir, entry), join(moving, entry));
    }
    renameSync(moving, pgdata);
  }
  return pgdata;
}
