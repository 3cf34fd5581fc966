import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, type Driver, type OpenOptions, openDatabase } from './connect.ts';
import { migrate } from './migrate.ts';

/**
 * The databases a test file runs against: always an in-memory PGlite, and a real PostgreSQL
 * server too when TEST_DATABASE_URL is set. Each `open()` gives a fresh, migrated database of
 * its own; `close()` drops it. `onQuery` is told every statement run (OpenOptions).
 */
export interface TestTarget {
  driver: Driver;
  open(options?: TestOpenOptions): Promise<DatabaseHandle>;
}

type TestOpenOptions = Pick<OpenOptions, 'onQuery'>;

export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [{ driver: 'pglite', open: openPglite }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) targets.push({ driver: 'postgres', open: (options) => openPostgres(url, options) });
  return targets;
}

async function openPglite(options: TestOpenOptions = {}): Promise<DatabaseHandle> {
  const handle = await openDatabase({ ...options });
  await migrate(handle.db);
  return handle;
}

async function openPostgres(adminUrl: string, options: TestOpenOptions = {}): Promise<DatabaseHandle> {
  const name = `jobcoach_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ ...options, databaseUrl: url.toString(), poolSize: 4 });
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
