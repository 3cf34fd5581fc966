import { sql } from '@jobcoach/db';
import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/imports/csv.ts';
import { runVacancyImport } from '../src/imports/vacancy-import.ts';
import { guessMapping, keysOf, readRecords } from '../src/imports/vacancy-rows.ts';
import { addUser, countRows, setupInstallation, startTestApp, type TestApp } from './helpers.ts';

/** A valid enterprise number built on an 8-digit base starting with 0 or 1. */
function bce(base: number): string {
  const head = String(base).padStart(8, '0');
  return `${head}${String(97 - (Number(head) % 97)).padStart(2, '0')}`;
}

const ROWS = 120;
const BATCH = 10;
/** Employers met all along the file: every batch names several, every one is in several batches. */
const EMPLOYERS = 15;

function exportCsv(): string {
  const lines = [
    'Référence;Intitulé;Employeur;Numéro d’entreprise;Commune;Type de contrat;Date de publication',
  ];
  for (let i = 0; i < ROWS; i++) {
    const k = i % EMPLOYERS;
    // Half the employers by number, half by name only (spelt differently from one row to the next).
    const name = k % 2 === 0 ? `Entreprise ${k}` : i % 3 === 0 ? `ATELIER ${k}` : `Atelier  ${k}`;
    lines.push(
      [
        `REF-${i}`,
        `Aide-magasinier ${i}`,
        name,
        k % 2 === 0 ? bce(10_000_500 + k) : '',
        'Fleurus',
        'CDI',
        '02/11/2026',
      ].join(';'),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The write of an import by batches, each in its own transaction, on PostgreSQL two at a time:
 * progress, employers and failures must not depend on the order in which batches commit.
 */
describe.each(testTargets())('vacancy import batches on $driver', (target) => {
  let t: TestApp;
  let organisationId: string;
  let basinId: string;
  let userId: string;
  const copy = target.driver === 'postgres';

  const file = () => {
    const parsed = parseCsv(exportCsv());
    const mapping = guessMapping(parsed.records[0]!.fields.map((c) => c.trim()));
    const read = readRecords(parsed.records, mapping);
    expect(read.errors).toEqual([]);
    return { rows: read.rows, keys: keysOf(mapping) };
  };
  const run = async () => {
    const job = await t.handle.db
      .insertInto('import_job')
      .values({ organisation_id: organisationId, kind: 'vacancies', total: ROWS, created_by: userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { rows, keys } = file();
    const result = await runVacancyImport(
      t.handle.db,
      { jobId: job.id, organisationId, basinId, userId, now: () => t.clock.now(), copy, batchSize: BATCH },
      rows,
      keys,
      [],
      0,
    );
    const stored = await t.handle.db
      .selectFrom('import_job')
      .select(['status', 'processed', 'created', 'updated', 'unchanged'])
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    return { result, stored };
  };
  const count = (table: 'vacancy' | 'employer') => countRows(t, table);

  beforeAll(async () => {
    t = await startTestApp(target);
    ({ organisationId, basinId } = await setupInstallation(t));
    userId = await addUser(t, organisationId, 'karim@fleurus.example', 'jobcoach');
    // Which transaction, on which connection, wrote each row.
    await sql`CREATE TABLE test_writer (ref text PRIMARY KEY, xid bigint NOT NULL, pid int NOT NULL)`.execute(
      t.handle.db,
    );
    await sql`CREATE TABLE test_refused (ref text PRIMARY KEY)`.execute(t.handle.db);
    await sql`CREATE FUNCTION test_writer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM test_refused WHERE ref = NEW.source_ref) THEN
          RAISE EXCEPTION 'refused for the test';
        END IF;
        INSERT INTO test_writer VALUES (NEW.source_ref, txid_current(), pg_backend_pid());
        RETURN NEW;
      END $$`.execute(t.handle.db);
    await sql`CREATE TRIGGER test_writer AFTER INSERT ON vacancy FOR EACH ROW EXECUTE FUNCTION test_writer()`.execute(
      t.handle.db,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stops at the first failed batch, keeps the batches written whole, and a re-import completes them', async () => {
    // A row of the seventh batch refused by the database.
    await sql`INSERT INTO test_refused VALUES ('REF-65')`.execute(t.handle.db);
    const { result, stored } = await run();
    expect(result.ok).toBe(false);
    expect(stored.status).toBe('failed');
    const written = await count('vacancy');
    // Whole batches only, never the refused one, and not the rest of the file.
    expect(written % BATCH).toBe(0);
    expect(written).toBeGreaterThanOrEqual(6 * BATCH);
    expect(written).toBeLessThan(ROWS);
    expect(stored.created).toBe(written);
    expect(
      await t.handle.db.selectFrom('vacancy').where('source_ref', '=', 'REF-65').select('id').execute(),
    ).toEqual([]);

    await sql`DELETE FROM test_refused`.execute(t.handle.db);
    await sql`DELETE FROM test_writer`.execute(t.handle.db);
    const again = await run();
    expect(again.result).toMatchObject({ ok: true, created: ROWS - written, unchanged: written, updated: 0 });
    expect(again.stored).toMatchObject({
      status: 'done',
      processed: ROWS,
      created: ROWS - written,
      unchanged: written,
      updated: 0,
    });
    expect(await count('vacancy')).toBe(ROWS);
    // Each employer created once, whichever batch met it first.
    expect(await count('employer')).toBe(EMPLOYERS);
    const writers = await sql<{ transactions: number; connections: number }>`
      SELECT count(DISTINCT xid)::int AS transactions, count(DISTINCT pid)::int AS connections FROM test_writer`.execute(
      t.handle.db,
    );
    // One transaction per batch written; on PostgreSQL two batches at once, on two connections.
    expect(writers.rows[0]).toEqual({
      transactions: (ROWS - written) / BATCH,
      connections: copy ? 2 : 1,
    });
  });
});
