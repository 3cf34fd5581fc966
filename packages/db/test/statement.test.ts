import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, ScopeViolation, scopedStatement, unscopedStatement } from '../src/index.ts';
import { testTargets } from '../src/testing.ts';

describe.each(testTargets())('statements compiled once on $driver', (target) => {
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
    for (const [organisation_id, name, type] of [
      [orgA, 'Partenaire A1', 'cpas'],
      [orgA, 'Partenaire A2', 'forem'],
      [orgB, 'Partenaire B1', 'cpas'],
    ] as const) {
      await db.insertInto('partner').values({ organisation_id, name, type }).execute();
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  const partnersOfType = scopedStatement((db, p: { type: string; organisationId: string }) =>
    db
      .selectFrom('partner')
      .select(['name', sql<boolean>`organisation_id = ${p.organisationId}`.as('own')])
      .where('type', '=', p.type)
      .orderBy('name'),
  );

  it('runs the same text with each call’s values, within the organisation given', async () => {
    expect(await partnersOfType(handle.db, orgA, { type: 'cpas' })).toEqual([
      { name: 'Partenaire A1', own: true },
    ]);
    expect(await partnersOfType(handle.db, orgA, { type: 'forem' })).toEqual([
      { name: 'Partenaire A2', own: true },
    ]);
    // Same compiled text, another organisation: only its rows.
    expect(await partnersOfType(handle.db, orgB, { type: 'cpas' })).toEqual([
      { name: 'Partenaire B1', own: true },
    ]);
  });

  it('runs inside a transaction on its connection', async () => {
    await handle.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('partner')
          .values({ organisation_id: orgB, name: 'Partenaire B2', type: 'forem' })
          .execute();
        expect(await partnersOfType(trx, orgB, { type: 'forem' })).toEqual([
          { name: 'Partenaire B2', own: true },
        ]);
        throw new Error('rolled back');
      })
      .catch((e: Error) => expect(e.message).toBe('rolled back'));
    expect(await partnersOfType(handle.db, orgB, { type: 'forem' })).toEqual([]);
  });

  it('refuses a value derived from a parameter, or written into the text', async () => {
    const derived = scopedStatement((db, p: { name: string; organisationId: string }) =>
      db.selectFrom('partner').select('id').where('name', 'like', `%${p.name}%`),
    );
    await expect(derived(handle.db, orgA, { name: 'A' })).rejects.toThrow(/changed on its way/);
    const written = scopedStatement((db, p: { name: string; organisationId: string }) =>
      db.selectFrom('partner').select('id').where('name', '=', sql.lit(p.name)),
    );
    await expect(written(handle.db, orgA, { name: 'A' })).rejects.toThrow(/written into the statement text/);
  });

  it('keeps the scope’s refusals', async () => {
    const unscopedRaw = scopedStatement((db, _p: { organisationId: string }) =>
      db.selectFrom('organisation').select(sql<number>`(SELECT count(*) FROM partner)`.as('n')),
    );
    await expect(unscopedRaw(handle.db, orgA, {})).rejects.toThrow(ScopeViolation);
  });

  it('runs a statement of no organisation with each call’s values, across organisations', async () => {
    const partnersNamed = unscopedStatement((db, p: { prefix: string; type: string }) =>
      db
        .selectFrom('partner')
        .select(['name', sql<boolean>`organisation_id IS NOT NULL`.as('owned')])
        .where('type', '=', p.type)
        .where(sql<boolean>`starts_with(name, ${p.prefix})`)
        .orderBy('name'),
    );
    expect(await partnersNamed(handle.db, { prefix: 'Partenaire', type: 'cpas' })).toEqual([
      { name: 'Partenaire A1', owned: true },
      { name: 'Partenaire B1', owned: true },
    ]);
    expect(await partnersNamed(handle.db, { prefix: 'Partenaire B', type: 'cpas' })).toEqual([
      { name: 'Partenaire B1', owned: true },
    ]);
    const derived = unscopedStatement((db, p: { name: string }) =>
      db.selectFrom('partner').select('id').where('name', 'like', `%${p.name}%`),
    );
    await expect(derived(handle.db, { name: 'A' })).rejects.toThrow(/changed on its way/);
  });
});
