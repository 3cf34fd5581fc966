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

/**
 * Every language: an error keeps its French message and carries a stable code, a message key and
 * its parameters, which the web words in the interface's language.
 */
describe.each(testTargets())('error codes and parameters, on $driver', (target) => {
  let t: TestApp;
  let coach: Client;
  let today: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    const setup = await setupInstallation(t);
    await addUser(t, setup.organisationId, 'karim@fleurus.example', 'jobcoach');
    coach = await loginAs(t, 'karim@fleurus.example');
    today = t.clock.today();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keys a missing field as required, naming the field', async () => {
    const body = personBody(today) as Record<string, unknown>;
    delete body.lastName;
    const res = await coach.post('/api/persons', body);
    expect(res.status).toBe(400);
    expect(res.json.error).toEqual({
      code: 'validation',
      message: expect.stringContaining('nom de famille'),
      field: 'lastName',
      key: 'validation.required',
      params: { field: 'lastName' },
    });
  });

  it('keys an impossible date, a too long text, an unknown field and an unknown code', async () => {
    const date = await coach.post('/api/persons', personBody(today, { birthDate: '1975-02-30' }));
    expect(date.status).toBe(400);
    expect(date.json.error).toMatchObject({
      field: 'birthDate',
      key: 'validation.invalid_date',
      params: { field: 'birthDate' },
      message: '« date de naissance » : date au format AAAA-MM-JJ attendue.',
    });

    const long = await coach.post('/api/persons', personBody(today, { firstName: 'x'.repeat(500) }));
    expect(long.status).toBe(400);
    expect(long.json.error).toMatchObject({
      field: 'firstName',
      key: 'validation.too_long',
      params: { field: 'firstName', max: expect.any(Number) },
    });

    const unknown = await coach.post('/api/persons', personBody(today, { drivingLicense: true }));
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({
      field: 'drivingLicense',
      key: 'validation.unknown_field',
      params: { field: 'drivingLicense', keys: ['drivingLicense'] },
    });

    const code = await coach.post('/api/persons', personBody(today, { sex: 'robot' }));
    expect(code.status).toBe(400);
    expect(code.json.error).toMatchObject({
      field: 'sex',
      key: 'validation.invalid_value',
      params: { field: 'sex' },
    });
  });

  it('keys a number out of range with its bound', async () => {
    const res = await coach.get('/api/persons?limit=0');
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({
      field: 'limit',
      key: 'validation.too_small',
      params: { field: 'limit', min: 1 },
    });
  });

  it('keys a record not found with the record’s code', async () => {
    const res = await coach.get('/api/persons/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.json.error).toEqual({
      code: 'not_found',
      message: 'Personne introuvable.',
      key: 'not_found',
      params: { record: 'person' },
    });
  });

  it('keys a stale version and a correction without reason', async () => {
    const person = await createPerson(coach, personBody(today));
    const stale = await coach.patch(`/api/persons/${person.id}`, {
      version: person.version + 5,
      phone: '071 00 00 00',
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: 'stale_version', key: 'stale_version', params: {} });

    const logged = await coach.post(`/api/persons/${person.id}/contacts`, {
      date: today,
      channel: 'phone',
      personPresent: true,
    });
    expect(logged.status).toBe(201);
    const contact = (logged.json.timeline as { type: string; entity: { id: string } | null }[]).find(
      (e) => e.type === 'contact',
    )!;
    const refused = await coach.post(`/api/contacts/${contact.entity!.id}/cancel`, { reason: 'ab' });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({
      code: 'validation',
      field: 'reason',
      key: 'correction.reason_required',
      params: { field: 'reason' },
    });
  });
});
