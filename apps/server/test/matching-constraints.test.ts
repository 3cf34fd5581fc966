import { testTargets } from '@jobcoach/db/testing';
import { addDays, addMonths } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  createEmployer,
  createOrganisation,
  createPerson,
  createPreHirePerson,
  createVacancy,
  employerBody,
  loginAs,
  personBody,
  setupInstallation,
  startTestApp,
  type TestApp,
  vacancyBody,
} from './helpers.ts';

interface Reason {
  kind: string;
  code: string;
  key: string;
}

describe.each(testTargets())('real constraints and hiring aids on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let coach: Client;
  let today: string;
  let employerId: string;
  let basinColleague: Client;
  let elsewhere: Client;

  beforeAll(async () => {
    t = await startTestApp(target);
    const setup = await setupInstallation(t);
    admin = setup.admin;
    await addUser(t, setup.organisationId, 'karim@fleurus.example', 'jobcoach');
    coach = await loginAs(t, 'karim@fleurus.example');
    // Another organisation of the same basin (Charleroi), and one of another basin.
    const colleagueOrg = await createOrganisation(admin, 'Mission régionale de Charleroi', setup.basinId);
    await addUser(t, colleagueOrg, 'bruno@mirec.example', 'jobcoach');
    basinColleague = await loginAs(t, 'bruno@mirec.example');
    const otherBasin = (await admin.get('/api/basins')).json.find(
      (b: { name: string }) => b.name !== 'Charleroi',
    );
    const farOrg = await createOrganisation(admin, 'CPAS de Liège', otherBasin.id);
    await addUser(t, farOrg, 'lea@liege.example', 'jobcoach');
    elsewhere = await loginAs(t, 'lea@liege.example');
    today = t.clock.today();
    employerId = (
      await createEmployer(admin, employerBody({ name: 'Entrepôts Dubois', commune: 'Charleroi' }))
    ).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const countPersons = async () =>
    (
      await t.handle.db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('refuses misspelt or unknown fields of a person or a vacancy, naming them, writing nothing', async () => {
    const before = Number(await countPersons());
    const created = await coach.post('/api/persons', personBody(today, { drivingLicense: true }));
    expect(created.status).toBe(400);
    expect(created.json.error).toMatchObject({ code: 'validation', field: 'drivingLicense' });
    expect(created.json.error.message).toContain('« drivingLicense »');
    const nested = await coach.post(
      '/api/persons',
      personBody(today, { referral: { kind: 'spontaneous', receivedOn: today, recievedOn: today } }),
    );
    expect(nested.json.error).toMatchObject({ field: 'referral.recievedOn' });
    expect(Number(await countPersons())).toBe(before);

    const person = await createPerson(coach, personBody(today));
    const patched = await coach.patch(`/api/persons/${person.id}`, {
      version: person.version,
      hasCars: true,
    });
    expect(patched.status).toBe(400);
    expect(patched.json.error.field).toBe('hasCars');

    const vacancy = await coach.post(
      '/api/vacancies',
      vacancyBody(employerId, today, { physicalDemand: ['heavy_loads'] }),
    );
    expect(vacancy.status).toBe(400);
    expect(vacancy.json.error).toMatchObject({ field: 'physicalDemand' });
    expect(vacancy.json.error.message).toMatch(/Champ inconnu : « physicalDemand »/);
  });

  it('records languages skill by skill; the old single level is refused by name', async () => {
    const person = await createPerson(
      coach,
      personBody(today, { languages: ['Français', { code: 'Allemand', read: 'good', speak: 'none' }] }),
    );
    expect(person.languages).toEqual([{ code: 'fr' }, { code: 'de', read: 'good', speak: 'none' }]);
    const old = await coach.post(
      '/api/persons',
      personBody(today, { languages: [{ code: 'de', level: 'reads' }] }),
    );
    expect(old.status).toBe(400);
    expect(old.json.error.field).toBe('languages.0.level');
    const badLevel = await coach.post(
      '/api/persons',
      personBody(today, { languages: [{ code: 'de', read: 'lots' }] }),
    );
    expect(badLevel.json.error.field).toBe('languages.0.read');
  });

  it('a heavy-loads limit blocks a heavy-loads demand, with its reason; a jobcoach without the right cannot change the limits', async () => {
    const person = await createPreHirePerson(admin, today, {
      firstName: 'Béatrice',
      lastName: 'Bodart',
      commune: 'Fleurus',
      physicalLimits: ['heavy_loads'],
      physicalLimitsNote: 'Dos fragile',
    });
    const heavy = await createVacancy(
      admin,
      vacancyBody(employerId, today, { title: 'Manutentionnaire', physicalDemands: ['heavy_loads'] }),
    );
    const matches = (await admin.get(`/api/vacancies/${heavy.id}/matches`)).json as {
      person: { id: string };
      result: { compatible: boolean; reasons: Reason[] };
    }[];
    const mine = matches.find((m) => m.person.id === person.id);
    expect(mine?.result.compatible).toBe(false);
    expect(mine?.result.reasons).toContainEqual(
      expect.objectContaining({
        kind: 'blocking',
        code: 'physical',
        key: 'physical.heavy_loads',
      }),
    );
    const light = await createVacancy(admin, vacancyBody(employerId, today, { title: 'Accueil' }));
    const lightMatches = (await admin.get(`/api/vacancies/${light.id}/matches`)).json as {
      person: { id: string };
      result: { compatible: boolean };
    }[];
    expect(lightMatches.find((m) => m.person.id === person.id)?.result.compatible).toBe(true);
    // A jobcoach without the right to sensitive data neither reads nor changes the limits.
    const own = await createPerson(coach, personBody(today));
    const refused = await coach.patch(`/api/persons/${own.id}`, {
      physicalLimits: ['kneeling'],
      version: own.version,
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.field).toBe('physicalLimits');
    // Set by a colleague with the right, the limit still blocks for that jobcoach, worded without
    // what it says of the person's health.
    const limited = await admin.patch(`/api/persons/${own.id}`, {
      physicalLimits: ['heavy_loads'],
      version: own.version,
    });
    expect(limited.status).toBe(200);
    const seen = (await coach.get(`/api/persons/${own.id}/matches`)).json as {
      vacancy: { id: string };
      result: { compatible: boolean; reasons: Reason[] };
    }[];
    const forHeavy = seen.find((m) => m.vacancy.id === heavy.id);
    expect(forHeavy?.result.compatible).toBe(false);
    expect(forHeavy?.result.reasons).toContainEqual({
      kind: 'blocking',
      code: 'physical',
      key: 'physical.restricted',
      points: 0,
    });
    expect(JSON.stringify(seen)).not.toMatch(/heavy_loads/);
  });

  it('names the hiring aids a person opens beside the match, from the dated rules', async () => {
    const young = await createPreHirePerson(coach, today, {
      firstName: 'Yanis',
      lastName: 'Jeune',
      birthDate: addDays(addMonths(today, -24 * 12), -30),
      monthsWithoutJob: 8,
      postcode: '6000',
      commune: 'Charleroi',
    });
    const v = await createVacancy(
      coach,
      vacancyBody(employerId, today, { title: 'Préparateur de commandes' }),
    );
    const matches = (await coach.get(`/api/vacancies/${v.id}/matches`)).json as {
      person: { id: string };
      result: { hiringAids: string[]; score: number };
    }[];
    const match = matches.find((m) => m.person.id === young.id);
    expect(match?.result.hiringAids).toEqual([
      'Impulsion -25 ans',
      'Réduction groupe-cible premiers engagements',
    ]);

    // The administrator closes the rule: the aid is no longer named, the score does not move.
    const rules = (await coach.get('/api/hiring-aids/rules')).json as {
      id: string;
      code: string;
      version: number;
    }[];
    const rule = rules.find((r) => r.code === 'impulsion_under_25')!;
    expect(
      (
        await coach.patch(`/api/hiring-aids/rules/${rule.id}`, {
          validTo: addDays(today, -1),
          version: rule.version,
        })
      ).status,
    ).toBe(403);
    const closed = await admin.patch(`/api/hiring-aids/rules/${rule.id}`, {
      validTo: addDays(today, -1),
      version: rule.version,
    });
    expect(closed.status).toBe(200);
    const after = (await coach.get(`/api/vacancies/${v.id}/matches`)).json as typeof matches;
    const again = after.find((m) => m.person.id === young.id);
    expect(again?.result.hiringAids).toEqual(['Réduction groupe-cible premiers engagements']);
    expect(again?.result.score).toBe(match?.result.score);
    const bad = await admin.patch(`/api/hiring-aids/rules/${rule.id}`, {
      validTo: '2000-01-01',
      version: closed.json.version,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('validTo');
    // Put back as shipped.
    await admin.patch(`/api/hiring-aids/rules/${rule.id}`, { validTo: null, version: closed.json.version });
  });

  it('estimates what the hire costs the employer on a presentation, aids deducted, assumptions dated', async () => {
    const person = await createPreHirePerson(coach, today, {
      firstName: 'Inès',
      lastName: 'Estim',
      birthDate: addDays(addMonths(today, -22 * 12), -10),
      monthsWithoutJob: 3,
      postcode: '6200',
    });
    const v = await createVacancy(coach, vacancyBody(employerId, today, { hoursPerWeek: 38 }));
    const presentation = (await coach.post('/api/presentations', { personId: person.id, vacancyId: v.id }))
      .json;
    const bare = (await coach.get(`/api/presentations/${presentation.id}/hire`)).json;
    expect(bare.estimate).toBeNull();
    expect(bare.aids.map((a: { code: string }) => a.code)).toEqual([
      'impulsion_under_25',
      'first_hires_reduction',
    ]);
    const res = await coach.get(`/api/presentations/${presentation.id}/hire?grossHourly=15`);
    expect(res.status).toBe(200);
    expect(res.json.estimate).toMatchObject({ grossMonthly: 2470, aidsDeducted: 500, on: today });
    expect(res.json.estimate.costAfterAids).toBeCloseTo(res.json.estimate.costBeforeAids - 500, 2);
    expect(res.json.estimate.assumptions[0]).toContain(today);
    expect(res.json.estimate.notice).toMatch(/^Estimation/);
    const wrong = await coach.get(`/api/presentations/${presentation.id}/hire?grossHourly=-2`);
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.field).toBe('grossHourly');
  });

  it('shows the basin’s open offers of other organisations, never their candidates; a request is accepted or declined', async () => {
    const person = await createPreHirePerson(coach, today, {
      firstName: 'Sami',
      lastName: 'Bassin',
      commune: 'Fleurus',
      wishedJobs: ['préparateur de commandes'],
    });
    // Bruno's organisation holds an offer, with one of its own candidates presented.
    const theirEmployer = (
      await createEmployer(basinColleague, employerBody({ name: 'Logistique Sambre', commune: 'Gosselies' }))
    ).id;
    const offer = await createVacancy(
      basinColleague,
      vacancyBody(theirEmployer, today, { title: 'Préparateur de commandes', hoursPerWeek: 38 }),
    );
    const theirPerson = await createPreHirePerson(basinColleague, today, {
      firstName: 'Candidat',
      lastName: 'Mirec',
    });
    await basinColleague.post('/api/presentations', { personId: theirPerson.id, vacancyId: offer.id });
    await createVacancy(
      basinColleague,
      vacancyBody(theirEmployer, today, { title: 'Offre fermée', status: 'closed', closedOn: today }),
    );
    const farEmployer = (await createEmployer(elsewhere, employerBody({ name: 'Liège Logistique' }))).id;
    await createVacancy(elsewhere, vacancyBody(farEmployer, today, { title: 'Préparateur à Liège' }));

    const offers = await coach.get(`/api/persons/${person.id}/basin-offers`);
    expect(offers.status).toBe(200);
    expect(offers.json.map((o: { vacancy: { title: string } }) => o.vacancy.title)).toEqual([
      'Préparateur de commandes',
    ]);
    const [found] = offers.json;
    expect(found.vacancy).toMatchObject({
      id: offer.id,
      employerName: 'Logistique Sambre',
      organisation: { name: 'Mission régionale de Charleroi' },
    });
    expect(found.result.reasons).toContainEqual(expect.objectContaining({ code: 'wished_job' }));
    expect(found.request).toBeNull();
    const text = JSON.stringify(offers.json);
    expect(text).not.toContain('Candidat');
    expect(text).not.toContain(theirPerson.id);
    // Own offers are in the ordinary list, not here; the colleague cannot propose our person directly.
    expect(
      (await coach.post('/api/presentations', { personId: person.id, vacancyId: offer.id })).status,
    ).toBe(404);

    const asked = await coach.post('/api/basin-requests', {
      personId: person.id,
      basinVacancyId: offer.id,
      note: 'Magasinier 3 ans, disponible tout de suite.',
    });
    expect(asked.status).toBe(201);
    expect(asked.json.status).toBe('pending');
    const twice = await coach.post('/api/basin-requests', {
      personId: person.id,
      basinVacancyId: offer.id,
      note: 'Encore',
    });
    expect(twice.status).toBe(409);
    // An offer of another basin cannot be asked for.
    const far = (await elsewhere.get('/api/vacancies')).json[0];
    const refused = await coach.post('/api/basin-requests', {
      personId: person.id,
      basinVacancyId: far.id,
      note: 'x',
    });
    expect(refused.status).toBe(404);
    expect(refused.json.error.field).toBe('basinVacancyId');

    // The offering organisation sees who asks and the note, not the person, and decides.
    const incoming = await basinColleague.get(`/api/vacancies/${offer.id}/basin-requests`);
    expect(incoming.json).toEqual([
      expect.objectContaining({
        organisationName: 'CPAS de Fleurus',
        note: 'Magasinier 3 ans, disponible tout de suite.',
        status: 'pending',
      }),
    ]);
    expect(JSON.stringify(incoming.json)).not.toContain('Sami');
    expect(
      (await coach.post(`/api/basin-requests/${asked.json.id}/decision`, { decision: 'accepted' })).status,
    ).toBe(404);
    const decided = await basinColleague.post(`/api/basin-requests/${asked.json.id}/decision`, {
      decision: 'accepted',
      note: 'Envoyez le CV à Bruno.',
    });
    expect(decided.status).toBe(200);
    expect(decided.json).toMatchObject({ status: 'accepted', decidedOn: today });
    expect(
      (await basinColleague.post(`/api/basin-requests/${asked.json.id}/decision`, { decision: 'declined' }))
        .status,
    ).toBe(409);
    const after = (await coach.get(`/api/persons/${person.id}/basin-offers`)).json;
    expect(after[0].request).toMatchObject({ status: 'accepted', decisionNote: 'Envoyez le CV à Bruno.' });
  });
});
