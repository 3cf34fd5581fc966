import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { acquireDataDirLock, BACKUPS_DIR, PGDATA_DIR } from '@jobcoach/db';
import { loadConfig } from '../config.ts';
import { DEMO_PASSWORD, demoLogins, seedDemo } from '../demo/seed.ts';
import { openMigrated } from './database.ts';
import { startServer } from './start.ts';

/** Starts on a separate, freshly seeded embedded database (./data-demo unless DATA_DIR says otherwise). */
export async function runDemo() {
  const dataDir = resolve(process.env.DATA_DIR || 'data-demo');
  const config = loadConfig({ ...process.env, DATABASE_URL: '' }, { dataDir });
  // Wiped only under its writer lock: never under a demo (or anything else) still running on it.
  const lock = acquireDataDirLock(dataDir, 'jobcoach demo');
  try {
    for (const entry of [PGDATA_DIR, BACKUPS_DIR])
      rmSync(join(dataDir, entry), { recursive: true, force: true });
  } finally {
    lock.release();
  }
  const { handle } = await openMigrated(config, 'jobcoach demo');
  await seedDemo(handle.db);
  await handle.close();
  await startServer(
    config,
    () => {
      console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
      for (const line of demoLogins()) console.log(line);
      console.log('');
    },
    'jobcoach demo',
  );
}
