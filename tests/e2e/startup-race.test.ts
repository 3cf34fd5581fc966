import { afterAll, describe, expect, it } from 'vitest';
import { HttpSession, setUpInstallation } from './support/http.ts';
import { ADMIN_URL, scratchDatabase } from './support/postgres.ts';
import { type RunningServer, startServer } from './support/server.ts';

const PASSWORD = 'correct horse battery staple';

/**
 * Several instances started at the same moment on an empty PostgreSQL database: migrations, the
 * background jobs' schema (pg-boss) and the first-run link are each done once, by one of them.
 */
describe.skipIf(!ADMIN_URL)('instances starting at once on an empty database', () => {
  let servers: RunningServer[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    servers = [];
    await drop?.();
  });

  it('all four come up, and only one setup link is printed and valid', async () => {
    const database = await scratchDatabase('jobcoach_race');
    drop = database.drop;
    const started = await Promise.allSettled(
      [1, 2, 3, 4].map(() => startServer({ env: { DATABASE_URL: database.url } })),
    );
    servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failures = started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
    expect(failures).toEqual([]);
    for (const server of servers) {
      expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(200);
    }

    const links = servers.flatMap((s) => s.setupLink() ?? []);
    expect(links).toHaveLength(1);
    // The others say where the link is rather than staying silent.
    const silent = servers.filter((s) => !s.setupLink());
    for (const server of silent) expect(server.output()).toMatch(/another instance/);

    const owner = servers.find((s) => s.setupLink())!;
    expect((await setUpInstallation(owner.url, owner.setupLink()!, PASSWORD)).status).toBe(201);
    // Every instance serves the installation just created.
    for (const server of servers) {
      const session = await HttpSession.login(server.url, 'admin@forma.example', PASSWORD);
      expect((await session.get('/api/auth/me')).status).toBe(200);
    }
    // Exactly one copy of the schema's bookkeeping.
    const migrations = await database.query<{ n: number; d: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT version)::int AS d FROM schema_migration',
    );
    expect(migrations[0]!.n).toBe(migrations[0]!.d);
  });
});
