import { randomUUID } from 'node:crypto';
import type { RowError } from '@jobcoach/contract';
import {
  copyCell,
  copyFromStdin,
  copyRow,
  type Database,
  type Kysely,
  sql,
  type Transaction,
} from '@jobcoach/db';
import { type VacancyRow, type VacancyValues, vacancyColumns, valuesOf } from '../vacancies/queries.ts';
import type { ImportRow, VacancyKey } from './vacancy-rows.ts';

/**
 * Writes the rows of a vacancy import in batches, each batch in its own transaction (two at once on
 * PostgreSQL), and records the progress on the import_job row with each batch (any server instance
 * answers the status route). Idempotent on (source, source reference): a row already imported with
 * the same content is unchanged; with a different content it is updated (version + 1). Employers are
 * found by BCE in the basin, else by name (case and accents ignored), else created as prospects.
 */

/**
 * Rows written per transaction: each batch is a handful of set-based statements (employers, the
 * existing rows, one COPY or INSERT … SELECT, one UPDATE … FROM), whatever its size
 * (docs/performance.md).
 */
export const IMPORT_BATCH_SIZE = 5000;
/** Batches written at once on PostgreSQL, each in its own transaction on its own connection. */
const WRITERS = 2;
/** Rows prepared between two turns of the event loop, and rows per chunk of a COPY's data. */
const SLICE = 500;
/** At most this many row errors are kept on a job (error_count holds the full count). */
export const MAX_STORED_ERRORS = 1000;

export interface ImportContext {
  jobId: string;
  organisationId: string;
  basinId: string;
  userId: string;
  now: () => Date;
  /**
   * PostgreSQL: the new rows go in with COPY FROM STDIN, in the batch's transaction. The embedded
   * database inserts them with one INSERT … SELECT FROM jsonb_populate_recordset.
   */
  copy: boolean;
  /** Rows per batch: IMPORT_BATCH_SIZE unless given. */
  batchSize?: number;
}

/** Stable text of a vacancy's content, to tell an unchanged row from an updated one. */
function contentOf(v: VacancyValues): string {
  return JSON.stringify(vacancyColumns(v));
}

/** The stored vacancy with the fields the import sets replaced by the row's. */
function merge(existing: VacancyValues, incoming: VacancyValues, keys: readonly VacancyKey[]): VacancyValues {
  const out: VacancyValues = { ...existing, published: { ...existing.published } };
  for (const key of keys) {
    if (key.startsWith('published.')) {
      const sub = key.slice('published.'.length) as keyof VacancyValues['published'];
      (out.published as Record<string, unknown>)[sub] = incoming.published[sub];
    } else {
      (out as Record<string, unknown>)[key] = incoming[key as keyof VacancyValues];
    }
  }
  return out;
}

const employerKey = (e: ImportRow['employer']) => (e.bce ? `bce ${e.bce}` : `name ${foldName(e.name)}`);

/** Same folding as the database's jc_fold(trim(name)) (migration 0002), spaces collapsed. */
function foldName(name: string): string {
  return name.trim().toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ');
}

/** The employer ids of a batch's rows: found in the basin or created. */
async function resolveEmployers(
  trx: Transaction<Database>,
  ctx: ImportContext,
  rows: readonly ImportRow[],
  cache: Map<string, string>,
) {
  const missing = new Map<string, ImportRow['employer']>();
  for (const r of rows) {
    const key = employerKey(r.employer);
    if (!cache.has(key) && !missing.has(key)) missing.set(key, r.employer);
  }
  if (missing.size === 0) return;
  const bces = [...missing.values()].flatMap((e) => (e.bce ? [e.bce] : []));
  if (bces.length > 0) {
    // One array parameter, not one bound parameter per number.
    const found = await trx
      .selectFrom('employer')
      .select(['id', 'bce'])
      .where('basin_id', '=', ctx.basinId)
      .where(sql<boolean>`bce = ANY (${bces}::text[])`)
      .execute();
    for (const f of found) cache.set(`bce ${f.bce}`, f.id);
  }
  const names = [...missing.values()].filter((e) => !e.bce).map((e) => e.name);
  if (names.length > 0) {
    // Compared by the database's own folding, so that the index on jc_fold(trim(name)) serves.
    const found = await sql<{ raw: string; id: string }>`
      SELECT n.raw, e.id FROM unnest(${names}::text[]) AS n(raw)
      JOIN employer e ON e.basin_id = ${ctx.basinId} AND jc_fold(trim(e.name)) = jc_fold(trim(n.raw))
      ORDER BY e.created_at, e.id`.execute(trx);
    for (const f of found.rows) {
      const key = `name ${foldName(f.raw)}`;
      if (!cache.has(key)) cache.set(key, f.id);
    }
  }
  // The employers still unknown are created in one statement (a BCE registered meanwhile by
  // someone else is skipped by the unique index and read back below).
  const toCreate = [...missing].filter(([key]) => !cache.has(key));
  if (toCreate.length === 0) return;
  // The names, numbers and communes as three arrays: one statement, three parameters.
  const now = ctx.now();
  const created = (
    await sql<{ id: string; bce: string | null; name: string }>`
      INSERT INTO employer (basin_id, name, bce, commune, sector, status, created_by_organisation_id,
                            created_by, created_at, updated_at)
      SELECT ${ctx.basinId}, n.name, n.bce, n.commune, 'private', 'prospect', ${ctx.organisationId},
             ${ctx.userId}, ${now}, ${now}
        FROM unnest(${toCreate.map(([, e]) => e.name)}::text[], ${toCreate.map(([, e]) => e.bce)}::text[],
                    ${toCreate.map(([, e]) => e.commune)}::text[]) AS n(name, bce, commune)
      ON CONFLICT (basin_id, bce) WHERE bce IS NOT NULL DO NOTHING
      RETURNING id, bce, name`.execute(trx)
  ).rows;
  for (const c of created) {
    cache.set(c.bce ? `bce ${c.bce}` : `name ${foldName(c.name)}`, c.id);
  }
  const raced = toCreate.flatMap(([key, e]) => (!cache.has(key) && e.bce ? [e.bce] : []));
  if (raced.length > 0) {
    const existing = await trx
      .selectFrom('employer')
      .select(['id', 'bce'])
      .where('basin_id', '=', ctx.basinId)
      .where(sql<boolean>`bce = ANY (${raced}::text[])`)
      .execute();
    for (const f of existing) cache.set(`bce ${f.bce}`, f.id);
  }
}

export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * A batch's rows with their vacancy columns already serialised, all but the employer (resolved in
 * the batch's transaction): the next batch is prepared while the database writes the current one.
 */
interface PreparedBatch {
  rows: readonly ImportRow[];
  /**
   * Per row, the columns without employer_id: for COPY, their cells in `COPY_COLUMNS` order (tab
   * separated, no line end); otherwise the JSON object of the columns without its opening brace.
   */
  bodies: string[];
}

type RowColumn = Exclude<keyof ReturnType<typeof vacancyColumns>, 'employer_id'>;

/** A new row's own cells in the COPY, in this order between its employer and the batch's cells. */
const ROW_COLUMNS = [
  'title',
  'source',
  'source_ref',
  'place_of_work',
  'commune',
  'openings',
  'contract_type',
  'contract_months',
  'hours_per_week',
  'schedule',
  'sector_code',
  'published',
  'objectified',
  'physical_demands',
  'quality_note',
  'status',
  'opened_on',
  'closed_on',
] as const satisfies readonly RowColumn[];

/**
 * The columns of the import's COPY: the new row's id, its employer (resolved per batch), the row's,
 * the batch's. The id is drawn here rather than left to the column's default: PostgreSQL writes a
 * COPY row by row, instead of by pages of rows, when a column it fills by default is volatile
 * (gen_random_uuid()), and that doubled the write's cost in the database (docs/performance.md).
 */
export const COPY_COLUMNS = [
  'id',
  'employer_id',
  ...ROW_COLUMNS,
  'organisation_id',
  'created_by',
  'created_at',
  'updated_at',
] as const;

/** A row's own COPY cells, tab-separated, without a line end (the batch's cells follow). */
function copyBody(columns: Omit<ReturnType<typeof vacancyColumns>, 'employer_id'>): string {
  // A column vacancyColumns gained and this list lacks would go unwritten: refused outright.
  if (Object.keys(columns).length !== ROW_COLUMNS.length) {
    throw new Error('import: the COPY columns differ from vacancyColumns');
  }
  return ROW_COLUMNS.map((c) => copyCell(columns[c])).join('\t');
}

/**
 * Serialises a batch's columns by slices, letting the event loop run in between: the statements
 * of the batch being written are answered meanwhile (a COPY's data is sent as the server asks).
 */
async function prepareBatch(rows: readonly ImportRow[], copy: boolean): Promise<PreparedBatch> {
  const bodies: string[] = [];
  for (let start = 0; start < rows.length; start += SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const row of rows.slice(start, start + SLICE)) {
      const { employer_id: _, ...columns } = vacancyColumns({ ...row.values, employerId: '' });
      bodies.push(copy ? copyBody(columns) : recordBody(columns));
    }
  }
  return { rows, bodies };
}

/** One batch, in the given transaction. */
async function importBatch(
  trx: Transaction<Database>,
  ctx: ImportContext,
  batch: PreparedBatch,
  keys: readonly VacancyKey[],
  employers: Map<string, string>,
): Promise<BatchCounts> {
  const { rows } = batch;
  await resolveEmployers(trx, ctx, rows, employers);
  const existing = await trx
    .selectFrom('vacancy')
    .selectAll()
    .where('organisation_id', '=', ctx.organisationId)
    // The sources too, so that the unique index (organisation, source, source reference) finds each
    // row directly instead of reading every vacancy of the organisation (docs/performance.md).
    .where('source', 'in', [...new Set(rows.map((r) => r.values.source))])
    // The references as one array parameter (a batch has thousands).
    .where(sql<boolean>`source_ref = ANY (${rows.map((r) => r.values.sourceRef)}::text[])`)
    .forUpdate()
    .execute();
  const byRef = new Map<string, VacancyRow>(existing.map((v) => [`${v.source} ${v.source_ref}`, v]));
  const counts: BatchCounts = { created: 0, updated: 0, unchanged: 0 };
  /** The new rows: their employer and their prepared columns. */
  const inserts: { employerId: string; body: string }[] = [];
  const updates: (ReturnType<typeof vacancyColumns> & { id: string })[] = [];
  rows.forEach((row, i) => {
    const employerId = employers.get(employerKey(row.employer))!;
    const stored = byRef.get(`${row.values.source} ${row.values.sourceRef}`);
    if (!stored) {
      inserts.push({ employerId, body: batch.bodies[i]! });
      return;
    }
    const incoming: VacancyValues = { ...row.values, employerId };
    const before = valuesOf(stored);
    const after = merge(before, incoming, keys);
    if (contentOf(after) === contentOf(before)) {
      counts.unchanged++;
      return;
    }
    updates.push({ ...vacancyColumns(after), id: stored.id });
    counts.updated++;
  });
  const now = ctx.now();
  if (inserts.length > 0 && ctx.copy) {
    // The cells every new row of the batch shares, after its own.
    const shared = copyRow([ctx.organisationId, ctx.userId, now, now]);
    const copied = await copyFromStdin(trx, 'vacancy', COPY_COLUMNS, copyChunks(inserts, shared));
    if (copied !== inserts.length) throw new Error(`COPY wrote ${copied} rows of ${inserts.length}`);
    counts.created += inserts.length;
  } else if (inserts.length > 0) {
    // One JSON parameter expanded by the database: one statement per batch instead of a VALUES
    // list of ~20 bound parameters per row (docs/performance.md).
    const common = {
      organisation_id: ctx.organisationId,
      created_by: ctx.userId,
      created_at: now,
      updated_at: now,
    };
    const shared = JSON.stringify(common).slice(1, -1);
    const json = `[${inserts.map((r) => `{"employer_id":${JSON.stringify(r.employerId)},${shared},${r.body}`).join(',')}]`;
    const columns = Object.keys(vacancyColumns({ ...rows[0]!.values, employerId: '' }));
    const names = sql.join([...columns, ...Object.keys(common)].map((c) => sql.id(c)));
    await sql`INSERT INTO vacancy (${names})
      SELECT ${names} FROM jsonb_populate_recordset(NULL::vacancy, ${json}::jsonb)`.execute(trx);
    counts.created += inserts.length;
  }
  if (updates.length > 0) {
    // The changed rows in one statement too, each version + 1.
    const columns = Object.keys(updates[0]!).filter((c) => c !== 'id');
    const set = sql.join(columns.map((c) => sql`${sql.id(c)} = n.${sql.id(c)}`));
    await sql`UPDATE vacancy v SET ${set}, version = v.version + 1, updated_at = ${now}
      FROM jsonb_populate_recordset(NULL::vacancy, ${recordsJson(updates)}::jsonb) AS n
      WHERE v.id = n.id AND v.organisation_id = ${ctx.organisationId}`.execute(trx);
  }
  return counts;
}

/** The new rows as COPY data, a slice of rows per chunk (the server reads the first meanwhile). */
function* copyChunks(inserts: readonly { employerId: string; body: string }[], shared: string) {
  for (let start = 0; start < inserts.length; start += SLICE) {
    let chunk = '';
    for (const r of inserts.slice(start, start + SLICE)) {
      chunk += `${randomUUID()}\t${r.employerId}\t${r.body}\t${shared}`;
    }
    yield chunk;
  }
}

/**
 * The columns as a JSON object without its opening brace, vacancyColumns' JSON texts spliced in as
 * they are (not parsed back to be serialised again).
 */
function recordBody(columns: Omit<ReturnType<typeof vacancyColumns>, 'employer_id'>): string {
  const { schedule, published, objectified, physical_demands, ...plain } = columns;
  const head = JSON.stringify(plain);
  return `${head.slice(1, -1)},"schedule":${schedule},"published":${published},"objectified":${objectified ?? 'null'},"physical_demands":${physical_demands}}`;
}

/** Rows of vacancyColumns (with `id`) as one JSON array for jsonb_populate_recordset. */
function recordsJson(rows: readonly (ReturnType<typeof vacancyColumns> & { id: string })[]): string {
  return `[${rows.map((r) => `{${recordBody(r)}`).join(',')}]`;
}

/**
 * Runs a whole import job: `rows` are the valid rows, `skipped` the errors of the invalid ones
 * (kept on the job; their rows count as processed at the end). Never throws: a failure ends the
 * job as failed, the batches already written staying written (a re-import completes them).
 */
export async function runVacancyImport(
  db: Kysely<Database>,
  ctx: ImportContext,
  rows: readonly ImportRow[],
  keys: readonly VacancyKey[],
  skipped: readonly RowError[],
  skippedRows: number,
): Promise<BatchCounts & { ok: boolean }> {
  const employers = new Map<string, string>();
  const totals: BatchCounts = { created: 0, updated: 0, unchanged: 0 };
  let processed = 0;
  const size = ctx.batchSize ?? IMPORT_BATCH_SIZE;
  /** Batch `index`, prepared then written in its own transaction; its counts added once committed. */
  const writeBatch = async (index: number) => {
    const start = index * size;
    const batch = await prepareBatch(rows.slice(start, start + size), ctx.copy);
    const counts = await db.transaction().execute(async (trx) => {
      // The first batch finds or creates the employers of the whole file, so that the batches
      // written side by side after it never create the same one twice.
      if (index === 0) await resolveEmployers(trx, ctx, rows, employers);
      const counts = await importBatch(trx, ctx, batch, keys, employers);
      // Added to the job's counts by the database: batches written side by side commit in any order.
      await trx
        .updateTable('import_job')
        .set((eb) => ({
          processed: eb('processed', '+', batch.rows.length),
          created: eb('created', '+', counts.created),
          updated: eb('updated', '+', counts.updated),
          unchanged: eb('unchanged', '+', counts.unchanged),
          updated_at: ctx.now(),
        }))
        .where('id', '=', ctx.jobId)
        .execute();
      return counts;
    });
    totals.created += counts.created;
    totals.updated += counts.updated;
    totals.unchanged += counts.unchanged;
    processed += batch.rows.length;
  };
  try {
    const batches = Math.ceil(rows.length / size);
    if (batches > 0) await writeBatch(0);
    // Then the other batches, WRITERS at a time on PostgreSQL: one connection's COPY keeps one
    // core busy in its backend while this process prepares the next batch (docs/performance.md).
    // The embedded database runs one statement at a time: one writer.
    let next = 1;
    let failed = false;
    const writer = async () => {
      while (!failed && next < batches) {
        const index = next++;
        try {
          await writeBatch(index);
        } catch (error) {
          failed = true;
          throw error;
        }
        // Let other requests (the status route) in between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const outcomes = await Promise.allSettled(Array.from({ length: ctx.copy ? WRITERS : 1 }, () => writer()));
    const failure = outcomes.find((o) => o.status === 'rejected');
    if (failure) throw (failure as PromiseRejectedResult).reason;
    await db
      .updateTable('import_job')
      .set({
        status: 'done',
        processed: processed + skippedRows,
        ...totals,
        error_count: skipped.length,
        errors: JSON.stringify(skipped.slice(0, MAX_STORED_ERRORS)),
        updated_at: ctx.now(),
        finished_at: ctx.now(),
      })
      .where('id', '=', ctx.jobId)
      .execute();
    return { ...totals, ok: true };
  } catch {
    const failure: RowError = {
      line: 0,
      field: 'import',
      message: `Erreur inattendue après ${processed} ligne(s) importée(s) : elles restent enregistrées. Relancez l’import du même fichier pour le terminer (les lignes déjà importées resteront inchangées).`,
    };
    await db
      .updateTable('import_job')
      .set({
        status: 'failed',
        error_count: skipped.length + 1,
        errors: JSON.stringify([failure, ...skipped.slice(0, MAX_STORED_ERRORS - 1)]),
        updated_at: ctx.now(),
        finished_at: ctx.now(),
      })
      .where('id', '=', ctx.jobId)
      .execute()
      .catch(() => undefined);
    return { ...totals, ok: false };
  }
}
