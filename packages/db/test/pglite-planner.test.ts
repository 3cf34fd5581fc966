import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase, sql } from '../src/index.ts';

/**
 * The embedded database's planner is told that its pages are cached (connect.ts, embeddedSession):
 * for each row of an outer query it probes an index of a small table instead of scanning the
 * table whole, as « Ma journée » reads each person's contracts (docs/performance.md).
 */
describe('the embedded database plans for cached pages', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({});
    await sql`CREATE TABLE owner (id int PRIMARY KEY, org int NOT NULL, name text NOT NULL)`.execute(
      handle.db,
    );
    await sql`CREATE TABLE deal (id int PRIMARY KEY, owner_id int NOT NULL REFERENCES owner, org int NOT NULL,
      cancelled_at timestamptz, label text NOT NULL)`.execute(handle.db);
    await sql`CREATE INDEX deal_owner_idx ON deal (owner_id)`.execute(handle.db);
    // As the contracts of the pilot's copy: 150 rows on 5 pages, for 400 persons.
    await sql`INSERT INTO owner SELECT i, 1, 'owner ' || i FROM generate_series(1, 400) i`.execute(handle.db);
    await sql`INSERT INTO deal SELECT i, 1 + (i * 7) % 400, 1, NULL, repeat('x', 200) || i
      FROM generate_series(1, 150) i`.execute(handle.db);
    await sql`ANALYZE owner, deal`.execute(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('reads the rows of each outer row through the index, not by scanning the table', async () => {
    const setting = await sql<{ random_page_cost: string }>`SHOW random_page_cost`.execute(handle.db);
    expect(setting.rows[0]?.random_page_cost).toBe('1.1');
    const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (COSTS OFF)
      SELECT o.id, (SELECT json_agg(d.label ORDER BY d.id) FROM deal d
                     WHERE d.owner_id = o.id AND d.org = o.org AND d.cancelled_at IS NULL) AS deals
        FROM owner o WHERE o.id <= 54`.execute(handle.db);
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index Scan using deal_owner_idx on deal|Bitmap Index Scan on deal_owner_idx/);
    expect(text).not.toMatch(/Seq Scan on deal/);
  });
});
