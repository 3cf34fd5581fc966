import { loadConfig } from '../config.ts';
import { describeDatabase, openMigrated } from './database.ts';

export async function runMigrate() {
  const config = loadConfig();
  const { handle, applied } = await openMigrated(config, 'jobcoach migrate');
  console.log(`Database: ${describeDatabase(config)}`);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
  await handle.close();
}
