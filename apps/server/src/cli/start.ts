import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { WEB_DIST } from '../http/web.ts';
import { startJobs } from '../privacy/jobs.ts';
import { issueSetupToken } from '../setup/token.ts';
import { describeDatabase, openMigrated } from './database.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

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

export async function startServer(config: Config, afterStart?: (url: string) => Promise<void> | void) {
  ensureWebBuild();
  const { handle } = await openMigrated(config);
  const app = await buildApp({ database: handle, config });
  let jobs: Awaited<ReturnType<typeof startJobs>> | null = null;
  const shutdown = async () => {
    await jobs?.stop();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  // Background work (the nightly retention job) on pg-boss, in the same database.
  if (config.backgroundJobs) {
    jobs = await startJobs(app.deps, {
      onError: (error) => app.log.error({ err: { message: error.message } }, 'background job error'),
    });
  }
  console.log(`Jobcoach is running at ${config.publicUrl}  (database: ${describeDatabase(config)})`);
  const token = await issueSetupToken(handle.db);
  if (token) {
    console.log('');
    console.log('First run: no account exists yet. Open this one-time link to create the first organisation');
    console.log(`and its administrator:\n\n  ${config.publicUrl}/setup?token=${token}\n`);
  }
  await afterStart?.(config.publicUrl);
  return { app, handle };
}

export async function runStart() {
  await startServer(loadConfig());
}
