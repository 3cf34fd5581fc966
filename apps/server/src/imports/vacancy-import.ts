import { type Database, type Kysely, sql, type Transaction } from '@jobcoach/db';
import { type VacancyRow, type VacancyValues, vacancyColumns, valuesOf } from '../vacancies/queries.ts';
import type { ImportRow, RowError, VacancyKey } from './vacancy-rows.ts';

/**
 * Writes the rows of a vacancy import in batches, each batch in its own transaction, and records
 * the progress on the import_job row after each batch (any server instance answers the status
 * route). Idempotent on (source, source reference): a row already imported with the same content is
 * unchanged; with a different content it is updated (version + 1). Employers are found by BCE in the
 * basin, else by name (case and accents ignored), else created as prospects.
 */

export const IMPORT_BATCH_SIZE = 500;
/** At most this many row errors are kept on a job (error_count holds the full count). */
export const MAX_STORED_ERRORS = 1000;

export interface ImportContext {
  jobId: string;
  organisationId: string;
  basinId: string;
  userId: string;
  now: () => Date;
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
    const found = await trx
      .selectFrom('employer')
      .select(['id', 'bce'])
      .where('basin_id', '=', ctx.basinId)
      .where('bce', 'in', bces)
      .execute();
    for (const f of found) cache.set(`bce ${f.bce}`, f.id);
  }
  const names = [...missing.values()].filter((e) => !e.bce).map((e) => e.name);
  if (names.length > 0) {
    // Compared by the database's own folding, so that the index on jc_fold(trim(name)) serves.
    const list = sql.join(names.map((n) => sql`(${n}::text)`));
    const found = await sql<{ raw: string; id: string }>`
      SELECT n.raw, e.id FROM (VALUES ${list}) AS n(raw)
      JOIN employer e ON e.basin_id = ${ctx.basinId} AND jc_fold(trim(e.name)) = jc_fold(trim(n.raw))
      ORDER BY e.created_at, e.id`.execute(trx);
    for (const f of found.rows) {
      const key = `name ${foldName(f.raw)}`;
      if (!cache.has(key)) cache.set(key, f.id);
    }
  }
  for (const [key, e] of missing) {
    if (cache.has(key)) continue;
    const created = await trx
      .insertInto('employer')
      .values({
        basin_id: ctx.basinId,
        name: e.name,
        bce: e.bce,
        commune: e.commune,
        sector: 'private',
        status: 'prospect',
        created_by_organisation_id: ctx.organisationId,
        created_by: ctx.userId,
        created_at: ctx.now(),
        updated_at: ctx.now(),
      })
      .onConflict((oc) => oc.columns(['basin_id', 'bce']).where('bce', 'is not', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (created) cache.set(key, created.id);
    else {
      // Registered meanwhile by someone else (the unique BCE index): take that one.
      const existing = await trx
        .selectFrom('employer')
        .select('id')
        .where('basin_id', '=', ctx.basinId)
        .where('bce', '=', e.bce)
        .executeTakeFirstOrThrow();
      cache.set(key, existing.id);
    }
  }
}

export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** One batch, in the given transaction. */
async function importBatch(
  trx: Transaction<Database>,
  ctx: ImportContext,
  rows: readonly ImportRow[],
  keys: readonly VacancyKey[],
  employers: Map<string, string>,
): Promise<BatchCounts> {
  await resolveEmployers(trx, ctx, rows, employers);
  const existing = await trx
    .selectFrom('vacancy')
    .selectAll()
    .where('organisation_id', '=', ctx.organisationId)
    .where(
      'source_ref',
      'in',
      rows.map((r) => r.values.sourceRef),
    )
    .forUpdate()
    .execute();
  const byRef = new Map<string, VacancyRow>(existing.map((v) => [`${v.source} ${v.source_ref}`, v]));
  const counts: BatchCounts = { created: 0, updated: 0, unchanged: 0 };
  const inserts: ReturnType<typeof vacancyColumns>[] = [];
  for (const row of rows) {
    const incoming: VacancyValues = { ...row.values, employerId: employers.get(employerKey(row.employer))! };
    const stored = byRef.get(`${row.values.source} ${row.values.sourceRef}`);
    if (!stored) {
      inserts.push(vacancyColumns(incoming));
      continue;
    }
    const before = valuesOf(stored);
    const after = merge(before, incoming, keys);
    if (contentOf(after) === contentOf(before)) {
      counts.unchanged++;
      continue;
    }
    await trx
      .updateTable('vacancy')
      .set((eb) => ({ ...vacancyColumns(after), version: eb('version', '+', 1), updated_at: ctx.now() }))
      .where('id', '=', stored.id)
      .execute();
    counts.updated++;
  }
  if (inserts.length > 0) {
    await trx
      .insertInto('vacancy')
      .values(
        inserts.map((columns) => ({
          ...columns,
          organisation_id: ctx.organisationId,
          created_by: ctx.userId,
          created_at: ctx.now(),
          updated_at: ctx.now(),
        })),
      )
      .execute();
    counts.created += inserts.length;
  }
  return counts;
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
  try {
    for (let start = 0; start < rows.length; start += IMPORT_BATCH_SIZE) {
      const batch = rows.slice(start, start + IMPORT_BATCH_SIZE);
      await db.transaction().execute(async (trx) => {
        const counts = await importBatch(trx, ctx, batch, keys, employers);
        totals.created += counts.created;
        totals.updated += counts.updated;
        totals.unchanged += counts.unchanged;
        processed += batch.length;
        await trx
          .updateTable('import_job')
          .set({ processed, ...totals, updated_at: ctx.now() })
          .where('id', '=', ctx.jobId)
          .execute();
      });
      // Let other requests (the status route) in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
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
