import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants as osConstants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  url: string;
  output: () => string;
  /** The first-run link printed by the server, when it printed one. */
  setupLink: () => string | undefined;
  /** The exit code once the process has ended (a signal counts as 128 + its number), else null. */
  exitCode: () => number | null;
  /** The process id, to send it signals. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the platform as a user would (`node bin/jobcoach.js <command>`) on a fresh embedded
 * database in a temporary directory, with the test clock enabled.
 */
export async function startServer(
  options: { command?: 'start' | 'demo'; env?: Record<string, string>; dataDir?: string } = {},
): Promise<RunningServer> {
  const command = options.command ?? 'start';
  const env = options.env ?? {};
  const port = await freePort();
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'jobcoach-e2e-'));
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'jobcoach.js'), command], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      NODE_ENV: 'test',
      JOBCOACH_TEST_CLOCK: 'true',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    if (out.includes('Jobcoach is running at')) {
      try {
        const res = await fetch(`${url}/api/health`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // The demo prints its logins right after the start line.
  if (command === 'demo') await new Promise((r) => setTimeout(r, 500));
  return {
    url,
    output: () => out,
    setupLink: () => /(http:\/\/\S+\/setup\?token=\S+)/.exec(out)?.[1]?.replace(/^http:\/\/[^/]+/, url),
    exitCode: () =>
      child.exitCode ?? (child.signalCode ? 128 + (osConstants.signals[child.signalCode] ?? 0) : null),
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
