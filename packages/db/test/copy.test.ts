import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/connect.ts';
import { copyCell, copyFromStdin, copyRow } from '../src/copy.ts';
import { type Kysely, sql } from '../src/index.ts';
import { testTargets } from '../src/testing.ts';
import type { Database } from '../src/types.ts';

/** Cells that COPY's text format would misread unless escaped, and others it must leave alone. */
const NASTY = [
  '',
  ' ',
  'tab\there',
  '\t',
  'line\nbreak',
  'crlf\r\nend',
  'lone\rcr',
  'back\\slash',
  'ends with a backslash\\',
  '\\',
  '\\\\',
  '\\N',
  'N',
  'NULL',
  '\\.',
  '.',
  '\\t is not a tab',
  '\\n is not a line break',
  '\\123 is not octal, \\x41 not hexadecimal',
  'quotes "double" and \'single\'',
  'semi;colon, comma',
  'accents éèàçœ ÆØÅ ß, Braine-l’Alleud',
  'emoji 😀 👩🏽‍💻 🇧🇪',
  'controls \u0001\u0008\f\u000b\u007f and \u2028\u2029 separators',
  'zero\u200bwidth',
  `long ${'Profil recherché : ponctuel·le, « motivé·e »\t\\ 😀\r\n'.repeat(400)}`,
];

describe('COPY text format cells', () => {
  it('escapes the backslash, the tab, the line feed and the carriage return, and nothing else', () => {
    expect(copyCell('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyCell('\\N')).toBe('\\\\N');
    expect(copyCell('é 😀 "q" ;')).toBe('é 😀 "q" ;');
  });

  it('writes NULL as \\N and an empty string as nothing', () => {
    expect(copyCell(null)).toBe('\\N');
    expect(copyCell(undefined)).toBe('\\N');
    expect(copyCell('')).toBe('');
    expect(copyRow(['', null, 'x'])).toBe('\t\\N\tx\n');
  });

  it('writes numbers, booleans and instants as PostgreSQL reads them', () => {
    expect(copyRow([19.5, 3, true, false, new Date(Date.UTC(2025, 5, 30, 8, 0, 1, 250))])).toBe(
      '19.5\t3\ttrue\tfalse\t2025-06-30T08:00:01.250Z\n',
    );
  });
});

const postgres = testTargets().find((t) => t.driver === 'postgres');

describe.skipIf(!postgres)('COPY FROM STDIN on PostgreSQL', () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await postgres!.open();
    db = handle.db;
    await sql`CREATE TABLE copy_probe (
      n integer PRIMARY KEY,
      t text,
      j jsonb,
      at timestamptz,
      amount numeric(4, 1) CHECK (amount > 0)
    )`.execute(db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const read = async () =>
    (
      await sql<{ n: number; t: string | null; j: unknown; at: Date | null; amount: number | null }>`
        SELECT n, t, j, at, amount FROM copy_probe ORDER BY n`.execute(db)
    ).rows;

  it('stores every cell byte for byte, text and JSON, NULL apart from the empty string', async () => {
    await sql`TRUNCATE copy_probe`.execute(db);
    const rows = NASTY.map((t, n) => copyRow([n, t, JSON.stringify({ t, list: [t, null] }), null, null]));
    rows.push(copyRow([1000, null, null, new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678)), 19.5]));
    // In chunks that end anywhere within a row (a chunk is text: never within a character).
    const all = rows.join('');
    const cut = (at: number) => (/[\udc00-\udfff]/.test(all[at]!) ? at + 1 : at);
    const chunks = [all.slice(0, 7), all.slice(7, cut(1001)), all.slice(cut(1001))];
    const copied = await db
      .transaction()
      .execute((trx) => copyFromStdin(trx, 'copy_probe', ['n', 't', 'j', 'at', 'amount'], chunks));
    expect(copied).toBe(NASTY.length + 1);
    const stored = await read();
    expect(stored.map((r) => r.t)).toEqual([...NASTY, null]);
    expect(stored.map((r) => r.j)).toEqual([...NASTY.map((t) => ({ t, list: [t, null] })), null]);
    expect(stored.at(-1)).toMatchObject({ at: new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678)), amount: 19.5 });
    // Byte for byte as PostgreSQL holds it, not only as the driver decodes it.
    const bytes = await sql<{ hex: string }>`
      SELECT encode(convert_to(t, 'UTF8'), 'hex') AS hex FROM copy_probe WHERE n < 1000 ORDER BY n`.execute(
      db,
    );
    expect(bytes.rows.map((r) => r.hex)).toEqual(NASTY.map((t) => Buffer.from(t, 'utf8').toString('hex')));
  });

  it('takes its data from an asynchronous producer, within the caller’s transaction', async () => {
    await sql`TRUNCATE copy_probe`.execute(db);
    async function* produce() {
      for (let n = 0; n < 3000; n++) yield copyRow([n, NASTY[n % NASTY.length]!]);
    }
    await expect(
      db.transaction().execute(async (trx) => {
        await copyFromStdin(trx, 'copy_probe', ['n', 't'], produce());
        expect(
          (await sql<{ c: number }>`SELECT count(*)::int AS c FROM copy_probe`.execute(trx)).rows[0]!.c,
        ).toBe(3000);
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    expect(await read()).toEqual([]);
  });

  it('fails with the server’s error on a refused row, the transaction rolled back and the connection usable', async () => {
    await sql`TRUNCATE copy_probe`.execute(db);
    let produced = 0;
    async function* produce() {
      for (let n = 0; n < 20_000; n++) {
        produced++;
        // Row 10 breaks the check; the rows after it come slowly, and stop with the refusal.
        if (n > 10) await new Promise((resolve) => setTimeout(resolve, 1));
        yield copyRow([n, 'x', null, null, n === 10 ? -1 : 1]);
      }
    }
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`INSERT INTO copy_probe (n, t) VALUES (-1, 'before')`.execute(trx);
        await copyFromStdin(trx, 'copy_probe', ['n', 't', 'j', 'at', 'amount'], produce());
      }),
    ).rejects.toThrow(/copy_probe_amount_check/);
    expect(produced).toBeLessThan(2000);
    expect(await read()).toEqual([]);
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(db)).rows).toEqual([{ one: 1 }]);
  });

  it('cancels the COPY when its producer fails, with the producer’s error', async () => {
    await sql`TRUNCATE copy_probe`.execute(db);
    function* produce() {
      yield copyRow([1, 'one', null, null, null]);
      throw new Error('the producer broke');
    }
    await expect(
      db.transaction().execute((trx) => copyFromStdin(trx, 'copy_probe', ['n', 't'], produce())),
    ).rejects.toThrow('the producer broke');
    expect(await read()).toEqual([]);
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(db)).rows).toEqual([{ one: 1 }]);
  });

  it('refuses a table or column that is not a plain identifier', async () => {
    await expect(copyFromStdin(db, 'copy_probe; DROP TABLE x', ['n'], [])).rejects.toThrow(
      'not an identifier',
    );
    await expect(copyFromStdin(db, 'copy_probe', ['n', 't"'], [])).rejects.toThrow('not an identifier');
  });
});
