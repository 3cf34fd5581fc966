import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { DEMO_PASSWORD, demoLogins, seedDemo } from '../demo/seed.ts';
import { openMigrated } from './database.ts';
import { startServer } from './start.ts';

/** Starts on a separate, freshly seeded embedded database (./data-demo unless DATA_DIR says otherwise). */
export async function runDemo() {
  const dataDir = resolve(process.env.DATA_DIR || 'data-demo');
  const config = loadConfig({ ...process.env, DATABASE_URL: '' }, { dataDir });
  rmSync(dataDir, { recursive: true, force: true });
  const { handle } = await openMigrated(config);
  await seedDemo(handle.db);
  await handle.close();
  await startServer(config, () => {
    console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const line of demoLogins()) console.log(line);
    console.log('');
  });
}
