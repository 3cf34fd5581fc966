import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server of the tests (TEST_DATABASE_URL), when one is configured. */
export const ADMIN_URL = process.env.TEST_DATABASE_URL;

/** Runs statements on the server's administration database. */
export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(
  statement: string,
  values: unknown[] = [],
  url = ADMIN_URL!,
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(statement, values)).rows;
  } finally {
    await client.end();
  }
}

/** Creates an empty database of its own; returns its URL, its name and a function that drops it. */
export async function scratchDatabase(prefix: string) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL!);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    query: <T extends pg.QueryResultRow>(statement: string, values: unknown[] = []) =>
      adminQuery<T>(statement, values, url.toString()),
    drop: async () => {
      await adminQuery(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Ends every connection to the database but the caller's (what an administrator or a failover does). */
export async function terminateConnections(name: string): Promise<number> {
  const rows = await adminQuery<{ n: number }>(
    `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
     WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [name],
  );
  return rows[0]!.n;
}
