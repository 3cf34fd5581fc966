import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, type JsonColumns, type JsonLine, jsonArray } from '../src/index.ts';
import { testTargets } from '../src/testing.ts';

interface PartnerLine {
  name: string;
  type: string;
  label: string;
}

const PARTNER_COLUMNS = [
  ['name', 'p.name'],
  ['type', 'p.type'],
  ['label', 'upper(p.type)'],
] as const satisfies JsonColumns<PartnerLine>;

const partnerLineOf = (t: JsonLine<typeof PARTNER_COLUMNS, PartnerLine>): PartnerLine => ({
  name: t[0],
  type: t[1],
  label: t[2],
});

describe.each(testTargets())('lines sent as JSON arrays on $driver', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
    const { db } = handle;
    const basin = await db
      .insertInto('basin')
      .values({ name: 'Bassin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const org = await db
      .insertInto('organisation')
      .values({ name: 'A', kind: 'cpas', basin_id: basin.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [name, type] of [
      ['Partenaire « un »', 'cpas'],
      ['Partenaire "deux"', 'forem'],
    ] as const) {
      await db.insertInto('partner').values({ organisation_id: org.id, name, type }).execute();
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('sends each line as its columns’ values in order, read back into named fields', async () => {
    const { rows } = await sql<{ lines: JsonLine<typeof PARTNER_COLUMNS, PartnerLine>[] }>`
      SELECT json_agg(${jsonArray(PARTNER_COLUMNS)} ORDER BY p.name) AS lines FROM partner p`.execute(
      handle.db,
    );
    // No key on the wire: the values only, quotes and accents kept.
    expect(rows[0]!.lines).toEqual([
      ['Partenaire "deux"', 'forem', 'FOREM'],
      ['Partenaire « un »', 'cpas', 'CPAS'],
    ]);
    expect(rows[0]!.lines.map(partnerLineOf)).toEqual([
      { name: 'Partenaire "deux"', type: 'forem', label: 'FOREM' },
      { name: 'Partenaire « un »', type: 'cpas', label: 'CPAS' },
    ]);
  });
});
