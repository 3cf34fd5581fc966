import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../src/setup/token.ts';
import {
  addUser,
  Client,
  createOrganisation,
  PASSWORD,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';

describe.each(testTargets())('foundation on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let orgA: string;
  let orgB: string;
  let basinId: string;

  beforeAll(async () => {
    t = await startTestApp(target);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers the health check with the database status', async () => {
    const res = await new Client(t.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', database: { ok: true, driver: target.driver } });
  });

  it('asks for setup while no user exists, and refuses a setup without the one-time token', async () => {
    const anonymous = new Client(t.app);
    const status = await anonymous.get('/api/setup/status');
    expect(status.json.needed).toBe(true);
    expect(status.json.basins.map((b: { name: string }) => b.name)).toContain('Charleroi');
    const charleroi = status.json.basins.find((b: { name: string }) => b.name === 'Charleroi').id;
    const res = await anonymous.post('/api/setup', {
      token: 'forged',
      organisation: { name: 'X', kind: 'cpas', basinId: charleroi },
      admin: { name: 'Eve', email: 'eve@example.org', password: PASSWORD },
    });
    expect(res.status).toBe(403);
    expect(await t.handle.db.selectFrom('organisation').select('id').execute()).toEqual([]);
  });

  it('creates the first organisation and admin with the token, logged in, and the token cannot be reused', async () => {
    ({ admin, organisationId: orgA, basinId } = await setupInstallation(t));
    const me = await admin.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.json.user).toMatchObject({
      email: 'admin@example.org',
      isAdmin: true,
      mustChangePassword: false,
    });
    expect(me.json.memberships).toEqual([
      {
        organisationId: orgA,
        organisationName: 'CPAS de Fleurus',
        role: 'coordinator',
        fte: 1,
        requireTotp: false,
      },
    ]);
    expect((await new Client(t.app).get('/api/setup/status')).json).toEqual({ needed: false, basins: [] });
    expect(await issueSetupToken(t.handle.db)).toBeNull();
    const org = await admin.get(`/api/organisations/${orgA}`);
    expect(org.json).toMatchObject({
      name: 'CPAS de Fleurus',
      kind: 'cpas',
      basinName: 'Charleroi',
      bce: '0212345668',
    });
  });

  it('refuses state changes without the CSRF token of the session', async () => {
    const res = await admin.request(
      'POST',
      '/api/basins',
      { name: 'Ostbelgien' },
      { 'x-csrf-token': 'wrong' },
    );
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('csrf');
  });

  it('lets the admin create a second organisation and invite its coordinator', async () => {
    orgB = await createOrganisation(admin, 'EDIT Verviers', basinId);
    const res = await admin.post(`/api/organisations/${orgB}/users`, {
      name: 'Bea Coordinatrice',
      email: 'bea@edit.example',
      role: 'coordinator',
      temporaryPassword: 'temporaire-123456',
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ email: 'bea@edit.example', role: 'coordinator', expired: false });
  });

  it('makes a user with a temporary password change it before anything else, then join', async () => {
    const bea = new Client(t.app);
    await bea.login('bea@edit.example', 'temporaire-123456');
    expect((await bea.get(`/api/organisations/${orgB}/users`)).json.error.code).toBe(
      'password_change_required',
    );
    const short = await bea.post('/api/auth/password', {
      currentPassword: 'temporaire-123456',
      newPassword: 'court',
    });
    expect(short.status).toBe(400);
    expect(short.json.error.field).toBe('newPassword');
    expect(short.json.error.message).toContain('nouveau mot de passe');
    const ok = await bea.post('/api/auth/password', {
      currentPassword: 'temporaire-123456',
      newPassword: PASSWORD,
    });
    expect(ok.status).toBe(204);
    // Not a member until she accepts the invitation.
    expect((await bea.get(`/api/organisations/${orgB}/users`)).status).toBe(404);
    const [invitation] = (await bea.get('/api/auth/me')).json.invitations;
    expect((await bea.post(`/api/auth/invitations/${invitation.id}/accept`)).status).toBe(200);
    expect((await bea.get(`/api/organisations/${orgB}/users`)).status).toBe(200);
  });

  it("keeps a coordinator of A away from B's users and organisation: 404 everywhere", async () => {
    await addUser(t, orgA, 'carla@fleurus.example', 'coordinator');
    const carla = new Client(t.app);
    await carla.login('carla@fleurus.example');
    const bUsers = await new Client(t.app).login('bea@edit.example').then(() => null);
    expect(bUsers).toBeNull();
    const beaId = (
      await t.handle.db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', 'bea@edit.example')
        .executeTakeFirstOrThrow()
    ).id;
    const member = (await admin.get(`/api/organisations/${orgB}/users`)).json.find(
      (m: { userId: string }) => m.userId === beaId,
    );
    const attempts = [
      await carla.get(`/api/organisations/${orgB}/users`),
      await carla.get(`/api/organisations/${orgB}`),
      await carla.post(`/api/organisations/${orgB}/users`, {
        name: 'Intrus',
        email: 'x@example.org',
        role: 'jobcoach',
        temporaryPassword: PASSWORD,
      }),
      await carla.patch(`/api/organisations/${orgB}/users/${beaId}`, {
        active: false,
        version: member.version,
      }),
      await carla.post(`/api/organisations/${orgB}/users/${beaId}/password`, { temporaryPassword: PASSWORD }),
      await carla.patch(`/api/organisations/${orgB}`, { name: 'Renamed', version: 1 }),
      await carla.patch(`/api/organisations/${orgA}/users/${beaId}`, { active: false, version: 1 }),
    ];
    expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect(JSON.stringify(attempts.map((r) => r.json))).not.toContain('bea@edit.example');
    const after = (await admin.get(`/api/organisations/${orgB}/users`)).json.find(
      (m: { userId: string }) => m.userId === beaId,
    );
    expect(after).toEqual(member);
    const orgs = await carla.get('/api/organisations');
    expect(orgs.json.map((o: { id: string }) => o.id)).toEqual([orgA]);
  });

  it('lets a jobcoach read neither the team nor change it (403), and an evaluator neither', async () => {
    await addUser(t, orgA, 'jo@fleurus.example', 'jobcoach', 0.5);
    await addUser(t, orgA, 'eva@fleurus.example', 'evaluator');
    for (const email of ['jo@fleurus.example', 'eva@fleurus.example']) {
      const c = new Client(t.app);
      await c.login(email);
      expect((await c.get(`/api/organisations/${orgA}/users`)).status).toBe(403);
      const colleagues = await c.get(`/api/organisations/${orgA}/colleagues`);
      if (email.startsWith('jo@')) {
        expect(colleagues.status).toBe(200);
        expect(colleagues.json[0]).toEqual({
          userId: expect.any(String),
          name: expect.any(String),
          role: expect.any(String),
        });
        expect(JSON.stringify(colleagues.json)).not.toContain('@');
      } else {
        expect(colleagues.status).toBe(403);
      }
      expect((await c.get(`/api/organisations/${orgA}`)).status).toBe(200);
    }
  });

  it('gives the same answer for an unknown e-mail and a wrong password, then locks both', async () => {
    await addUser(t, orgA, 'victim@fleurus.example', 'jobcoach');
    const c = new Client(t.app);
    const wrong = await c.post('/api/auth/login', {
      email: 'victim@fleurus.example',
      password: 'not the password',
    });
    const unknown = await c.post('/api/auth/login', {
      email: 'nobody@fleurus.example',
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    for (let i = 0; i < 4; i++) {
      await c.post('/api/auth/login', { email: 'victim@fleurus.example', password: 'still wrong' });
      await c.post('/api/auth/login', { email: 'nobody@fleurus.example', password: 'still wrong' });
    }
    const lockedReal = await c.post('/api/auth/login', {
      email: 'victim@fleurus.example',
      password: PASSWORD,
    });
    const lockedUnknown = await c.post('/api/auth/login', {
      email: 'nobody@fleurus.example',
      password: PASSWORD,
    });
    expect(lockedReal.status).toBe(423);
    expect(lockedUnknown.status).toBe(423);
    expect(lockedReal.json).toEqual(lockedUnknown.json);
    expect(lockedReal.json.error.message).toMatch(/Réessayez dans 15 minutes/);
    t.clock.shiftDays(1);
    try {
      expect(
        (await c.post('/api/auth/login', { email: 'victim@fleurus.example', password: PASSWORD })).status,
      ).toBe(200);
    } finally {
      t.clock.shiftDays(0);
    }
  });

  it('logs out: the session no longer works', async () => {
    const c = new Client(t.app);
    await c.login('jo@fleurus.example');
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    c.cookie = cookie;
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('switches the current organisation only to one the user belongs to', async () => {
    const other = await admin.post('/api/auth/organisation', { organisationId: orgB });
    expect(other.status).toBe(200);
    expect(other.json.currentOrganisationId).toBe(orgB);
    const jo = new Client(t.app);
    await jo.login('jo@fleurus.example');
    const refused = await jo.post('/api/auth/organisation', { organisationId: orgB });
    expect(refused.status).toBe(404);
  });

  it('refuses an invalid BCE number naming the field, in French', async () => {
    const res = await admin.post('/api/organisations', {
      name: 'Bad',
      kind: 'eft',
      basinId,
      bce: '0212.345.669',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe('bce');
    expect(res.json.error.message).toMatch(/numéro d'entreprise \(BCE\).*invalide/);
  });

  it('gives the second of two concurrent edits from the same version a 409 and keeps the first', async () => {
    const org = (await admin.get(`/api/organisations/${orgA}`)).json;
    const first = await admin.patch(`/api/organisations/${orgA}`, {
      address: 'Place Albert 1er, 6220 Fleurus',
      version: org.version,
    });
    const second = await admin.patch(`/api/organisations/${orgA}`, {
      address: 'Ailleurs',
      version: org.version,
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe('stale_version');
    expect(second.json.error.current.address).toBe('Place Albert 1er, 6220 Fleurus');
  });

  it('keeps at least one active coordinator', async () => {
    const members = (await admin.get(`/api/organisations/${orgB}/users`)).json as {
      userId: string;
      role: string;
      version: number;
    }[];
    const bea = members.find((m) => m.role === 'coordinator')!;
    const res = await admin.patch(`/api/organisations/${orgB}/users/${bea.userId}`, {
      role: 'jobcoach',
      version: bea.version,
    });
    expect(res.status).toBe(409);
    const still = (await admin.get(`/api/organisations/${orgB}/users`)).json.find(
      (m: { userId: string }) => m.userId === bea.userId,
    );
    expect(still.role).toBe('coordinator');
  });

  it('writes an audit entry for every change, and none can be altered', async () => {
    const rows = await t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'actor_id', 'client_address'])
      .execute();
    const actions = rows.map((r) => `${r.entity}.${r.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'organisation.installation_setup',
        'organisation.create',
        'invitation.create',
        'invitation.accept',
        'user.password_changed',
        'session.login',
        'session.login_failed',
        'session.logout',
        'organisation.update',
      ]),
    );
    expect(rows.every((r) => r.client_address)).toBe(true);
    const audit = await admin.get('/api/audit?entity=organisation&action=update');
    expect(audit.status).toBe(200);
    expect(audit.json.length).toBeGreaterThan(0);
    expect(audit.json[0].actorName).toBe('Ada Admin');
  });

  it('lets only the admin read the audit log', async () => {
    const carla = new Client(t.app);
    await carla.login('carla@fleurus.example');
    expect((await carla.get('/api/audit')).status).toBe(403);
  });
});
