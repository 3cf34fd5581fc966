import { testTargets } from '@jobcoach/db/testing';
import { isValidNiss, nissBirthDate, PHASES } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, seedDemo } from '../src/demo/seed.ts';
import { Client, startTestApp, type TestApp } from './helpers.ts';

describe.each(testTargets())('demo persons on $driver', (target) => {
  let t: TestApp;
  let today: string;

  async function demoLogin(email: string) {
    const client = new Client(t.app);
    await client.login(email, DEMO_PASSWORD);
    return client;
  }

  beforeAll(async () => {
    t = await startTestApp(target);
    today = t.clock.today();
    await seedDemo(t.handle.db, today);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives every pilot organisation persons in every phase, with partners and valid NISS', async () => {
    const rows = await t.handle.db
      .selectFrom('person as p')
      .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
      .select(['o.name', 'p.phase', 'p.niss', 'p.birth_date', 'p.first_name', 'p.last_name'])
      .execute();
    for (const o of DEMO_ORGANISATIONS) {
      const mine = rows.filter((r) => r.name === o.name);
      expect(mine.length, o.name).toBeGreaterThanOrEqual(8);
      expect(new Set(mine.map((r) => r.phase)), o.name).toEqual(new Set(PHASES));
      const names = mine.map((r) => `${r.first_name} ${r.last_name}`);
      expect(new Set(names).size, o.name).toBe(names.length);
    }
    for (const r of rows.filter((x) => x.niss)) {
      expect(isValidNiss(r.niss!)).toBe(true);
      expect(nissBirthDate(r.niss!)).toBe(r.birth_date);
    }
    const decisions = await t.handle.db
      .selectFrom('coachability_assessment')
      .select('decision')
      .distinct()
      .execute();
    expect(decisions.map((d) => d.decision).sort()).toEqual(['accepted', 'postponed', 'redirected']);
    const partners = await t.handle.db.selectFrom('partner').select('name').execute();
    expect(partners.map((p) => p.name)).toEqual(
      expect.arrayContaining(['CPAS de Verviers', 'Lire et Écrire']),
    );
  });

  it('shows FORMA’s half-time coach over capacity, with overdue persons, deadlines and a waiting list', async () => {
    const isabelle = await demoLogin('isabelle.moreau@forma.demo');
    const day = (await isabelle.get('/api/my-day')).json;
    expect(day.caseload).toMatchObject({ capacity: 10, over: true });
    expect(day.caseload.activeCount).toBeGreaterThan(10);
    expect(day.overdue.length).toBeGreaterThan(0);
    expect(day.deadlines.length).toBeGreaterThan(0);
    expect(day.referralsWaiting.length).toBeGreaterThanOrEqual(2);
    expect(day.waitingList.length).toBeGreaterThan(0);
    expect(day.plannedThisWeek.length).toBeGreaterThan(0);
  });

  it('has a covered coach at MRC: the colleague sees their persons marked covered', async () => {
    const aurelie = await demoLogin('aurelie.wauters@mrc.demo');
    const day = (await aurelie.get('/api/my-day')).json;
    expect(day.covering).toHaveLength(1);
    const all = [...day.overdue, ...day.deadlines, ...day.referralsWaiting, ...day.waitingList];
    expect(all.some((p: { covered: boolean }) => p.covered)).toBe(true);
  });

  it('serves every demo person file (the seed matches the API contract)', async () => {
    for (const o of DEMO_ORGANISATIONS) {
      const coordinator = await demoLogin(o.people.find((p) => p.role === 'coordinator')!.email);
      const list = await coordinator.get('/api/persons');
      expect(list.status).toBe(200);
      for (const s of list.json as { id: string }[]) {
        const file = await coordinator.get(`/api/persons/${s.id}`);
        expect(file.status, `${o.name} ${s.id}`).toBe(200);
        expect(file.json.timeline.length).toBeGreaterThan(0);
      }
    }
  });
});
