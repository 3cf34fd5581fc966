import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock, migrate, openDatabase, PGDATA_DIR, preparePgdata } from '@jobcoach/db';
import pg from 'pg';
import { copyOut, log } from './database.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Where the embedded copy of a scale lives (git-ignored). */
export function embeddedDataDir(scale: string): string {
  return join(HERE, '..', '.data', `${scale}-embedded`);
}

/** Tables of the bench's own, or kept as the copy's migrations wrote them. */
const NOT_COPIED = new Set(['bench_marker', 'schema_migration']);

export interface EmbeddedCopy {
  dataDir: string;
  seconds: number;
  /** Rows per table, in the PostgreSQL source and in the embedded copy. */
  source: Record<string, number>;
  copy: Record<string, number>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function countRows(query: (text: string) => Promise<{ n: number }[]>, tables: readonly string[]) {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await query(`SELECT count(*)::int AS n FROM ${quote(t)}`))[0]!.n);
  return out;
}

/**
 * Copies a generated PostgreSQL database into a fresh embedded (PGlite) data directory, as one
 * organisation's installation would hold it: the schema comes from the project's migrations (the
 * directory opened by openDatabase, as the server opens it), then every table's rows move as they
 * are, COPY text out of PostgreSQL into PGlite's COPY FROM '/dev/blob', with triggers and foreign
 * key checks off (session_replication_role = replica: the contact summary columns are copied, not
 * recomputed). Sequences follow, then ANALYZE. Returns the row counts of both sides.
 */
export async function copyIntoEmbedded(url: string, dataDir: string): Promise<EmbeddedCopy> {
  const t0 = performance.now();
  // Under the directory's lock: a run still measuring on it (the lock's holder) is not pulled from
  // under. One run per scale at a time: between the copy and the servers, nobody holds it.
  const previous = acquireDataDirLock(dataDir, 'bench copy');
  try {
    rmSync(join(dataDir, PGDATA_DIR), { recursive: true, force: true });
  } finally {
    previous.release();
  }
  const handle = await openDatabase({ dataDir, command: 'bench copy' });
  try {
    await migrate(handle.db);
  } finally {
    await handle.close();
  }

  const lock = acquireDataDirLock(dataDir, 'bench copy');
  const pglite = new PGlite(preparePgdata(dataDir));
  const source = new pg.Client({ connectionString: url });
  await source.connect();
  try {
    await pglite.waitReady;
    const tablesOf = async (rows: Promise<{ table_name: string }[]>) => (await rows).map((r) => r.table_name);
    const listTables = `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
    const sourceTables = (await tablesOf(source.query(listTables).then((r) => r.rows))).filter(
      (t) => !NOT_COPIED.has(t),
    );
    const copyTables = (
      await tablesOf(pglite.query<{ table_name: string }>(listTables).then((r) => r.rows))
    ).filter((t) => !NOT_COPIED.has(t));
    const missing = sourceTables.filter((t) => !copyTables.includes(t));
    if (missing.length > 0) throw new Error(`tables not in the embedded schema: ${missing.join(', ')}`);

    await pglite.exec('SET session_replication_role = replica');
    // What the migrations seeded (basins, hiring aid rules…) gives way to the source's rows.
    await pglite.exec(`TRUNCATE ${copyTables.map(quote).join(', ')}`);
    for (const table of copyTables) {
      const columns = (
        await pglite.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'
            ORDER BY ordinal_position`,
          [table],
        )
      ).rows.map((r) => quote(r.column_name));
      if (!sourceTables.includes(table)) continue;
      const chunks: Buffer[] = [];
      const stream = copyOut(source, `SELECT ${columns.join(', ')} FROM ${quote(table)}`);
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks);
      if (text.length === 0) continue;
      await pglite.query(`COPY ${quote(table)} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
        blob: new Blob([text]),
      });
    }
    const sequences = await source.query<{ name: string; last_value: string | null }>(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name, last_value
         FROM pg_sequences WHERE schemaname = 'public'`,
    );
    for (const s of sequences.rows) {
      if (s.last_value === null) await pglite.query('SELECT setval($1, 1, false)', [s.name]);
      else await pglite.query('SELECT setval($1, $2::bigint)', [s.name, s.last_value]);
    }
    await pglite.exec('SET session_replication_role = origin');
    await pglite.exec('VACUUM (ANALYZE)');

    const sourceCounts = await countRows(async (q) => (await source.query(q)).rows, sourceTables);
    const copyCounts = await countRows(
      async (q) => (await pglite.query<{ n: number }>(q)).rows,
      sourceTables,
    );
    const seconds = (performance.now() - t0) / 1000;
    log(`embedded: copied ${sourceTables.length} tables into ${dataDir} in ${seconds.toFixed(1)} s`);
    return { dataDir, seconds, source: sourceCounts, copy: copyCounts };
  } finally {
    await source.end();
    await pglite.close();
    lock.release();
  }
}

/** Tables whose row counts differ between source and copy, as "table: source → copy". */
export function countMismatches(copy: EmbeddedCopy): string[] {
  const tables = new Set([...Object.keys(copy.source), ...Object.keys(copy.copy)]);
  return [...tables]
    .filter((t) => copy.source[t] !== copy.copy[t])
    .map((t) => `${t}: ${copy.source[t] ?? 'absent'} → ${copy.copy[t] ?? 'absent'}`);
}

/** Rows of the audit log in an embedded data directory (opened, counted, closed). */
export async function auditRows(dataDir: string): Promise<number> {
  const lock = acquireDataDirLock(dataDir, 'bench audit count');
  const pglite = new PGlite(preparePgdata(dataDir));
  try {
    await pglite.waitReady;
    return Number((await pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n);
  } finally {
    await pglite.close();
    lock.release();
  }
}
