import { parseArgs } from 'node:util';

// Each command loads its own modules when it runs: `jobcoach help` answers without compiling the
// server, the database driver or the web build.

const USAGE = `Usage: jobcoach <command> [options]

Commands:
  start                 start the platform (builds the web app once if needed)
  migrate               apply the database migrations and exit
  demo                  start on a fresh demo data directory (./data-demo) with demo data
  retention [--dry-run] anonymise now the persons past their organisation's retention period
                        (the server does it every night); --dry-run only counts them
  backup [--out <file>] back the database up: into DATA_DIR/backups (the last 14 kept) or the
                        file named; the embedded database only while no server runs on it
  restore <file>        replace the database with a backup (the current one is saved first);
                        stop the servers first
  create-admin          create an installation administrator
      --email <e-mail>  --name <name>
      prints a temporary password to change at first login
  import <directory or .xlsx>
                        import an organisation's history (docs/import.md)
      --org <id or name>  [--dry-run]  [--valid-only]  [--user <coordinator e-mail>]
      exit code 1 when rows have errors (nothing is imported unless --valid-only)
  report                the steering committee's report (exact figures, read as the installation)
      --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--org <id or name>]... [--all]
      --format json|csv|xlsx|pdf [--out <file>]
      without --org: every organisation; json and csv go to the standard output unless --out

Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (PostgreSQL; embedded PGlite when
unset), DATA_DIR (./data), PUBLIC_URL, LOG_LEVEL, COOKIE_SECURE, SESSION_IDLE_MINUTES,
SESSION_ABSOLUTE_HOURS, BACKGROUND_JOBS (true; false: no nightly jobs in this process).

Exit code 3: the embedded database (DATA_DIR) is open in another process, named in the message.`;

const [command, ...rest] = process.argv.slice(2);

async function main() {
  switch (command) {
    case 'start':
      return (await import('./start.ts')).runStart();
    case 'migrate':
      return (await import('./migrate.ts')).runMigrate();
    case 'demo':
      return (await import('./demo.ts')).runDemo();
    case 'retention': {
      const { values } = parseArgs({ args: rest, options: { 'dry-run': { type: 'boolean' } } });
      return (await import('./retention.ts')).runRetentionCommand(values['dry-run'] === true);
    }
    case 'report':
      return (await import('./report.ts')).runReport(rest);
    case 'backup':
      return (await import('./backup.ts')).runBackup(rest);
    case 'restore':
      return (await import('./backup.ts')).runRestore(rest);
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, name: { type: 'string' } },
      });
      if (!values.email || !values.name) {
        console.error('create-admin needs --email and --name');
        process.exit(2);
      }
      return (await import('./create-admin.ts')).createAdmin(values.email, values.name);
    }
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          org: { type: 'string' },
          'dry-run': { type: 'boolean' },
          'valid-only': { type: 'boolean' },
          user: { type: 'string' },
        },
      });
      if (!values.org || positionals.length !== 1) {
        console.error('import needs --org and one directory or .xlsx file');
        process.exit(2);
      }
      const { runImport } = await import('./import.ts');
      process.exitCode = await runImport({
        org: values.org,
        dryRun: values['dry-run'] === true,
        validOnly: values['valid-only'] === true,
        user: values.user ?? null,
        path: positionals[0]!,
      });
      return;
    }
    default:
      console.log(USAGE);
      process.exit(command && command !== 'help' && command !== '--help' ? 2 : 0);
  }
}

/** What to do instead, when the embedded database is held by another process. */
const IN_USE_HINTS: Record<string, string> = {
  import:
    'Pour importer pendant que le serveur tourne, passez par la page « Import de l’historique » de l’application ; sinon arrêtez-le puis relancez la commande.',
  backup:
    'Le serveur en marche sauvegarde lui-même la base chaque nuit, et l’administrateur peut lancer une sauvegarde depuis la page Administration ; sinon arrêtez-le puis relancez la commande.',
  restore: 'Arrêtez-le, puis relancez la restauration.',
};

main().catch(async (error: unknown) => {
  const { BackupError, DataDirInUseError } = await import('@jobcoach/db');
  if (error instanceof BackupError) {
    console.error(error.message);
    process.exit(1);
  }
  if (error instanceof DataDirInUseError) {
    console.error(error.message);
    console.error(IN_USE_HINTS[command ?? ''] ?? 'Arrêtez-le, puis relancez la commande.');
    process.exit(3);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
