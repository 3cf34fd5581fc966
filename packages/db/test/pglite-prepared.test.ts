import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PREPARED, PGlitePool } from '../src/pglite-pool.ts';

/**
 * The embedded database prepares each statement with parameters once in its session, then only
 * binds and executes it (pglite-pool.ts): the same answers as PGlite's own query(), whatever the
 * values, errors and schema changes.
 */
describe('statements prepared in the embedded session', () => {
  let pool: PGlitePool;
  const query = async (text: string, params: unknown[] = []) => {
    const connection = await pool.connect();
    try {
      return await connection.query(text, params);
    } finally {
      connection.release();
    }
  };
  const prepared = async () =>
    (await query('SELECT name, statement FROM pg_prepared_statements ORDER BY name')).rows as {
      name: string;
      statement: string;
    }[];

  beforeAll(async () => {
    pool = new PGlitePool(new PGlite());
    await query(`CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL, tags text[] NOT NULL,
      data jsonb, due date, done boolean NOT NULL DEFAULT false, amount numeric, big bigint);
      INSERT INTO item VALUES (1, 'un', '{a,b}', '{"k": 1}', '2024-02-29', true, 1.5, 9007199254740991),
        (2, 'deux', '{}', NULL, NULL, false, NULL, NULL)`);
  });
  afterAll(async () => {
    await pool?.end();
  });

  it('prepares a text once and runs it with each call’s values', async () => {
    const text = 'SELECT id, name FROM item WHERE id = $1';
    expect((await query(text, [1])).rows).toEqual([{ id: 1, name: 'un' }]);
    expect((await query(text, [2])).rows).toEqual([{ id: 2, name: 'deux' }]);
    expect((await query(text, [3])).rows).toEqual([]);
    expect((await prepared()).filter((s) => s.statement === text)).toHaveLength(1);
  });

  it('passes and reads values as PGlite’s query() does', async () => {
    const text = `SELECT id, tags, data, due, done, amount, big FROM item
      WHERE tags @> $1::text[] AND due = $2 AND done = $3 AND data @> $4::jsonb`;
    const params = [['a'], '2024-02-29', true, { k: 1 }];
    const rows = (await query(text, params)).rows;
    expect(rows).toEqual([
      {
        id: 1,
        tags: ['a', 'b'],
        data: { k: 1 },
        due: '2024-02-29',
        done: true,
        amount: 1.5,
        big: 9007199254740991,
      },
    ]);
    expect((await query('SELECT count(*) AS n FROM item WHERE data IS NULL AND id = $1', [2])).rows).toEqual([
      { n: 1 },
    ]);
  });

  it('counts the rows a change touched', async () => {
    const result = await query('UPDATE item SET done = $1 WHERE id > $2', [false, 0]);
    expect(result.command).toBe('UPDATE');
    expect(result.rowCount).toBe(2);
  });

  it('leaves the session ready after an error', async () => {
    const text = 'SELECT id FROM item WHERE id = $1';
    await expect(query(text, ['not a number'])).rejects.toMatchObject({ code: '22P02' });
    await expect(query('SELECT nothing FROM item WHERE id = $1', [1])).rejects.toMatchObject({
      code: '42703',
    });
    expect((await query(text, [1])).rows).toEqual([{ id: 1 }]);
  });

  it('reads the new columns of a table changed since a statement was prepared', async () => {
    const text = 'SELECT * FROM item WHERE id = $1';
    expect(Object.keys((await query(text, [1])).rows[0]!)).not.toContain('note');
    await query(`ALTER TABLE item ADD COLUMN note text DEFAULT 'n'`);
    expect((await query(text, [1])).rows[0]).toMatchObject({ id: 1, note: 'n' });
    // Inside a transaction the change aborts it: the caller sees the error, the next call works.
    await query(`ALTER TABLE item ADD COLUMN note2 text DEFAULT 'm'`);
    await query('BEGIN');
    await expect(query(text, [1])).rejects.toMatchObject({ code: '0A000' });
    await query('ROLLBACK');
    expect((await query(text, [1])).rows[0]).toMatchObject({ id: 1, note: 'n', note2: 'm' });
  });

  it('keeps at most a bounded number of statements prepared', async () => {
    for (let i = 0; i < MAX_PREPARED + 20; i++) {
      expect((await query(`SELECT $1::int + ${i} AS n`, [1])).rows).toEqual([{ n: 1 + i }]);
    }
    expect((await prepared()).length).toBeLessThanOrEqual(MAX_PREPARED);
    // The most recent ones stay.
    expect((await prepared()).map((s) => s.statement)).toContain(
      `SELECT $1::int + ${MAX_PREPARED + 19} AS n`,
    );
  });
});
