import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDirectory, openDatabase, restoreBackup, takeBackup } from '@jobcoach/db';
import { loadConfig } from '../config.ts';
import { openMigrated } from './database.ts';

/** 12 345 678 → « 11,8 Mo » */
export function frenchSize(bytes: number): string {
  const units = ['o', 'Ko', 'Mo', 'Go'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('fr-BE', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

/**
 * `jobcoach backup [--out <file>]`: a backup of the configured database, into DATA_DIR/backups
 * (the last 14 kept) or exactly the file named. The embedded database must not be open elsewhere
 * (a running server backs itself up every night); PostgreSQL goes through pg_dump.
 */
export async function runBackup(args: string[]) {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const config = loadConfig();
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    command: 'jobcoach backup',
  });
  try {
    const file = await takeBackup(
      handle,
      values.out ? { out: resolve(values.out) } : { directory: backupDirectory(config.dataDir) },
    );
    const what = config.databaseUrl ? 'la base PostgreSQL' : 'la base intégrée';
    console.log(`Sauvegarde de ${what} écrite : ${file.path} (${frenchSize(file.bytes)}).`);
  } finally {
    await handle.close();
  }
}

/**
 * `jobcoach restore <file>`: replaces the configured database with a backup, whole, after saving
 * the current one into DATA_DIR/backups; then brings its schema up to date. Refused while a
 * server (or anything else) uses the database.
 */
export async function runRestore(args: string[]) {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new Error('restore needs one backup file');
  const file = resolve(positionals[0]!);
  const config = loadConfig();
  const result = await restoreBackup(
    file,
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
    { safetyDirectory: backupDirectory(config.dataDir) },
  );
  if (result.safety) {
    console.log(`La base remplacée a d’abord été sauvegardée : ${result.safety.path}`);
  }
  const { handle, applied } = await openMigrated(config, 'jobcoach restore');
  await handle.close();
  console.log(`Base restaurée depuis ${file}.`);
  if (applied.length > 0) console.log(`Mise à jour du schéma : ${applied.join(', ')}`);
}
