import { migrate, openDatabase } from '@jobcoach/db';
import type { Config } from '../config.ts';

/**
 * Opens the configured database (PostgreSQL or the embedded PGlite) and brings its schema up to
 * date. `command` names the caller to another process refused the embedded database meanwhile.
 */
export async function openMigrated(config: Config, command: string) {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command });
  const applied = await migrate(handle.db);
  return { handle, applied };
}

export function describeDatabase(config: Config): string {
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return `embedded PGlite in ${config.dataDir}`;
}
