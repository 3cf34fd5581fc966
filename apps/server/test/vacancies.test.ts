import { testTargets } from '@jobcoach/db/testing';
import { addDays } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  createEmployer,
  createOrganisation,
  createVacancy,
  employerBody,
  loginAs,
  setupInstallation,
  startTestApp,
  type TestApp,
  vacancyBody,
} from './helpers.ts';

describe.each(testTargets())('vacancies on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let coachA: Client;
  let coachB: Client;
  let coachC: Client;
  let evaluatorA: Client;
  let today: string;
  let employerId: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    let orgA: string;
    let charleroi: string;
    ({ admin, organisationId: orgA, basinId: charleroi } = await setupInstallation(t));
    const namur = ((await admin.get('/api/basins')).json as { id: string; name: string }[]).find(
      (b) => b.name === 'Namur',
    )!.id;
    const orgB = await createOrganisation(admin, 'Mission régionale de Charleroi', charleroi);
    const orgC = await createOrganisation(admin, 'FORMA Namur', namur);
    await addUser(t, orgA, 'karim@fleurus.example', 'jobcoach');
    await addUser(t, orgA, 'eva@fleurus.example', 'evaluator');
    await addUser(t, orgB, 'bruno@mirec.example', 'jobcoach');
    await addUser(t, orgC, 'claire@forma.example', 'jobcoach');
    coachA = await loginAs(t, 'karim@fleurus.example');
    evaluatorA = await loginAs(t, 'eva@fleurus.example');
    coachB = await loginAs(t, 'bruno@mirec.example');
    coachC = await loginAs(t, 'claire@forma.example');
    today = t.clock.today();
    employerId = (
      await createEmployer(
        coachA,
        employerBody({ name: 'Entrepôts Dubois', commune: 'Gosselies', naceCode: '52.10' }),
      )
    ).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('records a vacancy with its published and objectified requirements', async () => {
    const file = await createVacancy(
      coachA,
      vacancyBody(employerId, addDays(today, -5), {
        title: 'Magasinier parlant allemand',
        source: 'forem',
        sourceRef: 'FOREM-123',
        placeOfWork: 'Zoning de Gosselies',
        commune: 'Charleroi',
        openings: 2,
        contract: { type: 'cdd', months: 6 },
        hoursPerWeek: 38,
        schedule: ['day', 'shifts', 'day'],
        published: {
          text: 'Magasinier bilingue allemand, 3 ans d’expérience, CESS.',
          diplomaLevel: 'cess',
          languages: [{ code: 'Allemand', speak: 'fluent' }],
          drivingLicence: true,
          experienceYears: 3,
        },
        objectified: {
          text: 'Lire les étiquettes en allemand.',
          languages: [{ code: 'de', read: 'basic' }],
          taskDescription:
            'Préparer les commandes, lire les étiquettes des colis en allemand, ranger le stock.',
        },
        physicalDemands: ['heavy_loads', 'long_standing'],
        qualityNote: 'Salaire barémique, horaires stables.',
      }),
    );
    expect(file).toMatchObject({
      employerId,
      employerName: 'Entrepôts Dubois',
      title: 'Magasinier parlant allemand',
      sourceRef: 'FOREM-123',
      openings: 2,
      contract: { type: 'cdd', months: 6 },
      hoursPerWeek: 38,
      schedule: ['day', 'shifts'],
      published: {
        diplomaLevel: 'cess',
        languages: [{ code: 'de', speak: 'fluent' }],
        drivingLicence: true,
        car: false,
        experienceYears: 3,
      },
      objectified: {
        languages: [{ code: 'de', read: 'basic' }],
        drivingLicence: false,
        experienceYears: null,
        taskDescription: expect.stringMatching(/étiquettes/),
      },
      physicalDemands: ['heavy_loads', 'long_standing'],
      status: 'open',
      closedOn: null,
      version: 1,
      presentationCap: 3,
      activePresentations: 0,
    });
    const list = (await coachA.get('/api/vacancies?q=allemand')).json;
    expect(list).toMatchObject([{ id: file.id, objectified: true, employerName: 'Entrepôts Dubois' }]);
    const employer = (await coachA.get(`/api/employers/${employerId}`)).json;
    expect(employer.vacancies.map((v: { id: string }) => v.id)).toEqual([file.id]);
    // The same source reference twice is refused, naming the field.
    const twice = await coachA.post(
      '/api/vacancies',
      vacancyBody(employerId, today, { source: 'forem', sourceRef: 'FOREM-123' }),
    );
    expect(twice.status).toBe(409);
    expect(twice.json.error.field).toBe('sourceRef');
  });

  it('refuses incoherent input with a French 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ contract: { type: 'cdi', months: 6 } }, 'contract.months'],
      [{ closedOn: addDays(today, -30), openedOn: today }, 'closedOn'],
      [{ sectorCode: '99.99.99' }, 'sectorCode'],
      [{ schedule: ['morning'] }, 'schedule.0'],
      [{ objectified: { text: 'x' } }, 'objectified.taskDescription'],
      [{ employerId: '00000000-0000-4000-8000-000000000000' }, 'employerId'],
      [{ published: { languages: [{ code: 'de', speak: 'native' }] } }, 'published.languages.0.speak'],
      [{ published: { languages: [{ code: 'de', level: 'reads' }] } }, 'published.languages.0.level'],
      [{ drivingLicense: true }, 'drivingLicense'],
      [{ published: { drivingLicense: true } }, 'published.drivingLicense'],
    ];
    for (const [overrides, field] of cases) {
      const res = await coachA.post('/api/vacancies', vacancyBody(employerId, today, overrides));
      expect(res.status, field).toBe(400);
      expect(res.json.error.field, JSON.stringify(overrides)).toBe(field);
      expect(res.json.error.message).toMatch(/«.+»/);
    }
  });

  it('edits with optimistic concurrency and closes a vacancy with a closing day', async () => {
    const v = await createVacancy(coachA, vacancyBody(employerId, addDays(today, -3), { title: 'Cariste' }));
    const edited = await coachA.patch(`/api/vacancies/${v.id}`, { hoursPerWeek: 19.5, version: 1 });
    expect(edited.json).toMatchObject({ hoursPerWeek: 19.5, title: 'Cariste', version: 2 });
    const stale = await coachA.patch(`/api/vacancies/${v.id}`, { title: 'Autre', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: 'stale_version', current: { version: 2 } });
    const closed = await coachA.patch(`/api/vacancies/${v.id}`, { status: 'closed', version: 2 });
    expect(closed.json).toMatchObject({ status: 'closed', closedOn: today });
    expect((await coachA.get('/api/vacancies?status=closed')).json.map((x: { id: string }) => x.id)).toEqual([
      v.id,
    ]);
    const reopened = await coachA.patch(`/api/vacancies/${v.id}`, { status: 'open', version: 3 });
    expect(reopened.json).toMatchObject({ status: 'open', closedOn: null });
  });

  it('keeps vacancies to their organisation (404) and refuses evaluators (403)', async () => {
    const v = await createVacancy(
      coachA,
      vacancyBody(employerId, today, { title: 'Préparateur de commandes' }),
    );
    // B shares the employer (same basin) but not A's vacancies.
    expect((await coachB.get(`/api/vacancies/${v.id}`)).status).toBe(404);
    expect((await coachB.patch(`/api/vacancies/${v.id}`, { title: 'x', version: 1 })).status).toBe(404);
    expect((await coachB.get('/api/vacancies')).json).toEqual([]);
    expect((await coachB.get(`/api/employers/${employerId}`)).json.vacancies).toEqual([]);
    // B may post its own vacancy for the shared employer; C (other basin) may not.
    expect((await coachB.post('/api/vacancies', vacancyBody(employerId, today))).status).toBe(201);
    const fromC = await coachC.post('/api/vacancies', vacancyBody(employerId, today));
    expect(fromC.status).toBe(400);
    expect(fromC.json.error.field).toBe('employerId');
    expect((await evaluatorA.get('/api/vacancies')).status).toBe(403);
    expect((await evaluatorA.get(`/api/vacancies/${v.id}`)).status).toBe(403);
  });
});
