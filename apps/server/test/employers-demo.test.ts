import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed.ts';
import { Client, startTestApp, type TestApp } from './helpers.ts';

describe.each(testTargets())('demo employers, vacancies and presentations on $driver', (target) => {
  let t: TestApp;

  async function demoLogin(email: string) {
    const client = new Client(t.app);
    await client.login(email, DEMO_PASSWORD);
    return client;
  }

  beforeAll(async () => {
    t = await startTestApp(target);
    await seedDemo(t.handle.db, t.clock.today());
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives each pilot organisation a registry, vacancies with objectified requirements and presentations', async () => {
    const karim = await demoLogin('karim.benali@edit.demo');
    const employers = (await karim.get('/api/employers')).json;
    expect(employers.length).toBeGreaterThanOrEqual(5);
    expect(employers.some((e: { sector: string }) => e.sector === 'public')).toBe(true);
    const vacancies = (await karim.get('/api/vacancies')).json;
    const german = vacancies.find((v: { title: string }) => v.title === 'Magasinier parlant allemand');
    expect(german.objectified).toBe(true);
    const file = (await karim.get(`/api/vacancies/${german.id}`)).json;
    expect(file.objectified.taskDescription).toMatch(/étiquettes en allemand/);
    // EDIT Verviers presents one candidate at a time.
    expect(file.presentationCap).toBe(1);
    expect(file.activePresentations).toBeLessThanOrEqual(1);
    const matches = await karim.get(`/api/vacancies/${german.id}/matches`);
    expect(matches.status).toBe(200);
    expect(matches.json.length).toBeGreaterThan(0);
    expect(matches.json[0].result.basis).toBe('objectified');
    const presentations = (await karim.get('/api/presentations')).json;
    const steps = new Set(presentations.map((p: { step: string }) => p.step));
    expect(steps).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect(presentations.length).toBeGreaterThanOrEqual(3);
    expect([...steps]).toEqual(expect.arrayContaining(['proposed', 'hired']));
    const fatima = await demoLogin('fatima.elidrissi@cpas-fleurus.demo');
    const fleurus = (await fatima.get('/api/vacancies')).json;
    const cap = (await fatima.get(`/api/vacancies/${fleurus[0].id}`)).json.presentationCap;
    expect(cap).toBe(3);
    const employer = (await fatima.get(`/api/employers/${(await fatima.get('/api/employers')).json[0].id}`))
      .json;
    expect(employer.basinActivity).toEqual([]);
    // Verviers has a second operator: EDIT sees it on the warehouse it canvassed, never its notes.
    const warehouse = employers.find((e: { name: string }) => e.name === 'Entrepôts Logistiques du Bassin');
    const shared = (await karim.get(`/api/employers/${warehouse.id}`)).json;
    expect(shared.basinActivity).toEqual([
      expect.objectContaining({
        organisationName: "Mission régionale pour l'emploi de Verviers",
        coachName: 'Thomas Kessler',
      }),
    ]);
    expect(JSON.stringify(shared)).not.toContain('Se coordonner avec l’autre organisation');
  });

  it('keeps every active presentation within its organisation’s cap and every hired person in a later phase', async () => {
    const rows = await t.handle.db
      .selectFrom('presentation as p')
      .innerJoin('person as pe', 'pe.id', 'p.person_id')
      .select(['p.vacancy_id', 'p.step', 'p.active', 'pe.phase'])
      .execute();
    const perVacancy = new Map<string, number>();
    for (const r of rows.filter((x) => x.active)) {
      perVacancy.set(r.vacancy_id, (perVacancy.get(r.vacancy_id) ?? 0) + 1);
      expect(r.phase).toBe('pre_hire');
    }
    expect(Math.max(...perVacancy.values())).toBeLessThanOrEqual(3);
    for (const r of rows.filter((x) => x.step === 'hired')) expect(r.phase).not.toBe('pre_hire');
  });
});
