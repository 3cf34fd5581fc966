import { type DatabaseHandle, sql } from '@jobcoach/db';
import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COPY_COLUMNS } from '../src/imports/vacancy-import.ts';

/**
 * PostgreSQL writes a COPY row by row instead of by pages of rows as soon as one column it fills by
 * default calls a volatile function (gen_random_uuid(), clock_timestamp(), random()…): the import
 * then costs the database about a third more (docs/performance.md). Every such column of `vacancy`
 * must therefore be given by the import's COPY.
 */
describe.each(testTargets())('the vacancy import’s COPY on $driver', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('gives every column whose default is volatile', async () => {
    const defaults = (
      await sql<{ column: string; expression: string }>`
        SELECT a.attname AS column, pg_get_expr(d.adbin, d.adrelid) AS expression
          FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
         WHERE d.adrelid = 'vacancy'::regclass`.execute(handle.db)
    ).rows;
    const volatile = new Set(
      (
        await sql<{ proname: string }>`SELECT DISTINCT proname FROM pg_proc WHERE provolatile = 'v'`.execute(
          handle.db,
        )
      ).rows.map((r) => r.proname),
    );
    const calls = (expression: string) =>
      [...expression.matchAll(/([a-z_][a-z0-9_]*)\s*\(/gi)].map((m) => m[1]!);
    const filledByVolatile = defaults
      .filter((d) => calls(d.expression).some((f) => volatile.has(f)))
      .map((d) => d.column);
    // The id is one (gen_random_uuid()): the check must see it, or it checks nothing.
    expect(filledByVolatile).toContain('id');
    for (const column of filledByVolatile) expect(COPY_COLUMNS).toContain(column);
  });
});
