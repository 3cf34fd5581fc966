import { afterAll, describe, expect, it } from 'vitest';
import { HttpSession, setUpInstallation } from './support/http.ts';
import { ADMIN_URL, adminQuery, scratchDatabase, terminateConnections } from './support/postgres.ts';
import { type RunningServer, startServer } from './support/server.ts';

const PASSWORD = 'correct horse battery staple';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two instances on one PostgreSQL, four clients recording contacts, and the database's connections
 * cut under them (pg_terminate_backend), then the database refusing connections for a while: the
 * servers answer 503 meanwhile, recover on their own, never exit, and keep every acknowledged write.
 */
describe.skipIf(!ADMIN_URL)('losing the database during writes', () => {
  const servers: RunningServer[] = [];
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await drop?.();
  });

  it('answers 503 while the database is gone, recovers by itself, loses nothing acknowledged', async () => {
    const database = await scratchDatabase('jobcoach_loss');
    drop = database.drop;
    const env = { DATABASE_URL: database.url };
    const a = await startServer({ env });
    servers.push(a);
    expect((await setUpInstallation(a.url, a.setupLink()!, PASSWORD)).status).toBe(201);
    const b = await startServer({ env });
    servers.push(b);
    const onA = await HttpSession.login(a.url, 'admin@forma.example', PASSWORD);
    const onB = onA.on(b.url);
    const person = await onA.post('/api/persons', {
      firstName: 'Hélène',
      lastName: 'Dupont',
      birthDate: '1975-04-12',
      sex: 'woman',
      referral: { kind: 'spontaneous', receivedOn: '2024-01-15' },
    });
    expect(person.status, JSON.stringify(person.json)).toBe(201);
    const personId = person.json.id as string;

    // Four writers, two on each instance, until told to stop.
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let writing = true;
    const writer = async (session: HttpSession, name: string) => {
      for (let n = 0; writing; n++) {
        const note = `${name}-${n}`;
        let status: number;
        try {
          const res = await session.post(`/api/persons/${personId}/contacts`, {
            date: '2024-02-01',
            channel: 'phone',
            notes: note,
          });
          status = res.status;
        } catch {
          status = -1; // no answer at all: the process is gone
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 201) acknowledged.push(note);
        if (status !== 201) await sleep(50);
      }
    };
    const writers = [writer(onA, 'a1'), writer(onA, 'a2'), writer(onB, 'b1'), writer(onB, 'b2')];

    // Cut every connection several times in the middle of the writes.
    await sleep(1500);
    let cut = 0;
    for (let i = 0; i < 5; i++) {
      cut += await terminateConnections(database.name);
      await sleep(300);
    }
    expect(cut).toBeGreaterThan(0);

    // Then the database refuses connections for a while: health and requests answer 503.
    await adminQuery(`ALTER DATABASE ${database.name} WITH ALLOW_CONNECTIONS false`);
    await terminateConnections(database.name);
    for (const server of servers) {
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { status: string }).status).toBe('degraded');
      const ready = await fetch(`${server.url}/api/health/ready`);
      expect(ready.status).toBe(503);
      // The process itself is alive.
      expect((await fetch(`${server.url}/api/health/live`)).status).toBe(200);
    }
    const refused = await onB.post(`/api/persons/${personId}/contacts`, {
      date: '2024-02-01',
      channel: 'phone',
      notes: 'refused',
    });
    expect(refused.status).toBe(503);
    expect(refused.json.error.code).toBe('database_unavailable');
    expect(refused.json.error.message).toMatch(/base de données/);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    await sleep(1000);

    // The database comes back: both instances recover without anyone restarting them.
    await adminQuery(`ALTER DATABASE ${database.name} WITH ALLOW_CONNECTIONS true`);
    for (const server of servers) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const res = await fetch(`${server.url}/api/health`);
        if (res.status === 200) break;
        if (Date.now() > deadline) throw new Error(`${server.url} did not recover:\n${server.output()}`);
        await sleep(200);
      }
    }
    const before = acknowledged.length;
    await sleep(1500);
    writing = false;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(before);

    for (const server of servers) expect(server.exitCode(), server.output()).toBeNull();
    // Only successes and "database unavailable": never a crash, never a 500.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([201, 503]));
    for (const status of statuses.keys()) expect([201, 503], `status ${status}`).toContain(status);

    // Every acknowledged write is in the database.
    const rows = await database.query<{ notes: string }>(
      'SELECT c.notes FROM contact c JOIN contact_person cp ON cp.contact_id = c.id WHERE cp.person_id = $1',
      [personId],
    );
    const stored = new Set(rows.map((r) => r.notes));
    const lost = acknowledged.filter((note) => !stored.has(note));
    expect(lost).toEqual([]);
    // And still readable through both instances.
    expect((await onA.get(`/api/persons/${personId}`)).status).toBe(200);
    expect((await onB.get(`/api/persons/${personId}`)).status).toBe(200);
  });
});
