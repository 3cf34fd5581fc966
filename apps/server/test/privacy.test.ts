import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  createPerson,
  loginAs,
  personBody,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';

describe.each(testTargets())('audited reads on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let coach: Client;
  let coordinator: Client;

  beforeAll(async () => {
    t = await startTestApp(target);
    ({ admin, organisationId: orgId } = await setupInstallation(t));
    await addUser(t, orgId, 'coach@example.org', 'jobcoach');
    await addUser(t, orgId, 'coord@example.org', 'coordinator');
    coach = await loginAs(t, 'coach@example.org');
    coordinator = await loginAs(t, 'coord@example.org');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the coordinator who opened a file and when, and refuses the list to a jobcoach', async () => {
    const person = await createPerson(coach, personBody(t.clock.today()));
    expect((await coach.get(`/api/persons/${person.id}`)).status).toBe(200);
    const pdf = await coach.get(`/api/persons/${person.id}/trust-contract.pdf`);
    expect(pdf.status).toBe(200);
    const log = await coordinator.get(`/api/persons/${person.id}/access-log`);
    expect(log.status).toBe(200);
    expect(log.json).toEqual([
      { at: expect.any(String), actorName: 'coach', action: 'export', document: 'trust_contract' },
      { at: expect.any(String), actorName: 'coach', action: 'read', document: null },
    ]);
    expect((await coach.get(`/api/persons/${person.id}/access-log`)).status).toBe(403);
  });

  it('lets the admin export the audit log as CSV, and records that export', async () => {
    const csv = await admin.request('GET', '/api/audit.csv?entity=person');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const body = (
      await t.app.inject({
        method: 'GET',
        url: '/api/audit.csv?entity=person',
        headers: { cookie: admin.cookie! },
      })
    ).body;
    const lines = body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"date";"acteur";"organisation";"nom_organisation";"action";"entite";"identifiant";"adresse"',
    );
    expect(lines.some((l) => l.includes('"read";"person"'))).toBe(true);
    const exports = await admin.get('/api/audit?entity=audit_log&action=export');
    expect(exports.json.length).toBeGreaterThanOrEqual(2);
    expect((await coordinator.get('/api/audit.csv')).status).toBe(403);
  });
});
