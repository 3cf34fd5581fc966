import { spawn } from 'node:child_process';
import {
  chmodSync,
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
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { APPLICATION_NAME, type DatabaseHandle, type Driver } from './connect.ts';
import { acquireDataDirLock, BACKUPS_DIR, PGDATA_DIR, preparePgdata } from './datadir.ts';

/**
 * Backups of either engine, and their restoration (docs/operations.md).
 * - Embedded (PGlite): a gzipped tarball of its data directory, taken while no statement runs, so
 *   a consistent copy as of that moment (`jobcoach-<UTC time>.tar.gz`).
 * - PostgreSQL: pg_dump's custom format (`jobcoach-<UTC time>.dump`), restored with pg_restore.
 * A backup is written under a temporary name, flushed to disk, then renamed: a backup interrupted
 * at any point (kill -9, power cut) leaves at most a `.partial` file, never a truncated file under
 * a backup's name, and never touches the backups already there.
 */

/** How many backups the default directory keeps (the oldest go first). */
export const BACKUP_KEEP = 14;
/** A `.partial` file this long untouched belongs to a backup that died. */
const ABANDONED_PARTIAL_MS = 10 * 60_000;
const NAME = /^jobcoach-(\d{8}T\d{6}Z)(-[a-z0-9-]+)?\.(tar\.gz|dump)$/;

export interface BackupFile {
  name: string;
  path: string;
  bytes: number;
  /** When it was taken (ISO). */
  takenAt: string;
  engine: Driver;
}

/** A refusal or failure to tell the user as is (French). */
export class BackupError extends Error {}

export function backupDirectory(dataDir: string): string {
  return join(dataDir, BACKUPS_DIR);
}

export function engineOf(file: string): Driver | null {
  if (file.endsWith('.tar.gz')) return 'pglite';
  if (file.endsWith('.dump')) return 'postgres';
  return null;
}

function stampOf(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

function takenAtOf(name: string): string | null {
  const stamp = NAME.exec(name)?.[1];
  if (!stamp) return null;
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
}

/** The complete backups of a directory, newest first. */
export function listBackups(directory: string): BackupFile[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => NAME.test(name))
    .map((name) => {
      const path = join(directory, name);
      return {
        name,
        path,
        bytes: statSync(path).size,
        takenAt: new Date(takenAtOf(name)!).toISOString(),
        engine: engineOf(name)!,
      };
    })
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

function fsyncPath(path: string) {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } catch (error) {
    // Directories cannot be flushed on every system (Windows): the rename is still atomic.
    if (
      (error as NodeJS.ErrnoException).code !== 'EISDIR' &&
      (error as NodeJS.ErrnoException).code !== 'EPERM'
    )
      throw error;
  } finally {
    closeSync(fd);
  }
}

/**
 * Produces `final` through `produce(partialPath)`, then flushes and renames it into place. On any
 * failure the partial file goes and nothing else changes.
 */
async function writeDurably(final: string, produce: (partial: string) => Promise<void>) {
  // A backup holds every person's file: readable by the server's user only.
  mkdirSync(dirname(final), { recursive: true, mode: 0o700 });
  const partial = `${final}.partial`;
  try {
    await produce(partial);
    chmodSync(partial, 0o600);
    fsyncPath(partial);
    renameSync(partial, final);
    fsyncPath(dirname(final));
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

function writeAll(path: string, data: Uint8Array) {
  const fd = openSync(path, 'w', 0o600);
  try {
    for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset);
  } finally {
    closeSync(fd);
  }
}

/** Runs a PostgreSQL client tool; rejects with its error output. */
function run(
  tool: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  io?: { stdin?: (stdin: NodeJS.WritableStream) => void; stdout?: 'pipe' },
): { done: Promise<void>; stdout: NodeJS.ReadableStream | null } {
  const child = spawn(tool, args, {
    env,
    stdio: [io?.stdin ? 'pipe' : 'ignore', io?.stdout ?? 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${tool} est introuvable : installez les outils clients de PostgreSQL (paquet « postgresql-client »).`,
            )
          : error,
      );
    });
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${tool} a échoué (code ${code}) : ${stderr.trim().slice(0, 2000)}`));
    });
  });
  if (io?.stdin) io.stdin(child.stdin!);
  return { done, stdout: child.stdout };
}

/** libpq's view of a connection string, without its password on the command line. */
function libpq(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return {
    dbname: url.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}), PGAPPNAME: 'jobcoach-backup' },
  };
}

async function dumpPostgres(databaseUrl: string, partial: string) {
  const { dbname, env } = libpq(databaseUrl);
  await run('pg_dump', ['--format=custom', '--file', partial, `--dbname=${dbname}`], env).done;
  // A dump that pg_restore cannot read is no backup.
  await run('pg_restore', ['--list', partial], env).done;
}

export interface BackupOptions {
  /** The directory of backups (keeps the last `keep`); ignored when `out` is given. */
  directory?: string;
  /** Exactly this file instead (nothing else is removed). */
  out?: string;
  keep?: number;
  /** Added to the name, e.g. "before-restore". */
  label?: string;
  now?: Date;
}

/** What a backup is taken of: an open database handle, or the pieces of one. */
export type BackupSource = Pick<DatabaseHandle, 'driver' | 'dumpDataDir' | 'databaseUrl'>;

/** Takes a backup of an open database (the embedded one, or PostgreSQL through pg_dump). */
export async function takeBackup(handle: BackupSource, options: BackupOptions): Promise<BackupFile> {
  const now = options.now ?? new Date();
  const extension = handle.driver === 'pglite' ? 'tar.gz' : 'dump';
  const name = `jobcoach-${stampOf(now)}${options.label ? `-${options.label}` : ''}.${extension}`;
  let final: string;
  if (options.out) {
    final = options.out;
  } else {
    if (!options.directory) throw new Error('takeBackup needs a directory or an output file');
    final = join(options.directory, name);
    // Two backups within one second: the second gets a suffix rather than replacing the first.
    for (let n = 2; existsSync(final); n++)
      final = join(options.directory, name.replace(/\.(tar\.gz|dump)$/, `-${n}.$1`));
  }
  await writeDurably(final, async (partial) => {
    if (handle.driver === 'pglite') {
      if (!handle.dumpDataDir) throw new Error('this database cannot be dumped');
      const tarball = await handle.dumpDataDir();
      writeAll(partial, new Uint8Array(await tarball.arrayBuffer()));
    } else {
      if (!handle.databaseUrl) throw new Error('no connection string to dump');
      await dumpPostgres(handle.databaseUrl, partial);
    }
  });
  if (!options.out && options.directory) prune(options.directory, options.keep ?? BACKUP_KEEP);
  return {
    name: final.split(/[\\/]/).pop()!,
    path: final,
    bytes: statSync(final).size,
    takenAt: now.toISOString(),
    engine: handle.driver,
  };
}

/** Keeps the newest `keep` backups of a directory and removes the partial files of dead backups. */
function prune(directory: string, keep: number) {
  for (const old of listBackups(directory).slice(keep)) rmSync(old.path, { force: true });
  for (const name of readdirSync(directory)) {
    if (!name.endsWith('.partial')) continue;
    const path = join(directory, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > ABANDONED_PARTIAL_MS) rmSync(path, { force: true });
    } catch {
      // gone meanwhile
    }
  }
}

export type RestoreTarget = { dataDir: string } | { databaseUrl: string };

export interface RestoreResult {
  /** The database as it was just before, saved first (null when there was none). */
  safety: BackupFile | null;
}

/**
 * Replaces the database with a backup, whole. What was there is first saved as a backup labelled
 * "before-restore" (in `safetyDirectory`, DATA_DIR/backups by default). Refused while anything
 * else uses the database: the embedded one's writer lock, or other sessions on PostgreSQL.
 */
export async function restoreBackup(
  file: string,
  target: RestoreTarget,
  options: { safetyDirectory: string; now?: Date },
): Promise<RestoreResult> {
  if (!existsSync(file)) throw new BackupError(`Fichier introuvable : ${file}`);
  const engine = engineOf(file);
  if (!engine) {
    throw new BackupError(
      `« ${file} » n’est pas une sauvegarde Jobcoach (attendu : un fichier .tar.gz de la base intégrée ou .dump de PostgreSQL).`,
    );
  }
  if ('dataDir' in target) {
    if (engine !== 'pglite') {
      throw new BackupError(
        'Cette sauvegarde vient d’une base PostgreSQL (.dump) : elle se restaure avec DATABASE_URL pointant vers une base PostgreSQL.',
      );
    }
    return restoreEmbedded(file, target.dataDir, options);
  }
  if (engine !== 'postgres') {
    throw new BackupError(
      'Cette sauvegarde vient de la base intégrée (.tar.gz) : elle se restaure sans DATABASE_URL, dans DATA_DIR.',
    );
  }
  return restorePostgres(file, target.databaseUrl, options);
}

async function restoreEmbedded(
  file: string,
  dataDir: string,
  options: { safetyDirectory: string; now?: Date },
): Promise<RestoreResult> {
  // Checked before PGlite sees it: PGlite fails on a damaged archive in ways it cannot recover from.
  let tarball: Buffer;
  try {
    tarball = gunzipSync(readFileSync(file));
  } catch {
    throw new BackupError(
      `« ${file} » n’est pas une sauvegarde lisible de la base intégrée : rien n’a été changé.`,
    );
  }
  if (!tarball.includes('PG_VERSION')) {
    throw new BackupError(`« ${file} » ne contient pas de base Jobcoach : rien n’a été changé.`);
  }
  const lock = acquireDataDirLock(dataDir, 'jobcoach restore');
  try {
    const pgdata = preparePgdata(dataDir);
    let safety: BackupFile | null = null;
    if (existsSync(join(pgdata, 'PG_VERSION'))) {
      const current = new PGlite(pgdata);
      try {
        await current.waitReady;
        safety = await takeBackup(
          { driver: 'pglite', dumpDataDir: () => current.dumpDataDir('gzip') },
          { directory: options.safetyDirectory, label: 'before-restore', now: options.now },
        );
      } finally {
        await current.close();
      }
    }
    // Unpacked beside the live files, checked, then swapped in by two renames (preparePgdata
    // finishes or undoes a swap interrupted between them).
    const restored = join(dataDir, `${PGDATA_DIR}.restored`);
    const previous = join(dataDir, `${PGDATA_DIR}.previous`);
    rmSync(restored, { recursive: true, force: true });
    const candidate = new PGlite(restored, {
      loadDataDir: new Blob([new Uint8Array(tarball)], { type: 'application/x-tar' }),
    });
    try {
      await candidate.waitReady;
      await candidate.query('SELECT count(*) FROM schema_migration');
    } catch {
      throw new BackupError(`« ${file} » ne contient pas de base Jobcoach lisible : rien n’a été changé.`);
    } finally {
      await candidate.close().catch(() => undefined);
    }
    if (existsSync(pgdata)) renameSync(pgdata, previous);
    renameSync(restored, pgdata);
    fsyncPath(dataDir);
    rmSync(previous, { recursive: true, force: true });
    return { safety };
  } finally {
    rmSync(join(dataDir, `${PGDATA_DIR}.restored`), { recursive: true, force: true });
    lock.release();
  }
}

async function restorePostgres(
  file: string,
  databaseUrl: string,
  options: { safetyDirectory: string; now?: Date },
): Promise<RestoreResult> {
  const { dbname, env } = libpq(databaseUrl);
  try {
    await run('pg_restore', ['--list', file], env).done;
  } catch (error) {
    if (error instanceof BackupError && error.message.includes('introuvable')) throw error;
    throw new BackupError(
      `« ${file} » n’est pas une sauvegarde PostgreSQL lisible (pg_restore --list a échoué).`,
    );
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let hasTables: boolean;
  try {
    const others = await client.query<{ application_name: string; client_addr: string | null }>(
      `SELECT application_name, client_addr::text FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    if (others.rows.length > 0) {
      const who = [
        ...new Set(
          others.rows.map(
            (r) =>
              `${r.application_name === APPLICATION_NAME ? 'un serveur Jobcoach' : `« ${r.application_name || 'client'} »`}${r.client_addr ? ` depuis ${r.client_addr}` : ''}`,
          ),
        ),
      ];
      throw new BackupError(
        `La base est en cours d’utilisation (${others.rows.length} connexion(s) : ${who.join(', ')}). Arrêtez les serveurs Jobcoach et les autres clients avant de restaurer : rien n’a été changé.`,
      );
    }
    const tables = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'pgboss')`,
    );
    hasTables = (tables.rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
  let safety: BackupFile | null = null;
  if (hasTables) {
    safety = await takeBackup(
      { driver: 'postgres', databaseUrl },
      { directory: options.safetyDirectory, label: 'before-restore', now: options.now },
    );
  }
  // One transaction: the old schemas go and the backup's come in, or nothing changes.
  const restore = run('pg_restore', ['--no-owner', '--no-acl', '--file=-', file], env, { stdout: 'pipe' });
  const psql = run(
    'psql',
    ['--no-psqlrc', '--quiet', '--set', 'ON_ERROR_STOP=1', '--single-transaction', `--dbname=${dbname}`],
    env,
    {
      stdin: (stdin) => {
        stdin.write(
          'DROP SCHEMA IF EXISTS pgboss CASCADE;\nDROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n',
        );
        restore.stdout!.pipe(stdin);
      },
    },
  );
  const [restored, applied] = await Promise.allSettled([restore.done, psql.done]);
  // psql's error says why (pg_restore only sees its reader go away).
  if (applied.status === 'rejected') throw applied.reason;
  if (restored.status === 'rejected') throw restored.reason;
  return { safety };
}
