import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './support/server.ts';

/** Builds the web app from the current sources once, so browser tests never run a stale build. */
export default function setup() {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: join(ROOT, 'apps', 'web'),
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('web build failed');
}
