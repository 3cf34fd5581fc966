import { testTargets } from '@jobcoach/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  Client,
  createOrganisation,
  loginAs,
  PASSWORD,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';

const TEMPORARY = 'mot de passe provisoire 2026';
const UUID = '00000000-0000-4000-8000-000000000000';

/**
 * Joining an organisation (docs/security.md): another organisation's coordinator adding an e-mail
 * learns nothing about its account, and attaches nothing until the account's owner accepts.
 */
describe.each(testTargets())('invitations to join an organisation on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let orgA: string;
  let orgB: string;
  let bernard: Client;
  let annaId: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    let basinId: string;
    ({ admin, organisationId: orgA, basinId } = await setupInstallation(t));
    orgB = await createOrganisation(admin, 'Mission régionale de Charleroi', basinId);
    await addUser(t, orgB, 'bernard@mirec.example', 'coordinator');
    bernard = await loginAs(t, 'bernard@mirec.example');
    // Anna works in A; her account's name is not the one B's coordinator will type.
    annaId = await addUser(t, orgA, 'anna@fleurus.example', 'jobcoach');
    await t.handle.db
      .updateTable('app_user')
      .set({ name: 'Anna Vérité-Compte' })
      .where('id', '=', annaId)
      .execute();
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => t.clock.shiftDays(0));

  const invite = (client: Client, email: string, name = 'Nom tapé', role = 'jobcoach') =>
    client.post(`/api/organisations/${orgB}/users`, {
      name,
      email,
      role,
      fte: 0.5,
      temporaryPassword: TEMPORARY,
    });
  const membershipsOf = async (userId: string) =>
    (
      await t.handle.db
        .selectFrom('membership')
        .select(['organisation_id', 'role'])
        .where('user_id', '=', userId)
        .orderBy('organisation_id')
        .execute()
    ).map((m) => `${m.organisation_id}:${m.role}`);
  const userIdOf = async (email: string) =>
    (
      await t.handle.db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    ).id;

  it('answers an existing account’s e-mail exactly like a new one, and attaches nothing', async () => {
    const before = await membershipsOf(annaId);
    const existing = await invite(bernard, 'anna@fleurus.example');
    const fresh = await invite(bernard, 'nouvelle@mirec.example');
    expect(existing.status).toBe(201);
    expect(fresh.status).toBe(existing.status);
    const shape = (email: string) => ({
      id: expect.any(String),
      email,
      name: 'Nom tapé',
      role: 'jobcoach',
      fte: 0.5,
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
      expired: false,
    });
    expect(existing.json).toEqual(shape('anna@fleurus.example'));
    expect(fresh.json).toEqual(shape('nouvelle@mirec.example'));
    expect(Object.keys(existing.json)).toEqual(Object.keys(fresh.json));
    // Seven days to answer.
    expect(Date.parse(existing.json.expiresAt) - Date.parse(existing.json.createdAt)).toBe(7 * 86_400_000);
    // Nothing of Anna's account: neither its id nor its name, in the answer or the team's lists.
    const lists = [
      existing,
      await bernard.get(`/api/organisations/${orgB}/users`),
      await bernard.get(`/api/organisations/${orgB}/invitations`),
    ];
    for (const res of lists) {
      expect(JSON.stringify(res.json)).not.toContain(annaId);
      expect(JSON.stringify(res.json)).not.toContain('Vérité');
    }
    // Both wait alike in the organisation's invitations; neither is a member.
    const pending = (await bernard.get(`/api/organisations/${orgB}/invitations`)).json as { email: string }[];
    expect(pending.map((i) => i.email).sort()).toEqual(['anna@fleurus.example', 'nouvelle@mirec.example']);
    const members = (await bernard.get(`/api/organisations/${orgB}/users`)).json as { email: string }[];
    expect(members.map((m) => m.email)).toEqual(['bernard@mirec.example']);
    // Anna's account is untouched: same organisations, same password (not B's temporary one).
    expect(await membershipsOf(annaId)).toEqual(before);
    const anna = new Client(t.app);
    expect(
      (await anna.post('/api/auth/login', { email: 'anna@fleurus.example', password: TEMPORARY })).status,
    ).toBe(401);
    const me = await anna.login('anna@fleurus.example');
    expect(me.user.mustChangePassword).toBe(false);
    expect(me.user.name).toBe('Anna Vérité-Compte');
  });

  it('shows the owner the invitation at login; their organisations are unaffected until they accept', async () => {
    // B requires a second factor: until Anna accepts, and in A even after, that changes nothing.
    const b = (await bernard.get(`/api/organisations/${orgB}`)).json;
    expect(
      (await bernard.patch(`/api/organisations/${orgB}`, { requireTotp: true, version: b.version })).status,
    ).toBe(200);
    const anna = new Client(t.app);
    const me = await anna.login('anna@fleurus.example');
    expect(me.currentOrganisationId).toBe(orgA);
    expect(me.memberships.map((m: { organisationId: string }) => m.organisationId)).toEqual([orgA]);
    expect(me.user.mustEnrolTotp).toBe(false);
    expect(me.invitations).toEqual([
      {
        id: expect.any(String),
        organisationName: 'Mission régionale de Charleroi',
        role: 'jobcoach',
        invitedByName: 'bernard',
        expiresAt: expect.any(String),
      },
    ]);
    expect((await anna.get('/api/persons')).status).toBe(200);
    // B cannot reach her yet: she is no member of it.
    expect((await anna.post('/api/auth/organisation', { organisationId: orgB })).status).toBe(404);

    const id = me.invitations[0].id as string;
    // Nobody else answers it for her.
    expect((await admin.post(`/api/auth/invitations/${id}/accept`)).status).toBe(404);
    expect((await admin.post(`/api/auth/invitations/${id}/decline`)).status).toBe(404);

    const accepted = await anna.post(`/api/auth/invitations/${id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.json.invitations).toEqual([]);
    expect(accepted.json.currentOrganisationId).toBe(orgA);
    expect(accepted.json.memberships.map((m: { organisationId: string }) => m.organisationId).sort()).toEqual(
      [orgA, orgB].sort(),
    );
    expect(await membershipsOf(annaId)).toContain(`${orgB}:jobcoach`);
    // Single use.
    expect((await anna.post(`/api/auth/invitations/${id}/accept`)).status).toBe(404);
    expect((await anna.post(`/api/auth/invitations/${id}/decline`)).status).toBe(404);
    // Still at work in A; B's second factor binds B's sessions only.
    expect((await anna.get('/api/persons')).status).toBe(200);
    const inB = await anna.post('/api/auth/organisation', { organisationId: orgB });
    expect(inB.json.user.mustEnrolTotp).toBe(true);
    expect((await anna.get('/api/persons')).json.error.code).toBe('totp_enrolment_required');
    await t.handle.db.updateTable('organisation').set({ require_totp: false }).execute();
    // The invitation is no longer pending for B; Anna is a member, with the role B chose.
    expect(
      ((await bernard.get(`/api/organisations/${orgB}/invitations`)).json as { email: string }[]).map(
        (i) => i.email,
      ),
    ).toEqual(['nouvelle@mirec.example']);
    const members = (await bernard.get(`/api/organisations/${orgB}/users`)).json as {
      email: string;
      fte: number;
    }[];
    expect(members.find((m) => m.email === 'anna@fleurus.example')?.fte).toBe(0.5);
  });

  it('lets the owner decline: nothing changes, and the invitation is gone', async () => {
    const carlId = await addUser(t, orgA, 'carl@fleurus.example', 'jobcoach');
    const before = await membershipsOf(carlId);
    expect((await invite(bernard, 'carl@fleurus.example')).status).toBe(201);
    const carl = new Client(t.app);
    const me = await carl.login('carl@fleurus.example');
    expect(me.invitations).toHaveLength(1);
    const declined = await carl.post(`/api/auth/invitations/${me.invitations[0].id}/decline`);
    expect(declined.status).toBe(200);
    expect(declined.json.invitations).toEqual([]);
    expect(await membershipsOf(carlId)).toEqual(before);
    const pending = (await bernard.get(`/api/organisations/${orgB}/invitations`)).json as { email: string }[];
    expect(pending.map((i) => i.email)).not.toContain('carl@fleurus.example');
  });

  it('lets a new account log in with the temporary password, change it, then accept', async () => {
    const newcomer = new Client(t.app);
    const me = await newcomer.login('nouvelle@mirec.example', TEMPORARY);
    expect(me.memberships).toEqual([]);
    expect(me.currentOrganisationId).toBeNull();
    expect(me.user.mustChangePassword).toBe(true);
    const id = me.invitations[0].id as string;
    // The password first: whoever else knows the temporary one cannot answer for the owner.
    expect((await newcomer.post(`/api/auth/invitations/${id}/accept`)).json.error.code).toBe(
      'password_change_required',
    );
    expect(
      (await newcomer.post('/api/auth/password', { currentPassword: TEMPORARY, newPassword: PASSWORD }))
        .status,
    ).toBe(204);
    const accepted = await newcomer.post(`/api/auth/invitations/${id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.json.currentOrganisationId).toBe(orgB);
    expect(accepted.json.memberships).toEqual([
      expect.objectContaining({ organisationId: orgB, role: 'jobcoach', fte: 0.5 }),
    ]);
    expect((await newcomer.get('/api/persons')).status).toBe(200);
  });

  it('lets an invitation expire after 7 days, and the coordinator invite again or withdraw it', async () => {
    const dinaId = await addUser(t, orgA, 'dina@fleurus.example', 'jobcoach');
    const first = await invite(bernard, 'dina@fleurus.example');
    t.clock.shiftDays(8);
    const dina = await loginAs(t, 'dina@fleurus.example');
    expect((await dina.get('/api/auth/me')).json.invitations).toEqual([]);
    const late = await dina.post(`/api/auth/invitations/${first.json.id}/accept`);
    expect(late.status).toBe(409);
    expect(late.json.error.message).toMatch(/expiré/);
    const coordinator = await loginAs(t, 'bernard@mirec.example');
    const listed = (await coordinator.get(`/api/organisations/${orgB}/invitations`)).json as {
      id: string;
      expired: boolean;
    }[];
    expect(listed.find((i) => i.id === first.json.id)?.expired).toBe(true);
    // Inviting again replaces it.
    const second = await invite(coordinator, 'dina@fleurus.example');
    expect(second.status).toBe(201);
    const ids = (
      (await coordinator.get(`/api/organisations/${orgB}/invitations`)).json as { id: string }[]
    ).map((i) => i.id);
    expect(ids).toContain(second.json.id);
    expect(ids).not.toContain(first.json.id);
    expect((await dina.get('/api/auth/me')).json.invitations.map((i: { id: string }) => i.id)).toEqual([
      second.json.id,
    ]);
    // Withdrawn, it is gone for her too.
    expect(
      (await coordinator.delete(`/api/organisations/${orgB}/invitations/${second.json.id}`)).status,
    ).toBe(204);
    expect(
      (await coordinator.delete(`/api/organisations/${orgB}/invitations/${second.json.id}`)).status,
    ).toBe(404);
    expect((await dina.get('/api/auth/me')).json.invitations).toEqual([]);
    expect((await dina.post(`/api/auth/invitations/${second.json.id}/accept`)).status).toBe(404);
    expect(await membershipsOf(dinaId)).toEqual([`${orgA}:jobcoach`]);
  });

  it('gives an account it created and nobody used the new temporary password, and no other', async () => {
    // Created by B, never used: inviting again sets the new temporary password (it was B's anyway).
    expect((await invite(bernard, 'eliott@mirec.example')).status).toBe(201);
    expect(
      (
        await bernard.post(`/api/organisations/${orgB}/users`, {
          name: 'Eliott',
          email: 'eliott@mirec.example',
          role: 'jobcoach',
          temporaryPassword: 'un autre mot de passe provisoire',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await new Client(t.app).post('/api/auth/login', {
          email: 'eliott@mirec.example',
          password: 'un autre mot de passe provisoire',
        })
      ).status,
    ).toBe(200);
    // An account B did not create keeps its own password, whatever B types.
    const coordinatorOfA = new Client(t.app);
    await coordinatorOfA.login('admin@example.org');
    const byA = await coordinatorOfA.post(`/api/organisations/${orgA}/users`, {
      name: 'Nom tapé',
      email: 'eliott@mirec.example',
      role: 'jobcoach',
      temporaryPassword: 'le mot de passe de A 2026',
    });
    expect(byA.status).toBe(201);
    expect(
      (
        await new Client(t.app).post('/api/auth/login', {
          email: 'eliott@mirec.example',
          password: 'le mot de passe de A 2026',
        })
      ).status,
    ).toBe(401);
    const eliottId = await userIdOf('eliott@mirec.example');
    expect(await membershipsOf(eliottId)).toEqual([]);
  });

  it('refuses to invite a member of the organisation again, and answers other organisations 404', async () => {
    const again = await invite(bernard, 'anna@fleurus.example');
    expect(again.status).toBe(409);
    expect(again.json.error.field).toBe('email');
    const anna = await loginAs(t, 'anna@fleurus.example');
    expect((await anna.get(`/api/organisations/${orgB}/invitations`)).status).toBe(403);
    const stranger = await loginAs(t, 'carl@fleurus.example');
    expect((await stranger.get(`/api/organisations/${orgB}/invitations`)).status).toBe(404);
    expect((await stranger.delete(`/api/organisations/${orgB}/invitations/${UUID}`)).status).toBe(404);
  });
});
