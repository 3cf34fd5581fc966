import { type DatabaseHandle, sql } from '@jobcoach/db';
import { testTargets } from '@jobcoach/db/testing';
import { addDays, ageAt } from '@jobcoach/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The rules SQL applies itself (migration 0013) give what the domain's functions give. */
describe.each(testTargets())('rules written in SQL on $driver', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('computes the age at a day as the domain does, birthdays on 29 February included', async () => {
    const day = fc.integer({ min: 0, max: 365 * 120 }).map((n) => addDays('1900-01-01', n));
    const pairs = fc.sample(fc.tuple(day, fc.integer({ min: 0, max: 365 * 90 })), {
      numRuns: 400,
      seed: 4242,
    });
    const cases: [string, string][] = [
      ...pairs.map(([birth, days]): [string, string] => [birth, addDays(birth, days)]),
      ['2000-02-29', '2001-02-28'],
      ['2000-02-29', '2001-03-01'],
      ['2000-02-29', '2004-02-29'],
      ['1980-12-31', '2020-12-30'],
      ['1980-12-31', '2020-12-31'],
    ];
    const rows = await sql<{ birth: string; day: string; age: number }>`
      SELECT c.birth, c.day, jc_age_at(c.birth::date, c.day::date) AS age
        FROM jsonb_to_recordset(${JSON.stringify(cases.map(([birth, day]) => ({ birth, day })))}::jsonb)
          AS c(birth text, day text)`.execute(handle.db);
    expect(rows.rows.length).toBe(cases.length);
    for (const r of rows.rows)
      expect([r.birth, r.day, r.age]).toEqual([r.birth, r.day, ageAt(r.birth, r.day)]);
  });

  it('gives no age without a birth date or a day (the function is not declared STRICT, to be inlined)', async () => {
    const rows = await sql<{ no_birth: number | null; no_day: number | null; both: number | null }>`
      SELECT jc_age_at(NULL, '2020-01-01'::date) AS no_birth, jc_age_at('2000-01-01'::date, NULL) AS no_day,
        jc_age_at(NULL, NULL) AS both`.execute(handle.db);
    expect(rows.rows[0]).toEqual({ no_birth: null, no_day: null, both: null });
  });
});
