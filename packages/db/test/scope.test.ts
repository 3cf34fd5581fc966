import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, ORGANISATION_TABLES, ScopeViolation, scopedTo } from '../src/index.ts';
import { testTargets } from '../src/testing.ts';

describe.each(testTargets())('organisation scope on $driver', (target) => {
  let handle: DatabaseHandle;
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    handle = await target.open();
    const { db } = handle;
    const basin = await db
      .insertInto('basin')
      .values({ name: 'Bassin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const org = (name: string) =>
      db
        .insertInto('organisation')
        .values({ name, kind: 'cpas', basin_id: basin.id })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    orgA = await org('A');
    orgB = await org('B');
    for (const [organisation_id, name] of [
      [orgA, 'Partenaire A1'],
      [orgA, 'Partenaire A2'],
      [orgB, 'Partenaire B1'],
    ] as const) {
      await db.insertInto('partner').values({ organisation_id, name, type: 'cpas' }).execute();
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('covers exactly the tables that carry organisation_id', async () => {
    const rows = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name = 'organisation_id' ORDER BY table_name`.execute(
      handle.db,
    );
    expect(rows.rows.map((r) => r.table_name)).toEqual([...ORGANISATION_TABLES].sort());
  });

  it('reads only the organisation’s rows, in FROM items, joins, subqueries and CTEs', async () => {
    const a = scopedTo(handle.db, orgA);
    const names = await a.selectFrom('partner').select('name').orderBy('name').execute();
    expect(names.map((r) => r.name)).toEqual(['Partenaire A1', 'Partenaire A2']);
    // A join on a scoped table is scoped in its ON clause: the left join keeps its rows.
    const joined = await a
      .selectFrom('organisation as o')
      .leftJoin('partner as p', (join) => join.on('p.name', '=', 'Partenaire B1'))
      .select(['o.name', 'p.id'])
      .orderBy('o.name')
      .execute();
    expect(joined).toEqual([
      { name: 'A', id: null },
      { name: 'B', id: null },
    ]);
    const viaSubquery = await a
      .selectFrom((eb) => eb.selectFrom('partner').select('name').as('x'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(viaSubquery.n)).toBe(2);
    const viaCte = await a
      .with('mine', (qb) => qb.selectFrom('partner as p').select('p.name'))
      .selectFrom('mine')
      .select('name')
      .execute();
    expect(viaCte).toHaveLength(2);
    // An OR in the query's own condition keeps its meaning: (x OR y) AND organisation.
    const either = await a
      .selectFrom('partner')
      .select('name')
      .where((eb) => eb.or([eb('name', '=', 'Partenaire A1'), eb('name', '=', 'Partenaire B1')]))
      .execute();
    expect(either.map((r) => r.name)).toEqual(['Partenaire A1']);
  });

  it('updates and deletes only the organisation’s rows, and never moves one', async () => {
    const a = scopedTo(handle.db, orgA);
    const updated = await a.updateTable('partner').set({ contact: 'x' }).returning('name').execute();
    expect(updated.map((r) => r.name).sort()).toEqual(['Partenaire A1', 'Partenaire A2']);
    const b = await handle.db
      .selectFrom('partner')
      .select('contact')
      .where('organisation_id', '=', orgB)
      .execute();
    expect(b).toEqual([{ contact: null }]);
    expect(() => a.updateTable('partner').set({ organisation_id: orgB }).compile()).toThrow(ScopeViolation);
    const deleted = await a.deleteFrom('partner').where('name', '=', 'Partenaire B1').execute();
    expect(Number(deleted[0]?.numDeletedRows)).toBe(0);
  });

  it('fills the organisation on insert and refuses another organisation’s', async () => {
    const a = scopedTo(handle.db, orgA);
    const row = await a
      // organisation_id is filled by the scope (the cast stands for a caller that omits it)
      .insertInto('partner')
      .values({ name: 'Partenaire A3', type: 'forem' } as never)
      .returning('organisation_id')
      .executeTakeFirstOrThrow();
    expect(row.organisation_id).toBe(orgA);
    expect(() =>
      a.insertInto('partner').values({ organisation_id: orgB, name: 'Intrus', type: 'cpas' }).compile(),
    ).toThrow(ScopeViolation);
  });

  it('refuses raw SQL that reads a scoped table without stating the organisation', async () => {
    const a = scopedTo(handle.db, orgA);
    await expect(sql`SELECT count(*) FROM partner`.execute(a)).rejects.toThrow(ScopeViolation);
    expect(() =>
      a
        .selectFrom('organisation as o')
        .select(sql<number>`(SELECT count(*) FROM partner p WHERE p.name <> '')`.as('n'))
        .compile(),
    ).toThrow(ScopeViolation);
    const stated = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM partner WHERE organisation_id = ${orgA}`.execute(a);
    expect(stated.rows[0]?.n).toBe(3);
  });

  it('keeps a transaction opened on the scoped handle scoped', async () => {
    const a = scopedTo(handle.db, orgA);
    const n = await a.transaction().execute(async (trx) => {
      const rows = await trx.selectFrom('partner').select('id').execute();
      return rows.length;
    });
    expect(n).toBe(3);
  });
});
