import { testTargets } from '@jobcoach/db/testing';
import { addDays } from '@jobcoach/domain';
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
  params?: Record<string, unknown>;
}
interface PersonMatch {
  person: { id: string; firstName: string };
  result: {
    compatible: boolean;
    score: number;
    basis: string;
    reasons: Reason[];
    hiringAids: string[];
    distanceKm: number | null;
  };
  presentation: { id: string; step: string } | null;
}

describe.each(testTargets())('matching lists on $driver', (target) => {
  let t: TestApp;
  let coach: Client;
  let admin: Client;
  let outsider: Client;
  let evaluator: Client;
  let today: string;
  let employerId: string;
  const persons: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(target);
    const setup = await setupInstallation(t);
    admin = setup.admin;
    const { organisationId: orgA, basinId } = setup;
    const orgB = await createOrganisation(admin, 'Mission régionale de Charleroi', basinId);
    await addUser(t, orgA, 'karim@fleurus.example', 'jobcoach');
    await addUser(t, orgA, 'eva@fleurus.example', 'evaluator');
    await addUser(t, orgB, 'bruno@mirec.example', 'jobcoach');
    coach = await loginAs(t, 'karim@fleurus.example');
    evaluator = await loginAs(t, 'eva@fleurus.example');
    outsider = await loginAs(t, 'bruno@mirec.example');
    today = t.clock.today();
    employerId = (
      await createEmployer(coach, employerBody({ name: 'Entrepôts Dubois', commune: 'Charleroi' }))
    ).id;
    const common = { commune: 'Fleurus', maxTravelMinutes: 45, publicTransport: true };
    persons.withLicence = (
      await createPreHirePerson(coach, today, {
        ...common,
        firstName: 'Ahmed',
        lastName: 'Amrani',
        drivingLicence: true,
        hasCar: true,
        wishedJobs: ['magasinier'],
        languages: ['français'],
      })
    ).id;
    persons.noLicence = (
      await createPreHirePerson(coach, today, {
        ...common,
        firstName: 'Béatrice',
        lastName: 'Bodart',
        drivingLicence: false,
        hasCar: false,
        physicalLimitsNote: 'Ne peut pas porter plus de 10 kg (dos)',
      })
    ).id;
    // A person still in intake is not on the vacancy's list.
    persons.intake = (await createPerson(coach, personBody(addDays(today, -3), { firstName: 'Céline' }))).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('ranks the organisation’s persons in pre-hire for a vacancy, with French reasons', async () => {
    const v = await createVacancy(
      coach,
      vacancyBody(employerId, today, {
        title: 'Magasinier',
        commune: 'Charleroi',
        published: { drivingLicence: true, languages: [{ code: 'fr', speak: 'good' }] },
      }),
    );
    const res = await coach.get(`/api/vacancies/${v.id}/matches`);
    expect(res.status).toBe(200);
    const matches = res.json as PersonMatch[];
    expect(matches.map((m) => m.person.firstName)).toEqual(['Ahmed', 'Béatrice']);
    const [first, second] = matches as [PersonMatch, PersonMatch];
    // Hiring aids are named beside the result: Ahmed's file records neither age nor months without
    // a job, so only the aid that depends on the employer alone is named.
    expect(first.result).toMatchObject({
      compatible: true,
      basis: 'published',
      hiringAids: ['Réduction groupe-cible premiers engagements'],
    });
    expect(first.result.score).toBeGreaterThan(50);
    expect(first.result.distanceKm).toBeGreaterThan(5);
    expect(first.result.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'plus',
          code: 'wished_job',
          key: 'wished_job',
          params: { job: 'magasinier' },
        }),
        expect.objectContaining({
          code: 'travel',
          params: expect.objectContaining({ minutes: expect.any(Number) }),
        }),
        // Languages are recorded without a level: never a block, a check.
        expect.objectContaining({
          kind: 'info',
          code: 'language',
          key: 'language.toCheck',
        }),
      ]),
    );
    expect(second.result).toMatchObject({ compatible: false, score: 0 });
    expect(second.result.reasons[0]).toEqual({
      kind: 'blocking',
      code: 'driving_licence',
      key: 'driving_licence.missing',
      points: 0,
    });
    // Physical limits are free text on persons: shown to check, never guessed. Their text is
    // sensitive (health): a jobcoach without the right is told to check, without the text.
    expect(second.result.reasons).toEqual(
      expect.arrayContaining([
        { kind: 'info', code: 'physical_note', key: 'physical_note.restricted', points: 0 },
      ]),
    );
    expect(JSON.stringify(res.json)).not.toMatch(/10 kg/);
    const asCoordinator = (await admin.get(`/api/vacancies/${v.id}/matches`)).json as PersonMatch[];
    expect(asCoordinator[1]!.result.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'physical_note',
          key: 'physical_note',
          params: { note: expect.stringMatching(/10 kg/) },
        }),
      ]),
    );
    const compatible = (await coach.get(`/api/vacancies/${v.id}/matches?compatibleOnly=true`))
      .json as PersonMatch[];
    expect(compatible.map((m) => m.person.firstName)).toEqual(['Ahmed']);
    expect((await coach.get(`/api/vacancies/${v.id}/matches?limit=1`)).json).toHaveLength(1);
  });

  it('uses the objectified requirements once the coach has objectified the offer', async () => {
    const v = await createVacancy(
      coach,
      vacancyBody(employerId, today, {
        title: 'Préparateur de commandes',
        published: { drivingLicence: true, text: 'Permis B exigé' },
      }),
    );
    const before = (await coach.get(`/api/vacancies/${v.id}/matches`)).json as PersonMatch[];
    const beatriceBefore = before.find((m) => m.person.id === persons.noLicence)!;
    expect(beatriceBefore.result).toMatchObject({ compatible: false, basis: 'published' });
    await coach.patch(`/api/vacancies/${v.id}`, {
      objectified: {
        text: 'Le permis n’est pas utile : le travail se fait sur le site.',
        drivingLicence: false,
        taskDescription: 'Préparer les commandes au dépôt, sans conduire.',
      },
      version: v.version,
    });
    const after = (await coach.get(`/api/vacancies/${v.id}/matches`)).json as PersonMatch[];
    const beatriceAfter = after.find((m) => m.person.id === persons.noLicence)!;
    expect(beatriceAfter.result).toMatchObject({ compatible: true, basis: 'objectified' });
    expect(beatriceAfter.result.reasons.some((r) => r.code === 'driving_licence')).toBe(false);
  });

  it('ranks the open vacancies for a person, compatible ones first, with filters', async () => {
    const closed = await createVacancy(
      coach,
      vacancyBody(employerId, addDays(today, -40), { title: 'Magasinier de nuit', status: 'closed' }),
    );
    const night = await createVacancy(
      coach,
      vacancyBody(employerId, today, {
        title: 'Agent d’entretien',
        schedule: ['night'],
        contract: { type: 'interim' },
      }),
    );
    await coach.patch(`/api/persons/${persons.noLicence}`, {
      scheduleLimits: ['no_night'],
      version: (await coach.get(`/api/persons/${persons.noLicence}`)).json.version,
    });
    const res = await coach.get(`/api/persons/${persons.noLicence}/matches`);
    expect(res.status).toBe(200);
    const list = res.json as {
      vacancy: { id: string; title: string };
      result: { compatible: boolean; reasons: Reason[] };
    }[];
    expect(list.map((m) => m.vacancy.id)).not.toContain(closed.id);
    const compatibleFlags = list.map((m) => m.result.compatible);
    expect(compatibleFlags).toEqual([...compatibleFlags].sort((a, b) => Number(b) - Number(a)));
    const nightMatch = list.find((m) => m.vacancy.id === night.id)!;
    expect(nightMatch.result.compatible).toBe(false);
    expect(nightMatch.result.reasons[0]).toMatchObject({ kind: 'blocking', key: 'schedule.night' });
    const onlyCompatible = (await coach.get(`/api/persons/${persons.noLicence}/matches?compatibleOnly=1`))
      .json;
    expect(onlyCompatible.every((m: { result: { compatible: boolean } }) => m.result.compatible)).toBe(true);
    expect(onlyCompatible.map((m: { vacancy: { id: string } }) => m.vacancy.id)).not.toContain(night.id);
    expect((await coach.get(`/api/persons/${persons.intake}/matches`)).status).toBe(200);
  });

  it('audits each reading of a matching list (a person’s reveals their constraints)', async () => {
    const v = await createVacancy(coach, vacancyBody(employerId, today, { title: 'Cariste' }));
    const candidates = (await coach.get(`/api/vacancies/${v.id}/matches`)).json as PersonMatch[];
    await coach.get(`/api/persons/${persons.withLicence}/matches`);
    const entries = await t.handle.db
      .selectFrom('audit_log')
      .select(['entity', 'entity_id', 'organisation_id', 'actor_id', 'details'])
      .where('action', '=', 'read_matches')
      .where('entity_id', 'in', [v.id, persons.withLicence])
      .execute();
    expect(entries).toHaveLength(2);
    const ofVacancy = entries.find((e) => e.entity === 'vacancy')!;
    const ofPerson = entries.find((e) => e.entity === 'person')!;
    expect(ofVacancy).toMatchObject({ entity_id: v.id, details: { persons: candidates.length } });
    expect(ofPerson).toMatchObject({ entity_id: persons.withLicence, details: null });
    expect(ofVacancy.organisation_id).not.toBeNull();
    expect(ofPerson.organisation_id).toBe(ofVacancy.organisation_id);
    expect(entries.every((e) => e.actor_id !== null)).toBe(true);
  });

  it('keeps matching to the organisation: 404 for another’s ids, 403 for evaluators', async () => {
    const v = await createVacancy(coach, vacancyBody(employerId, today));
    expect((await outsider.get(`/api/vacancies/${v.id}/matches`)).status).toBe(404);
    expect((await outsider.get(`/api/persons/${persons.withLicence}/matches`)).status).toBe(404);
    expect((await evaluator.get(`/api/vacancies/${v.id}/matches`)).status).toBe(403);
    expect((await evaluator.get(`/api/persons/${persons.withLicence}/matches`)).status).toBe(403);
    const bad = await coach.get(`/api/vacancies/${v.id}/matches?compatibleOnly=peut-être`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('compatibleOnly');
  });
});
