import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setUpInstallation } from './support/http.ts';
import { type RunningServer, startServer } from './support/server.ts';

const PASSWORD = 'correct horse battery staple';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends the first part of a login request on a raw connection; the rest is sent by `finish()`. */
async function startLogin(url: string) {
  const { port } = new URL(url);
  const socket: Socket = connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let answer = '';
  socket.on('data', (d) => {
    answer += d;
  });
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const body = JSON.stringify({ email: 'admin@forma.example', password: PASSWORD });
  socket.write(
    `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
  );
  return {
    finish: async () => {
      socket.write(body.slice(10));
      await ended;
      return answer;
    },
    socket,
  };
}

async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/api/health/live`, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch {
    return true;
  }
}

async function exitOf(
  server: RunningServer,
  timeoutMs: number,
): Promise<{ code: number | null; ms: number }> {
  const start = Date.now();
  while (server.exitCode() === null && Date.now() - start < timeoutMs) await sleep(50);
  return { code: server.exitCode(), ms: Date.now() - start };
}

describe('stopping on SIGTERM', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jobcoach-stop-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops accepting, finishes the request in flight, then exits cleanly', async () => {
    const server = await startServer({ dataDir });
    try {
      expect((await setUpInstallation(server.url, server.setupLink()!, PASSWORD)).status).toBe(201);
      const login = await startLogin(server.url);
      await sleep(200);
      const sent = Date.now();
      process.kill(server.pid, 'SIGTERM');
      await sleep(500);
      // No new connection is accepted…
      expect(await refusesConnections(server.url)).toBe(true);
      // …but the request already received is answered in full.
      const answer = await login.finish();
      expect(answer).toMatch(/^HTTP\/1\.1 200/);
      expect(answer).toContain('csrfToken');
      const { code, ms } = await exitOf(server, 12_000);
      expect(code, server.output()).toBe(0);
      expect(Date.now() - sent).toBeLessThan(10_000);
      expect(ms).toBeLessThan(10_000);
    } finally {
      await server.stop();
    }
    // The embedded database was closed cleanly: the next start finds the installation.
    const again = await startServer({ dataDir });
    try {
      expect(again.setupLink()).toBeUndefined();
    } finally {
      await again.stop();
    }
  });

  it('exits within ten seconds even when a client never finishes its request', async () => {
    const server = await startServer({ dataDir });
    try {
      const stalled = await startLogin(server.url);
      await sleep(200);
      const sent = Date.now();
      process.kill(server.pid, 'SIGTERM');
      const { code } = await exitOf(server, 15_000);
      const took = Date.now() - sent;
      expect(code, server.output()).not.toBeNull();
      expect(took).toBeLessThan(10_500);
      stalled.socket.destroy();
    } finally {
      await server.stop();
    }
  });
});
