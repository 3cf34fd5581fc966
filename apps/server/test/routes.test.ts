import { testTargets } from '@jobcoach/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, Client, setupInstallation, startTestApp, type TestApp, tableCounts } from './helpers.ts';

const UUID = '00000000-0000-4000-8000-000000000000';

describe.each(testTargets())('every route on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let coachId: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    ({ admin, organisationId: orgId } = await setupInstallation(t));
    coachId = await addUser(t, orgId, 'coach@example.org', 'jobcoach');
  });
  afterAll(async () => {
    await t?.close();
  });

  const fill = (url: string, id: string) =>
    url
      .replace(/:orgId/g, orgId)
      .replace(/:userId/g, coachId)
      .replace(/:id/g, id);

  it('declares access for every route and an audit entry for every state change', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(10);
    for (const r of t.app.routeTable) {
      expect(r.access, `${r.method} ${r.url}`).toBeDefined();
      if (r.method !== 'GET') expect(r.audit, `${r.method} ${r.url}`).toBeDefined();
    }
  });

  it('answers 401 without a session on every non-public route', async () => {
    const anonymous = new Client(t.app);
    for (const r of t.app.routeTable.filter((x) => x.access !== 'public')) {
      const res = await anonymous.request(
        r.method as 'GET',
        fill(r.url, UUID),
        r.method === 'GET' ? undefined : {},
      );
      expect(res.status, `${r.method} ${r.url}`).toBe(401);
      expect(res.json.error.code).toBe('unauthenticated');
    }
  });

  it('answers malformed JSON with a French 400 on every route that takes a body', async () => {
    for (const r of t.app.routeTable.filter((x) => x.method !== 'GET')) {
      const res = await admin.request(r.method as 'POST', fill(r.url, UUID), '{"name": ');
      expect(res.status, `${r.method} ${r.url}`).toBe(400);
      expect(res.json.error.message).toMatch(/JSON/);
    }
  });

  it('answers missing fields with a 400 that names the field', async () => {
    const withBody = t.app.routeTable.filter((x) => x.method !== 'GET' && x.schema?.body);
    for (const r of withBody) {
      if (r.url === '/api/auth/logout') continue;
      const res = await admin.request(r.method as 'POST', fill(r.url, UUID), {});
      if (res.status === 404 || res.status === 200) continue; // routes whose every field is optional
      expect(res.status, `${r.method} ${r.url}`).toBe(400);
      expect(res.json.error.field, `${r.method} ${r.url}`).toBeTruthy();
      expect(res.json.error.message, `${r.method} ${r.url}`).toMatch(/«.+»/);
    }
  });

  it('never answers 5xx nor writes partially, whatever the body, query and ids (fast-check)', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(
        UUID,
        '0212.345.668',
        'cpas',
        'jobcoach',
        'a@b.be',
        '2024-02-30',
        '',
        ' ',
        'x'.repeat(5000),
      ),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    const fields = [
      'name',
      'email',
      'password',
      'role',
      'fte',
      'active',
      'version',
      'kind',
      'basinId',
      'bce',
      'address',
      'token',
      'organisationId',
      'currentPassword',
      'newPassword',
      'temporaryPassword',
      'organisation',
      'admin',
      'limit',
      'offset',
      'from',
    ];
    const body = fc.oneof(
      fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 8 }),
      value,
      fc.anything(),
    );
    const routes = t.app.routeTable.filter((r) => r.url !== '/api/auth/logout');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        body,
        fc.constantFrom(UUID, 'not-a-uuid', '1', orgId),
        fc.dictionary(fc.constantFrom(...fields), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
        async (route, payload, id, query) => {
          const before = await tableCounts(t);
          const qs = new URLSearchParams(query).toString();
          const url = fill(route.url, id) + (route.method === 'GET' && qs ? `?${qs}` : '');
          const res = await admin.request(
            route.method as 'POST',
            url,
            route.method === 'GET' ? undefined : JSON.stringify(payload ?? null),
          );
          expect(res.status, `${route.method} ${url} ${JSON.stringify(payload)}`).toBeLessThan(500);
          if (res.status >= 400) expect(await tableCounts(t)).toEqual(before);
          if (route.url === '/api/auth/password' && res.status === 204)
            throw new Error('fuzzed a password change');
        },
      ),
      { numRuns: 300 },
    );
  });
});
