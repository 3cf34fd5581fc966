import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCK_KEYS, migrate, openDatabase, withAdvisoryLock } from '@jobcoach/db';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { WEB_DIST } from '../http/web.ts';
import { startJobs } from '../privacy/jobs.ts';
import { claimSetupLink, hasAnyUser } from '../setup/token.ts';
import { describeDatabase } from './database.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** A stop (SIGTERM, SIGINT) ends the process within this time, whatever is still running. */
export const STOP_TIMEOUT_MS = 10_000;
/** How often the instance holding the first-run link checks whether setup is done. */
const SETUP_POLL_MS = 30_000;

/** Builds the web app once, when no build exists yet. */
export function ensureWebBuild() {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  console.log('Building the web interface (first start only)…');
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: join(ROOT, 'apps', 'web'),
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('building the web interface failed');
}

export async function startServer(
  config: Config,
  afterStart?: (url: string) => Promise<void> | void,
  command = 'jobcoach start',
) {
  ensureWebBuild();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command });
  const app = await buildApp({ database: handle, config });
  let jobs: Awaited<ReturnType<typeof startJobs>> | null = null;

  // Instances starting at once on one database take turns: migrations, pg-boss's own schema and
  // the first-run link are each done by one of them, the others find them done.
  const setup = await withAdvisoryLock(handle, LOCK_KEYS.startup, async () => {
    await migrate(handle.db);
    // Background work (the nightly jobs) on pg-boss, in the same database.
    if (config.backgroundJobs) {
      jobs = await startJobs(app.deps, {
        onError: (error) => app.log.error({ err: { message: error.message } }, 'background job error'),
      });
    }
    return claimSetupLink(handle);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping (requests in flight finish, at most ${STOP_TIMEOUT_MS / 1000} s)…`);
    const deadline = setTimeout(() => {
      console.error('Stopping took too long: exiting now.');
      process.exit(1);
    }, STOP_TIMEOUT_MS);
    try {
      // Stop accepting connections and let the requests in flight end; the background jobs end
      // their current run meanwhile.
      await Promise.all([app.close(), jobs?.stop()]);
      if (setup.kind === 'issued') await setup.release();
      await handle.close();
    } catch (error) {
      console.error(`Error while stopping: ${(error as Error).message}`);
      process.exit(1);
    }
    clearTimeout(deadline);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  // A command refused the embedded database is told where this server answers.
  handle.dataDirLock?.update({ address: config.publicUrl });
  console.log(`Jobcoach is running at ${config.publicUrl}  (database: ${describeDatabase(config)})`);
  if (setup.kind === 'issued') {
    console.log('');
    console.log('First run: no account exists yet. Open this one-time link to create the first organisation');
    console.log(`and its administrator:\n\n  ${config.publicUrl}/setup?token=${setup.token}\n`);
    // Once set up, the link is spent: let go of the claim on it.
    const poll = setInterval(() => {
      hasAnyUser(handle.db)
        .then(async (done) => {
          if (!done) return;
          clearInterval(poll);
          await setup.release();
        })
        .catch(() => undefined);
    }, SETUP_POLL_MS);
    poll.unref();
  } else if (setup.kind === 'elsewhere') {
    console.log('');
    console.log('First run: no account exists yet. The one-time setup link was printed by another instance');
    console.log('starting or running on this database: open the link from its output.\n');
  }
  await afterStart?.(config.publicUrl);
  return { app, handle };
}

export async function runStart() {
  await startServer(loadConfig());
}
