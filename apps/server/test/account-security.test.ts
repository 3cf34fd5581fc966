import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../src/auth/totp.ts';
import {
  addUser,
  Client,
  createOrganisation,
  PASSWORD,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';

describe.each(testTargets())('account security on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let basinId: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    ({ admin, organisationId: orgId, basinId } = await setupInstallation(t));
    await addUser(t, orgId, 'coach@example.org', 'jobcoach');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets a user see their sessions and end another one', async () => {
    const laptop = new Client(t.app);
    const phone = new Client(t.app);
    await laptop.login('coach@example.org');
    await phone.login('coach@example.org');
    const sessions = (await laptop.get('/api/auth/sessions')).json as { id: string; current: boolean }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current)!;
    expect((await laptop.request('DELETE', `/api/auth/sessions/${other.id}`)).status).toBe(204);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
  });

  it("does not let a user end someone else's session, but lets the admin end all of a user's", async () => {
    const coach = new Client(t.app);
    await coach.login('coach@example.org');
    const adminSessions = (await admin.get('/api/auth/sessions')).json as { id: string }[];
    expect((await coach.request('DELETE', `/api/auth/sessions/${adminSessions[0]!.id}`)).status).toBe(404);
    expect((await admin.get('/api/auth/me')).status).toBe(200);
    const coachId = (await coach.get('/api/auth/me')).json.user.id;
    expect((await admin.get(`/api/users/${coachId}/sessions`)).json.length).toBeGreaterThan(0);
    expect((await coach.get(`/api/users/${coachId}/sessions`)).status).toBe(403);
    expect((await admin.request('DELETE', `/api/users/${coachId}/sessions`)).status).toBe(204);
    expect((await coach.get('/api/auth/me')).status).toBe(401);
  });

  it('enrols a TOTP second factor, then asks for a code at login, refusing a wrong or replayed one', async () => {
    const coach = new Client(t.app);
    await coach.login('coach@example.org');
    const setup = await coach.post('/api/auth/totp/setup');
    expect(setup.json.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Jobcoach:coach%40example\.org\?/);
    const secret = setup.json.secret as string;
    expect((await coach.post('/api/auth/totp/enable', { code: '000000' })).status).toBe(400);
    const enable = await coach.post('/api/auth/totp/enable', { code: totpCodeAt(secret, t.clock.now()) });
    expect(enable.status).toBe(204);
    expect((await coach.get('/api/auth/me')).json.user.totpEnabled).toBe(true);

    const next = new Client(t.app);
    const noCode = await next.post('/api/auth/login', { email: 'coach@example.org', password: PASSWORD });
    expect(noCode.status).toBe(401);
    expect(noCode.json.error.code).toBe('totp_required');
    const wrong = await next.post('/api/auth/login', {
      email: 'coach@example.org',
      password: PASSWORD,
      totpCode: '123456',
    });
    expect(wrong.json.error.code).toBe('totp_invalid');
    t.clock.shiftDays(1 / 2880); // 30 seconds later: a fresh step
    try {
      const code = totpCodeAt(secret, t.clock.now());
      const ok = await next.post('/api/auth/login', {
        email: 'coach@example.org',
        password: PASSWORD,
        totpCode: code,
      });
      expect(ok.status).toBe(200);
      const replay = await new Client(t.app).post('/api/auth/login', {
        email: 'coach@example.org',
        password: PASSWORD,
        totpCode: code,
      });
      expect(replay.json.error.code).toBe('totp_invalid');
    } finally {
      t.clock.shiftDays(0);
    }
  });

  it('makes members of an organisation that requires a second factor enrol before anything else', async () => {
    await addUser(t, orgId, 'second@example.org', 'jobcoach');
    const org = (await admin.get(`/api/organisations/${orgId}`)).json;
    expect(
      (await admin.patch(`/api/organisations/${orgId}`, { requireTotp: true, version: org.version })).status,
    ).toBe(200);
    const second = new Client(t.app);
    await second.login('second@example.org');
    expect((await second.get('/api/auth/me')).json.user.mustEnrolTotp).toBe(true);
    const blocked = await second.get(`/api/organisations/${orgId}`);
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe('totp_enrolment_required');
    const { secret } = (await second.post('/api/auth/totp/setup')).json;
    expect(
      (await second.post('/api/auth/totp/enable', { code: totpCodeAt(secret, t.clock.now()) })).status,
    ).toBe(204);
    expect((await second.get(`/api/organisations/${orgId}`)).status).toBe(200);
    const disable = await second.post('/api/auth/totp/disable', { currentPassword: PASSWORD });
    expect(disable.status).toBe(409);
  });

  it('refuses to replace an enabled second factor, throttles password guesses, and lets the admin reset it', async () => {
    // The previous case made the organisation require a second factor; lift it for this one.
    await t.handle.db.updateTable('organisation').set({ require_totp: false }).execute();
    await addUser(t, orgId, 'third@example.org', 'jobcoach');
    const third = new Client(t.app);
    await third.login('third@example.org');
    const { secret } = (await third.post('/api/auth/totp/setup')).json;
    expect(
      (await third.post('/api/auth/totp/enable', { code: totpCodeAt(secret, t.clock.now()) })).status,
    ).toBe(204);
    expect((await third.post('/api/auth/totp/setup')).status).toBe(409);
    const members = (await admin.get(`/api/organisations/${orgId}/users`)).json as {
      email: string;
      userId: string;
      totpEnabled: boolean;
    }[];
    const member = members.find((m) => m.email === 'third@example.org')!;
    expect(member.totpEnabled).toBe(true);

    const answers: number[] = [];
    for (let i = 0; i < 6; i++)
      answers.push((await third.post('/api/auth/totp/disable', { currentPassword: `wrong ${i}` })).status);
    expect(answers.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(answers[5]).toBe(423);

    expect(
      (await admin.request('DELETE', '/api/users/00000000-0000-4000-8000-000000000000/totp')).status,
    ).toBe(404);
    expect((await admin.request('DELETE', `/api/users/${member.userId}/totp`)).status).toBe(204);
    expect((await third.get('/api/auth/me')).status).toBe(401);
    t.clock.shiftDays(1);
    try {
      const again = await new Client(t.app).post('/api/auth/login', {
        email: 'third@example.org',
        password: PASSWORD,
      });
      expect(again.status).toBe(200);
      expect(again.json.user.totpEnabled).toBe(false);
    } finally {
      t.clock.shiftDays(0);
    }
  });

  it('binds a second-factor requirement to its organisation: another organisation’s does not lock a member out', async () => {
    await t.handle.db.updateTable('organisation').set({ require_totp: false }).execute();
    // Dana works in A; B (which sorts first) also has her, and requires a second factor.
    const orgB = await createOrganisation(admin, 'Atelier Bis', basinId);
    const danaId = await addUser(t, orgId, 'dana@example.org', 'jobcoach');
    await t.handle.db
      .insertInto('membership')
      .values({ user_id: danaId, organisation_id: orgB, role: 'jobcoach', fte: 0.5 })
      .execute();
    const b = (await admin.get(`/api/organisations/${orgB}`)).json;
    expect(
      (await admin.patch(`/api/organisations/${orgB}`, { requireTotp: true, version: b.version })).status,
    ).toBe(200);

    // In A, Dana works as before: the session starts there, and nothing asks for a second factor.
    const dana = new Client(t.app);
    const me = await dana.login('dana@example.org');
    expect(me.currentOrganisationId).toBe(orgId);
    expect(me.user.mustEnrolTotp).toBe(false);
    expect((await dana.get('/api/persons')).status).toBe(200);
    expect((await dana.get(`/api/organisations/${orgId}`)).status).toBe(200);
    // B's routes, named from A's session, ask for the second factor first.
    const fromA = await dana.get(`/api/organisations/${orgB}`);
    expect(fromA.status).toBe(403);
    expect(fromA.json.error.code).toBe('totp_enrolment_required');

    // Working in B needs it: everything but the account routes is refused there.
    const inB = await dana.post('/api/auth/organisation', { organisationId: orgB });
    expect(inB.status).toBe(200);
    expect(inB.json.user.mustEnrolTotp).toBe(true);
    const blocked = await dana.get('/api/persons');
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe('totp_enrolment_required');
    // …and she can go back to A without enrolling.
    const back = await dana.post('/api/auth/organisation', { organisationId: orgId });
    expect(back.status).toBe(200);
    expect(back.json.user.mustEnrolTotp).toBe(false);
    expect((await dana.get('/api/persons')).status).toBe(200);

    // Once enrolled, B opens too; she may not then disable it while she belongs to B.
    const { secret } = (await dana.post('/api/auth/totp/setup')).json;
    expect(
      (await dana.post('/api/auth/totp/enable', { code: totpCodeAt(secret, t.clock.now()) })).status,
    ).toBe(204);
    expect((await dana.get(`/api/organisations/${orgB}`)).status).toBe(200);
    expect((await dana.post('/api/auth/totp/disable', { currentPassword: PASSWORD })).status).toBe(409);
  });
});
