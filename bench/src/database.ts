/// <reference path="./modules.d.ts" />
import { type DatabaseHandle, migrate, openDatabase, sql } from '@jobcoach/db';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

const GIVEN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The bench's database name: the one named in BENCH_DATABASE_URL, unless that names the server's
 * maintenance database (`postgres`, or none), in which case one per scale.
 */
export function benchDatabaseName(scale: string, given = GIVEN_URL): string {
  const path = decodeURIComponent(new URL(given).pathname.replace(/^\//, ''));
  return path && path !== 'postgres' ? path : `jobcoach_bench_${scale}`;
}

/** The server's maintenance database, from which the bench creates and drops its own. */
export const SERVER_URL = databaseUrl('postgres');

export function databaseUrl(name: string): string {
  const url = new URL(GIVEN_URL);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

export function log(message: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(name: string): Promise<boolean> {
  return withClient(SERVER_URL, async (c) => {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return r.rowCount === 1;
  });
}

export async function recreateDatabase(name: string) {
  await withClient(SERVER_URL, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
}

/** The marker written once a generation completed: scale and generator version. */
export async function readMarker(
  url: string,
): Promise<{ scale: string; version: number; seconds: number } | null> {
  return withClient(url, async (c) => {
    const exists = await c.query(`SELECT to_regclass('bench_marker') AS t`);
    if (!exists.rows[0].t) return null;
    const r = await c.query('SELECT scale, version, seconds FROM bench_marker');
    return r.rows[0] ?? null;
  });
}

export async function writeMarker(url: string, scale: string, version: number, seconds: number) {
  await withClient(url, async (c) => {
    await c.query(
      'CREATE TABLE bench_marker (scale text NOT NULL, version integer NOT NULL, seconds numeric NOT NULL)',
    );
    await c.query('INSERT INTO bench_marker VALUES ($1, $2, $3)', [scale, version, seconds]);
  });
}

export async function openMigratedDatabase(
  url: string,
  poolSize = 10,
  { analyze = true }: { analyze?: boolean } = {},
): Promise<DatabaseHandle> {
  const handle = await openDatabase({ databaseUrl: url, poolSize });
  const applied = await migrate(handle.db);
  // A migration that backfills a column rewrites the rows of a generated database: vacuumed and
  // analyzed before measuring, as the generator leaves it (autovacuum would get there later).
  // Never on an empty database about to be generated: statistics saying "no rows" would make the
  // triggers fired by the load plan scans of tables that grow to millions of rows.
  if (analyze && applied.length > 0) await sql`VACUUM (ANALYZE)`.execute(handle.db);
  return handle;
}

type Cell = string | number | boolean | null | undefined;

/** COPY text format: backslash escapes, \N for null. */
function cell(v: Cell): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (!/[\\\t\n\r]/.test(v)) return v;
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * A COPY … FROM STDIN on its own connection, fed row by row. Rows are buffered and written in
 * chunks; `drain()` waits when PostgreSQL is behind, so memory stays bounded.
 */
export class CopyWriter {
  rows = 0;
  #buffer: string[] = [];
  #size = 0;
  #stream: ReturnType<typeof copyFrom> | null = null;
  #done: Promise<void> | null = null;
  #client: pg.Client;
  #sql: string;

  constructor(client: pg.Client, table: string, columns: readonly string[]) {
    this.#client = client;
    this.#sql = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
  }

  start() {
    this.#stream = this.#client.query(copyFrom(this.#sql));
    const stream = this.#stream;
    this.#done = new Promise((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    // Avoid an unhandled rejection before end() is awaited; the error is rethrown there.
    this.#done.catch(() => undefined);
  }

  push(values: readonly Cell[]) {
    let line = '';
    for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : '\t') + cell(values[i]);
    line += '\n';
    this.#buffer.push(line);
    this.#size += line.length;
    this.rows++;
    if (this.#size >= 1 << 18) this.#flush();
  }

  #flush() {
    if (this.#size === 0) return;
    this.#stream!.write(this.#buffer.join(''));
    this.#buffer = [];
    this.#size = 0;
  }

  /** Resolves when the stream has room again. */
  async drain() {
    this.#flush();
    const stream = this.#stream!;
    if (stream.writableNeedDrain) await new Promise((resolve) => stream.once('drain', resolve));
  }

  async end() {
    this.#flush();
    this.#stream!.end();
    await this.#done;
  }
}

/** Reads a query's result as COPY text (used to move generated rows to the import baseline). */
export function copyOut(client: pg.Client, query: string) {
  return client.query(copyTo(`COPY (${query}) TO STDOUT`));
}
