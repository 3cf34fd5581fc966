import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  createEmployer,
  createPreHirePerson,
  createVacancy,
  employerBody,
  loginAs,
  setupInstallation,
  startTestApp,
  type TestApp,
  vacancyBody,
} from './helpers.ts';

describe.each(testTargets())('the cap of candidates per offer as a setting on $driver', (target) => {
  let t: TestApp;
  let coordinator: Client;
  let coach: Client;
  let colleague: Client;
  let orgA: string;
  let today: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    ({ organisationId: orgA } = await setupInstallation(t));
    await addUser(t, orgA, 'nadia@fleurus.example', 'coordinator');
    await addUser(t, orgA, 'karim@fleurus.example', 'jobcoach');
    await addUser(t, orgA, 'sophie@fleurus.example', 'jobcoach');
    coordinator = await loginAs(t, 'nadia@fleurus.example');
    coach = await loginAs(t, 'karim@fleurus.example');
    colleague = await loginAs(t, 'sophie@fleurus.example');
    today = t.clock.today();
  });
  afterAll(async () => {
    await t?.close();
  });

  const url = () => `/api/organisations/${orgA}/settings`;

  it('is read with the settings (3 by default) and written by the coordinator only, from 1 to 10', async () => {
    const defaults = (await coach.get(url())).json;
    expect(defaults.presentationCap).toBe(3);
    expect((await coach.put(url(), { ...defaults, presentationCap: 2 })).status).toBe(403);

    for (const bad of [0, 11, 2.5, '2', null]) {
      const res = await coordinator.put(url(), { ...defaults, personsPerFte: 12, presentationCap: bad });
      expect(res.status, String(bad)).toBe(400);
      expect(res.json.error.field).toBe('presentationCap');
      expect(res.json.error.message).toMatch(/^« candidats présentés à la fois par offre » : /);
    }
    // Nothing of a refused body was written.
    expect((await coach.get(url())).json).toMatchObject({
      personsPerFte: 20,
      presentationCap: 3,
      version: 0,
    });

    const saved = await coordinator.put(url(), { ...defaults, presentationCap: 10 });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ presentationCap: 10, version: 1 });
    // A body without the cap (an older client) keeps it.
    const { presentationCap: _left, ...withoutCap } = saved.json;
    const kept = await coordinator.put(url(), { ...withoutCap, personsPerFte: 18 });
    expect(kept.json).toMatchObject({ personsPerFte: 18, presentationCap: 10, version: 2 });
  });

  it('disables « Proposer » at the cap, naming the candidates in progress; raising the cap lifts it', async () => {
    const current = (await coordinator.get(url())).json;
    expect((await coordinator.put(url(), { ...current, presentationCap: 1 })).status).toBe(200);
    const employer = await createEmployer(coach, employerBody({ name: 'Garage Lambert' }));
    const vacancy = await createVacancy(coach, vacancyBody(employer.id, today, { title: 'Préparateur' }));
    const ahmed = await createPreHirePerson(coach, today, { firstName: 'Ahmed', lastName: 'Benali' });
    const chloe = await createPreHirePerson(coach, today, { firstName: 'Chloé', lastName: 'Dupont' });
    const other = await createPreHirePerson(colleague, today, { firstName: 'Zoé', lastName: 'Marchal' });
    expect(
      (await coach.post('/api/presentations', { personId: ahmed.id, vacancyId: vacancy.id })).status,
    ).toBe(201);

    const forVacancy = (await coach.get(`/api/vacancies/${vacancy.id}/matches`)).json;
    const row = (id: string) => forVacancy.find((m: { person: { id: string } }) => m.person.id === id);
    expect(row(ahmed.id).capReached).toBeNull();
    expect(row(chloe.id).capReached).toEqual({
      cap: 1,
      candidates: [{ name: 'Ahmed Benali', coachName: 'karim', step: 'proposed' }],
    });
    const forPerson = (await coach.get(`/api/persons/${chloe.id}/matches`)).json;
    expect(
      forPerson.find((m: { vacancy: { id: string } }) => m.vacancy.id === vacancy.id).capReached,
    ).toMatchObject({
      cap: 1,
      candidates: [{ name: 'Ahmed Benali', step: 'proposed' }],
    });
    // The colleague sees the step and the coach, not the name of a person outside their caseload.
    const theirs = (await colleague.get(`/api/persons/${other.id}/matches`)).json;
    expect(theirs.find((m: { vacancy: { id: string } }) => m.vacancy.id === vacancy.id).capReached).toEqual({
      cap: 1,
      candidates: [{ name: null, coachName: 'karim', step: 'proposed' }],
    });

    const now = (await coordinator.get(url())).json;
    expect((await coordinator.put(url(), { ...now, presentationCap: 2 })).status).toBe(200);
    const after = (await coach.get(`/api/persons/${chloe.id}/matches`)).json;
    expect(after.find((m: { vacancy: { id: string } }) => m.vacancy.id === vacancy.id).capReached).toBeNull();
    expect(
      (await coach.post('/api/presentations', { personId: chloe.id, vacancyId: vacancy.id })).status,
    ).toBe(201);
  });
});
