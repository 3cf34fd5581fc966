import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, Client, PASSWORD, setupInstallation, startTestApp, type TestApp } from './helpers.ts';

/**
 * The audit entries of the account's use cases (auth/, setup/, audit/, users/): who acted, which
 * organisation the entry belongs to, and what a refused attempt leaves behind (it stays though the
 * request fails).
 */
describe.each(testTargets())('the account’s audit entries on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let adminId: string;
  let coachId: string;

  const lastEntry = (action: string) =>
    t.handle.db
      .selectFrom('audit_log')
      .select(['actor_id', 'organisation_id', 'entity', 'entity_id', 'details', 'client_address'])
      .where('action', '=', action)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
  const count = async (action: string) =>
    (await t.handle.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length;
  const failures = async (key: string) =>
    (
      await t.handle.db
        .selectFrom('login_throttle')
        .select('failures')
        .where('key', '=', key)
        .executeTakeFirst()
    )?.failures ?? 0;

  beforeAll(async () => {
    t = await startTestApp(target);
    ({ admin, organisationId: orgId } = await setupInstallation(t));
    adminId = (await admin.get('/api/auth/me')).json.user.id;
    coachId = await addUser(t, orgId, 'coach@example.org', 'jobcoach');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives the setup’s entry to the organisation it creates, acted by nobody yet', async () => {
    expect(await lastEntry('installation_setup')).toMatchObject({
      actor_id: null,
      organisation_id: orgId,
      entity: 'organisation',
      entity_id: orgId,
    });
  });

  it('keeps a failed sign-in’s count and entry, and gives a sign-in’s entry to the session’s organisation', async () => {
    const client = new Client(t.app);
    const wrong = await client.post('/api/auth/login', { email: 'Coach@Example.org ', password: 'wrong' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.message).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(await failures('email:coach@example.org')).toBe(1);
    expect(await lastEntry('login_failed')).toMatchObject({
      actor_id: null,
      organisation_id: null,
      entity: 'session',
      entity_id: null,
    });
    await client.login('coach@example.org');
    expect(await failures('email:coach@example.org')).toBe(0);
    expect(await lastEntry('login')).toMatchObject({
      actor_id: null,
      organisation_id: orgId,
      entity: 'session',
      entity_id: coachId,
    });
  });

  it('gives a signed-in caller’s failed sign-in to the caller and their organisation', async () => {
    const client = new Client(t.app);
    await client.login('coach@example.org');
    const res = await client.post('/api/auth/login', { email: 'admin@example.org', password: 'wrong' });
    expect(res.status).toBe(401);
    expect(await lastEntry('login_failed')).toMatchObject({ actor_id: coachId, organisation_id: orgId });
  });

  it('keeps the count of a wrong current password though the change is refused', async () => {
    const client = new Client(t.app);
    await client.login('coach@example.org');
    const changes = await count('password_changed');
    const res = await client.post('/api/auth/password', {
      currentPassword: 'not the password',
      newPassword: 'another correct horse battery',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe('currentPassword');
    expect(await failures('email:coach@example.org')).toBe(1);
    expect(await count('password_changed')).toBe(changes);
    const disable = await client.post('/api/auth/totp/disable', { currentPassword: 'still not it' });
    expect(disable.status).toBe(400);
    expect(await failures('email:coach@example.org')).toBe(2);
    const ok = await client.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'another correct horse battery',
    });
    expect(ok.status).toBe(204);
    expect(await lastEntry('password_changed')).toMatchObject({
      actor_id: coachId,
      organisation_id: orgId,
      entity: 'user',
      entity_id: coachId,
    });
  });

  it('gives the entries of a caller’s own account to their current organisation', async () => {
    const client = new Client(t.app);
    await client.login('coach@example.org', 'another correct horse battery');
    expect((await client.post('/api/auth/totp/setup')).status).toBe(200);
    expect(await lastEntry('totp_setup_started')).toMatchObject({
      actor_id: coachId,
      organisation_id: orgId,
      entity_id: coachId,
    });
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(await lastEntry('logout')).toMatchObject({
      actor_id: coachId,
      organisation_id: orgId,
      entity: 'session',
      entity_id: coachId,
    });
  });

  it('audits the administrator’s export of the log in their current organisation', async () => {
    const res = await admin.get('/api/audit.csv?limit=3');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="journal-audit.csv"');
    expect(await lastEntry('export')).toMatchObject({
      actor_id: adminId,
      organisation_id: orgId,
      entity: 'audit_log',
      details: { rows: 3 },
    });
    const ended = await admin.delete(`/api/users/${coachId}/sessions`);
    expect(ended.status).toBe(204);
    expect(await lastEntry('sessions_ended_by_admin')).toMatchObject({
      actor_id: adminId,
      organisation_id: orgId,
      entity: 'user',
      entity_id: coachId,
    });
  });
});
