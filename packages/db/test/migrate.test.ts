import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, listMigrations, migrate } from '../src/index.ts';
import { testTargets } from '../src/testing.ts';

describe.each(testTargets())('database on $driver', (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('applies every migration once and records it', async () => {
    const rows = await handle.db.selectFrom('schema_migration').select('version').execute();
    expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
    expect(await migrate(handle.db)).toEqual([]);
  });

  it('rolls a failing migration back whole', async () => {
    const bad = [
      { version: '9999_bad', sql: 'CREATE TABLE half_done (id int); SELECT no_such_column FROM basin;' },
    ];
    await expect(migrate(handle.db, bad)).rejects.toThrow();
    const table = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'half_done'`.execute(handle.db);
    expect(table.rows[0]?.n).toBe(0);
    const recorded = await handle.db
      .selectFrom('schema_migration')
      .where('version', '=', '9999_bad')
      .selectAll()
      .execute();
    expect(recorded).toEqual([]);
  });

  it('keeps the audit log append-only', async () => {
    await handle.db.insertInto('audit_log').values({ action: 'test', entity: 'test' }).execute();
    await expect(handle.db.updateTable('audit_log').set({ action: 'changed' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(handle.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('returns calendar dates as strings and numerics as numbers on both drivers', async () => {
    const r = await sql<{
      d: string;
      n: number;
      c: number;
    }>`SELECT DATE '2024-02-29' AS d, 0.5::numeric(3,2) AS n, count(*) AS c FROM basin`.execute(handle.db);
    expect(r.rows[0]).toEqual({ d: '2024-02-29', n: 0.5, c: 10 });
  });

  it('runs concurrent transactions without mixing them', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        handle.db
          .transaction()
          .execute(async (trx) => {
            await trx
              .insertInto('basin')
              .values({ name: `Bassin ${i}` })
              .execute();
            if (i % 2 === 1) throw new Error('rollback');
          })
          .catch(() => undefined),
      ),
    );
    const names = await handle.db
      .selectFrom('basin')
      .select('name')
      .where('name', 'like', 'Bassin %')
      .orderBy('name')
      .execute();
    expect(names.map((n) => n.name)).toEqual(['Bassin 0', 'Bassin 2', 'Bassin 4', 'Bassin 6']);
  });
});
