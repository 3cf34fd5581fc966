import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, type Driver, openDatabase } from './connect.ts';
import { migrate } from './migrate.ts';

/**
 * The databases a test file runs against: always an in-memory PGlite, and a real PostgreSQL
 * server too when TEST_DATABASE_URL is set. Each `open()` gives a fresh, migrated database of
 * its own; `close()` drops it.
 */
export interface TestTarget {
  driver: Driver;
  open(): Promise<DatabaseHandle>;
}

export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [{ driver: 'pglite', open: openPglite }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) targets.push({ driver: 'postgres', open: () => openPostgres(url) });
  return targets;
}

async function openPglite(): Promise<DatabaseHandle> {
  const handle = await openDatabase({});
  await migrate(handle.db);
  return handle;
}

async function openPostgres(adminUrl: string): Promise<DatabaseHandle> {
  const name = `jobcoach_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  await migrate(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(adminUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
