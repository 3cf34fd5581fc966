import { AppDatabase } from '../application/database.ts';
import { Clock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { runRetention } from '../privacy/retention.ts';
import { describeDatabase, openMigrated } from './database.ts';

/**
 * `jobcoach retention [--dry-run]`: runs the retention job now (the server runs it every night),
 * or with --dry-run only counts, per organisation, the persons it would anonymise.
 */
export async function runRetentionCommand(dryRun: boolean) {
  const config = loadConfig();
  const { handle } = await openMigrated(config, 'jobcoach retention');
  try {
    const clock = new Clock();
    const report = await runRetention(new AppDatabase(handle.db), {
      today: clock.today(),
      now: () => clock.now(),
      trigger: 'command_line',
      dryRun,
    });
    console.log(
      `${dryRun ? 'Dry run: nothing changed. ' : ''}Retention on ${report.today} (database: ${describeDatabase(config)})`,
    );
    for (const o of report.organisations) {
      console.log(
        `  ${o.organisationName}: ${o.anonymised} person(s) ${dryRun ? 'due' : 'anonymised'} (kept ${o.retentionYears} years, left on or before ${o.cutoff})`,
      );
    }
    console.log(`Total: ${report.anonymised} person(s) ${dryRun ? 'due' : 'anonymised'}.`);
  } finally {
    await handle.close();
  }
}
