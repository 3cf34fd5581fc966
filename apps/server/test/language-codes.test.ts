import { testTargets } from '@jobcoach/db/testing';
import { addDays } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  createPerson,
  createPreHirePerson,
  loginAs,
  personBody,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';

/**
 * Every language: an error keeps its French message and carries a stable code, a message key and
 * its parameters; a timeline entry keeps its French text and carries a code and parameters (ISO
 * dates, enum codes). The web words both in the interface's language.
 */
describe.each(testTargets())('error and timeline codes with parameters, on $driver', (target) => {
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

  it('gives each timeline entry its code and parameters beside its French text', async () => {
    const person = await createPreHirePerson(coach, today, { firstName: 'Nadia' });
    const logged = await coach.post(`/api/persons/${person.id}/contacts`, {
      date: today,
      channel: 'phone',
      personPresent: true,
      durationMinutes: 20,
      nextPlannedOn: addDays(today, 7),
    });
    expect(logged.status).toBe(201);
    type Entry = { type: string; code: string; params: Record<string, unknown>; title: string };
    const timeline = logged.json.timeline as Entry[];
    const contact = timeline.find((e) => e.type === 'contact')!;
    expect(contact.code).toBe('contact');
    expect(contact.params).toMatchObject({
      channel: 'phone',
      present: true,
      durationMinutes: 20,
      nextPlannedOn: addDays(today, 7),
    });
    expect(contact.title).toBe('Téléphone avec la personne');

    const move = timeline.find((e) => e.type === 'transition')!;
    expect(move).toMatchObject({
      code: 'transition',
      params: { transitionId: 'enter_pre_hire', fromPhase: 'intake', toPhase: 'pre_hire' },
    });
    const assessment = timeline.find((e) => e.type === 'assessment')!;
    expect(assessment).toMatchObject({
      code: 'assessment',
      params: { decision: 'accepted', unmetConditions: [] },
    });
    const referral = timeline.find((e) => e.code === 'intake.referral')!;
    expect(referral.params).toEqual({ referralKind: 'spontaneous', partnerName: null });
  });
});
