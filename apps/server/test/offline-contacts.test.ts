import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  createOrganisation,
  createPreHirePerson,
  loginAs,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';

type Timeline = { id: string; type: string };

/**
 * Contacts logged on a device without a network reach the server from its outbox, possibly more
 * than once (an answer lost on the way back): the identifier the device gave the contact makes the
 * second send record nothing and answer as the first. The key of the device's encrypted store goes
 * with the session.
 */
describe.each(testTargets())('contacts sent from a device’s outbox, on $driver', (target) => {
  let t: TestApp;
  let coach: Client;
  let other: Client;
  let today: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    const setup = await setupInstallation(t);
    const orgB = await createOrganisation(setup.admin, 'Mission régionale de Charleroi', setup.basinId);
    await addUser(t, setup.organisationId, 'karim@fleurus.example', 'jobcoach');
    await addUser(t, orgB, 'ines@mirec.example', 'jobcoach');
    coach = await loginAs(t, 'karim@fleurus.example');
    other = await loginAs(t, 'ines@mirec.example');
    today = t.clock.today();
  });
  afterAll(async () => {
    await t?.close();
  });

  const contactRows = (clientId: string) =>
    t.handle.db
      .selectFrom('contact')
      .select(['id', 'organisation_id'])
      .where('client_id', '=', clientId)
      .execute();

  it('records a contact sent twice under one client id once, and answers the same both times', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Nadia' });
    const clientId = crypto.randomUUID();
    const body = { date: today, channel: 'visit', personPresent: true, notes: 'Visite hors ligne', clientId };
    const first = await coach.post(`/api/persons/${p.id}/contacts`, body);
    expect(first.status).toBe(201);
    const second = await coach.post(`/api/persons/${p.id}/contacts`, body);
    expect(second.status).toBe(first.status);
    expect(second.json).toEqual(first.json);
    expect(await contactRows(clientId)).toHaveLength(1);
    const contacts = (second.json.timeline as Timeline[]).filter((e) => e.type === 'contact');
    expect(contacts).toHaveLength(1);

    // Without a client id, each send is a new contact (the form on the file, as before).
    const plain = { date: today, channel: 'phone', personPresent: true };
    await coach.post(`/api/persons/${p.id}/contacts`, plain);
    const again = await coach.post(`/api/persons/${p.id}/contacts`, plain);
    expect((again.json.timeline as Timeline[]).filter((e) => e.type === 'contact')).toHaveLength(3);
  });

  it('keeps another organisation’s identical client id apart, and refuses one reused for another person', async () => {
    const mine = await createPreHirePerson(coach, today, { firstName: 'Yasmine' });
    const theirs = await createPreHirePerson(other, today, { firstName: 'Olivier' });
    const clientId = crypto.randomUUID();
    const body = { date: today, channel: 'visit', personPresent: true, notes: 'Note privée', clientId };
    expect((await coach.post(`/api/persons/${mine.id}/contacts`, body)).status).toBe(201);

    // Another organisation sending the same id: its own contact, nothing of the first one.
    const foreign = await other.post(`/api/persons/${theirs.id}/contacts`, { ...body, notes: 'Autre' });
    expect(foreign.status).toBe(201);
    expect(JSON.stringify(foreign.json)).not.toContain('Note privée');
    expect(JSON.stringify(foreign.json)).not.toContain('Yasmine');
    const rows = await contactRows(clientId);
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.organisation_id)).size).toBe(2);
    // Nor can it reach the first organisation's person with it.
    expect((await other.post(`/api/persons/${mine.id}/contacts`, body)).status).toBe(404);

    // The same id for another person of the organisation: refused, nothing recorded.
    const someoneElse = await createPreHirePerson(coach, today, { firstName: 'Bruno' });
    const reused = await coach.post(`/api/persons/${someoneElse.id}/contacts`, body);
    expect(reused.status).toBe(409);
    expect(reused.json.error.field).toBe('clientId');
    expect(await contactRows(clientId)).toHaveLength(2);
  });

  it('refuses a client id that is not a UUID, naming the field', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Léon' });
    const res = await coach.post(`/api/persons/${p.id}/contacts`, {
      date: today,
      channel: 'visit',
      personPresent: true,
      clientId: 'abc',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe('clientId');
  });

  it('hands the offline key with the session and forgets it at logout', async () => {
    const client = await loginAs(t, 'karim@fleurus.example');
    const res = await client.get('/api/auth/offline-key');
    expect(res.status).toBe(200);
    const key = res.json.key as string;
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect((await client.get('/api/auth/offline-key')).json.key).toBe(key);
    // Another session, another key.
    expect((await coach.get('/api/auth/offline-key')).json.key).not.toBe(key);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/offline-key')).status).toBe(401);
    const kept = await t.handle.db
      .selectFrom('session')
      .select('id')
      .where('offline_key', '=', key)
      .execute();
    expect(kept).toEqual([]);
  });
});
