/// <reference path="./pg-copy-streams.d.ts" />

import { once } from 'node:events';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type Logger, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { COPY_FROM_STDIN_MARK, type CopyData } from './copy.ts';
import { acquireDataDirLock, type DataDirLock, preparePgdata } from './datadir.ts';
import { PGlitePool } from './pglite-pool.ts';
import type { Database } from './types.ts';

export type Driver = 'pglite' | 'postgres';

/** The application_name of the server's connections to PostgreSQL. */
export const APPLICATION_NAME = 'jobcoach';

export interface DatabaseHandle {
  db: Kysely<Database>;
  driver: Driver;
  close(): Promise<void>;
  /** PostgreSQL: the connection string (for pg_dump). */
  databaseUrl?: string;
  /** The embedded database on disk: its directory's writer lock, held until close(). */
  dataDirLock?: DataDirLock;
  /**
   * The embedded database on disk: a gzipped tarball of its files, taken while no statement runs
   * (a consistent copy, as of that moment).
   */
  dumpDataDir?: () => Promise<Blob>;
}

// Both drivers return the same JavaScript shapes: calendar dates stay 'YYYY-MM-DD' strings,
// bigint and numeric come back as numbers (our counts and FTEs fit comfortably).
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const identity = (v: string) => v;

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /**
   * The embedded database's directory (DATA_DIR; PGlite's files are in its `pgdata`); `undefined`
   * with no databaseUrl means in-memory. Opening it takes the directory's writer lock: another
   * process holding it makes this throw DataDirInUseError.
   */
  dataDir?: string | undefined;
  /** Who opens it, as other processes will be told (e.g. "jobcoach import"). */
  command?: string;
  poolSize?: number;
  /**
   * Told every statement run, as sent (its text and values), whichever way it was built: by the
   * query builder or compiled once (statement.ts). For tests that look at the statements
   * (apps/server/test/query-plans.test.ts).
   */
  onQuery?: (query: { sql: string; parameters: readonly unknown[] }) => void;
}

/** Kysely's log, when the statements run are to be told (OpenOptions.onQuery). */
function queryLog(options: OpenOptions): { log?: Logger } {
  const onQuery = options.onQuery;
  if (!onQuery) return {};
  return {
    log: (event) => {
      if (event.level === 'query') onQuery(event.query);
    },
  };
}

/**
 * Ends the text of a statement that each connection prepares once and then only executes (append
 * it with `.modifyEnd(PREPARED)`): PostgreSQL keeps its plan instead of planning it again on every
 * call, which for a hot, many-joined read costs more than running it (docs/performance.md). Only
 * for statements whose text does not vary with their values (arrays, not IN lists): each distinct
 * text stays prepared on every connection of the pool. The embedded database prepares every
 * statement with parameters, marked or not (pglite-pool.ts): one session, a bounded number kept.
 */
export const PREPARED_MARK = '/* prepared */';

const preparedNames = new Map<string, string>();

/**
 * Errors that mean "the database cannot be reached right now" rather than "this statement is
 * wrong": a connection closed by the server (restart, failover, pg_terminate_backend), refused,
 * timed out, or a server that does not accept connections yet. The server answers them with 503
 * and the pool reconnects on the next use.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: terminated by an administrator
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '57P05', // idle_session_timeout
  '53300', // too_many_connections
  '08000', // connection_exception and its subclasses
  '08001',
  '08003',
  '08004',
  '08006',
  '08P01',
]);
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Client was closed',
  'is not currently accepting connections',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) {
    return true;
  }
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
}

function describeConnectionError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  // Codes and driver messages only: a server message may quote a value.
  return code ?? (isDatabaseUnavailable(error) ? String(message).slice(0, 80) : 'unknown error');
}

/**
 * A pg client that sends the statements ending with PREPARED_MARK as named prepared statements,
 * and runs those ending with COPY_FROM_STDIN_MARK (copy.ts) as a COPY fed with their parameter.
 */
class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg.Client's constructor takes a config object or a string.
  constructor(config?: any) {
    super(config);
    // A connection lost while lent out (between two statements of a transaction, or while a
    // request awaits something else) emits 'error' on the client; pg's pool listens only while the
    // client is idle, and an 'error' event without a listener ends the process. The statement in
    // flight, if any, fails on its own; the pool discards the broken client when it comes back.
    this.on('error', (error) => {
      console.error(`database: connection lost (${describeConnectionError(error)})`);
    });
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's query() is heavily overloaded; the arguments pass through.
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && config.endsWith(PREPARED_MARK) && Array.isArray(values)) {
      let name = preparedNames.get(config);
      if (!name) {
        name = `jc_prepared_${preparedNames.size + 1}`;
        preparedNames.set(config, name);
      }
      return super.query({ name, text: config, values }, callback);
    }
    if (typeof config === 'string' && config.endsWith(COPY_FROM_STDIN_MARK) && Array.isArray(values)) {
      return this.#copyFromStdin(config, values[0] as CopyData);
    }
    return super.query(config, values, callback);
  }

  /**
   * Sends the chunks as the server takes them (waiting for the socket to drain), then ends the
   * COPY. A failure of the data's producer cancels the COPY (CopyFail: the statement fails, and
   * with it the transaction); a row the server refuses fails it likewise, and what is left of
   * the data is not produced. Answers as Kysely reads a result: the rows copied in `copied`.
   */
  async #copyFromStdin(text: string, data: CopyData) {
    const stream = super.query(copyFrom(text)) as ReturnType<typeof copyFrom> & { rowCount: number };
    // The server's refusal: once it came, nothing more is written to the stream.
    let refused = false;
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', (error) => {
        refused = true;
        reject(error);
      });
    });
    // Awaited below; meanwhile a refusal must not count as unhandled.
    done.catch(() => undefined);
    try {
      for await (const chunk of data) {
        if (refused) break;
        if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
      }
    } catch (error) {
      if (refused) throw error;
      // The producer failed: CopyFail, then the server's answer, then the producer's error.
      stream.destroy(error as Error);
      await done.catch(() => undefined);
      throw error;
    }
    if (!refused) stream.end();
    await done;
    return { command: 'COPY', rowCount: stream.rowCount, rows: [{ copied: stream.rowCount }] };
  }
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      Client: PreparingClient,
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // Named in pg_stat_activity (jobcoach restore looks for other sessions by it).
      application_name: APPLICATION_NAME,
      // A server that does not answer must not hold a request forever: 503 after 5 s.
      connectionTimeoutMillis: 5_000,
      // Idle connections stay five minutes (pg's default is 10 s): the first request after a pause
      // does not pay a new connection and the preparation of its statements again.
      idleTimeoutMillis: 300_000,
      keepAlive: true,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === DATE_OID) return identity;
          if (oid === INT8_OID || oid === NUMERIC_OID) return Number;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection closed by the server (restart, administrator) must not crash the process:
    // the pool replaces it on next use.
    pool.on('error', (error) => {
      console.error(`database: idle connection closed (${describeConnectionError(error)})`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...queryLog(options) });
    return { db, driver: 'postgres', databaseUrl: options.databaseUrl, close: () => db.destroy() };
  }
  if (!options.dataDir) {
    const pglite = new PGlite();
    await embeddedSession(pglite);
    return embeddedHandle(new PGlitePool(pglite), options);
  }
  const lock = acquireDataDirLock(options.dataDir, options.command ?? 'jobcoach');
  try {
    const pglite = new PGlite(preparePgdata(options.dataDir));
    await embeddedSession(pglite);
    return { ...embeddedHandle(new PGlitePool(pglite), options, lock), dataDirLock: lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * The embedded engine's one session, ready. Its pages are in its own buffers or the operating
 * system's cache, so a page read out of order costs about what the next page does: with
 * PostgreSQL's default (4, for spinning disks) the planner scanned a small table whole for each
 * row of an outer query (« Ma journée » read each person's contracts by scanning the contract
 * table) rather than probing an index, which in the WebAssembly engine costs 0.16 ms per person
 * instead of a few microseconds (docs/performance.md). 1.1 is the usual value for cached data.
 * The session lives as long as the engine: the setting holds for every statement.
 */
async function embeddedSession(pglite: PGlite) {
  await pglite.waitReady;
  await pglite.exec('SET random_page_cost = 1.1');
}

function embeddedHandle(pool: PGlitePool, options: OpenOptions, lock?: DataDirLock): DatabaseHandle {
  const db = new Kysely<Database>({
    // biome-ignore lint/suspicious/noExplicitAny: the facade implements the subset of pg.Pool Kysely uses.
    dialect: new PostgresDialect({ pool: pool as any }),
    ...queryLog(options),
  });
  return {
    db,
    driver: 'pglite',
    close: async () => {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    },
    dumpDataDir: () => pool.exclusive((pglite) => pglite.dumpDataDir('gzip')),
  };
}

export async function checkDatabase(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
