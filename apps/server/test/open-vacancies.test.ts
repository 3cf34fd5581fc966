import { sql } from '@jobcoach/db';
import { testTargets } from '@jobcoach/db/testing';
import { addDays } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  createEmployer,
  createOrganisation,
  createPreHirePerson,
  createVacancy,
  employerBody,
  loginAs,
  setupInstallation,
  startTestApp,
  type TestApp,
  vacancyBody,
} from './helpers.ts';

interface VacancyMatch {
  vacancy: { id: string; title: string; employerName: string; activePresentations: number };
  capReached: { cap: number; candidates: { name: string | null }[] } | null;
}

/**
 * A person's matches rank the organisation's open vacancies held in memory between requests
 * (matching/open-vacancies.ts): every write that changes the list, through the server or straight
 * into the database (another server, the import), is seen by the next request; another
 * organisation's writes leave the list held.
 */
describe.each(testTargets())('the open vacancies held for matching on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let coach: Client;
  let other: Client;
  let orgA: string;
  let orgB: string;
  let today: string;
  let person: string;
  let colleague: string;
  let employer: { id: string; version: number };

  const matches = async () => {
    const res = await coach.get(`/api/persons/${person}/matches`);
    expect(res.status).toBe(200);
    return res.json as VacancyMatch[];
  };
  const byTitle = async (title: string) => (await matches()).find((m) => m.vacancy.title === title);
  const stampOf = async (organisationId: string) =>
    (
      await t.handle.db
        .selectFrom('open_vacancies_stamp')
        .select('stamp')
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst()
    )?.stamp ?? null;

  beforeAll(async () => {
    t = await startTestApp(target);
    const setup = await setupInstallation(t);
    orgA = setup.organisationId;
    admin = setup.admin;
    orgB = await createOrganisation(setup.admin, 'Mission régionale de Charleroi', setup.basinId);
    await addUser(t, orgA, 'karim@fleurus.example', 'jobcoach');
    await addUser(t, orgB, 'bruno@mirec.example', 'jobcoach');
    coach = await loginAs(t, 'karim@fleurus.example');
    other = await loginAs(t, 'bruno@mirec.example');
    today = t.clock.today();
    person = (await createPreHirePerson(coach, today, { firstName: 'Ahmed', commune: 'Fleurus' })).id;
    colleague = (await createPreHirePerson(coach, today, { firstName: 'Béatrice', commune: 'Fleurus' })).id;
    employer = await createEmployer(coach, employerBody({ name: 'Entrepôts Dubois', commune: 'Charleroi' }));
    await createVacancy(coach, vacancyBody(employer.id, addDays(today, -3), { title: 'Magasinier' }));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('sees a vacancy created, edited and closed through the server', async () => {
    expect(await byTitle('Magasinier')).toBeDefined();
    const v = await createVacancy(coach, vacancyBody(employer.id, today, { title: 'Cariste' }));
    expect(await byTitle('Cariste')).toBeDefined();
    const edited = await coach.patch(`/api/vacancies/${v.id}`, {
      title: 'Cariste de nuit',
      version: v.version,
    });
    expect(edited.status).toBe(200);
    expect(await byTitle('Cariste')).toBeUndefined();
    expect(await byTitle('Cariste de nuit')).toBeDefined();
  });

  it('counts a presentation made, and names the employer renamed', async () => {
    const v = (await byTitle('Magasinier'))!.vacancy;
    expect(v.activePresentations).toBe(0);
    const presented = await coach.post('/api/presentations', { personId: colleague, vacancyId: v.id });
    expect(presented.status).toBe(201);
    expect((await byTitle('Magasinier'))!.vacancy.activePresentations).toBe(1);

    const renamed = await coach.patch(`/api/employers/${employer.id}`, {
      name: 'Logistique Dubois',
      version: employer.version,
    });
    expect(renamed.status).toBe(200);
    expect((await byTitle('Magasinier'))!.vacancy.employerName).toBe('Logistique Dubois');
  });

  it('knows the offers at the cap held with the list, the cap changed in the settings included', async () => {
    const settings = `/api/organisations/${orgA}/settings`;
    const current = (await admin.get(settings)).json;
    expect(current.presentationCap).toBe(3);
    // One candidate in progress for « Magasinier » (the test above): under the cap.
    expect((await byTitle('Magasinier'))!.capReached).toBeNull();
    expect((await admin.put(settings, { ...current, presentationCap: 1 })).status).toBe(200);
    expect((await byTitle('Magasinier'))!.capReached).toEqual({
      cap: 1,
      candidates: [{ name: 'Béatrice Dupont', coachName: 'karim', step: 'proposed' }],
    });
    const lowered = (await admin.get(settings)).json;
    expect((await admin.put(settings, { ...lowered, presentationCap: 3 })).status).toBe(200);
    expect((await byTitle('Magasinier'))!.capReached).toBeNull();
  });

  it('sees writes made straight into the database, by another process', async () => {
    const v = (await byTitle('Magasinier'))!.vacancy;
    await t.handle.db
      .updateTable('vacancy')
      .set({ title: 'Magasinier polyvalent' })
      .where('id', '=', v.id)
      .execute();
    expect(await byTitle('Magasinier polyvalent')).toBeDefined();
    await t.handle.db
      .updateTable('vacancy')
      .set({ status: 'closed', closed_on: today })
      .where('id', '=', v.id)
      .execute();
    expect(await byTitle('Magasinier polyvalent')).toBeUndefined();
    await t.handle.db
      .updateTable('vacancy')
      .set({ status: 'open', closed_on: null })
      .where('id', '=', v.id)
      .execute();
    expect(await byTitle('Magasinier polyvalent')).toBeDefined();
  });

  it('renews a stamp once per statement, and only the stamps of the organisations written', async () => {
    const a = await stampOf(orgA);
    const b = await stampOf(orgB);
    expect(a).not.toBeNull();
    // Another organisation's vacancy leaves this one's stamp, and its list, as they were.
    const theirs = await createEmployer(other, employerBody({ name: 'Garage Lambert' }));
    await createVacancy(other, vacancyBody(theirs.id, today, { title: 'Mécanicien' }));
    expect(await stampOf(orgA)).toBe(a);
    expect(await stampOf(orgB)).not.toBe(b);
    expect(await byTitle('Mécanicien')).toBeUndefined();
    // A statement that writes no row renews nothing; one that writes several renews once.
    await t.handle.db.updateTable('vacancy').set({ title: 'x' }).where('id', '=', employer.id).execute();
    expect(await stampOf(orgA)).toBe(a);
    const rows = await sql<{ n: number }>`
      WITH changed AS (
        UPDATE vacancy SET openings = openings + 1 WHERE organisation_id = ${orgA} RETURNING 1)
      SELECT count(*)::int AS n FROM changed`.execute(t.handle.db);
    expect(rows.rows[0]!.n).toBeGreaterThan(1);
    expect(await stampOf(orgA)).not.toBe(a);
    // An employer's change that the list does not show renews nothing.
    const before = await stampOf(orgA);
    await t.handle.db
      .updateTable('employer')
      .set({ address: 'Rue de la Station 12' })
      .where('id', '=', employer.id)
      .execute();
    expect(await stampOf(orgA)).toBe(before);
  });
});
