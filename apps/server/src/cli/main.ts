import { parseArgs } from 'node:util';
import { createAdmin } from './create-admin.ts';
import { runDemo } from './demo.ts';
import { runMigrate } from './migrate.ts';
import { runStart } from './start.ts';

const USAGE = `Usage: jobcoach <command> [options]

Commands:
  start                 start the platform (builds the web app once if needed)
  migrate               apply the database migrations and exit
  demo                  start on a fresh demo data directory (./data-demo) with demo data
  create-admin          create an installation administrator
      --email <e-mail>  --name <name>
      prints a temporary password to change at first login

Environment: PORT (3000), HOST (127.0.0.1), DATABASE_URL (PostgreSQL; embedded PGlite when
unset), DATA_DIR (./data), PUBLIC_URL, LOG_LEVEL, COOKIE_SECURE, SESSION_IDLE_MINUTES,
SESSION_ABSOLUTE_HOURS.`;

const [command, ...rest] = process.argv.slice(2);

async function main() {
  switch (command) {
    case 'start':
      return runStart();
    case 'migrate':
      return runMigrate();
    case 'demo':
      return runDemo();
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, name: { type: 'string' } },
      });
      if (!values.email || !values.name) {
        console.error('create-admin needs --email and --name');
        process.exit(2);
      }
      return createAdmin(values.email, values.name);
    }
    default:
      console.log(USAGE);
      process.exit(command && command !== 'help' && command !== '--help' ? 2 : 0);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
