import { testTargets } from '@jobcoach/db/testing';
import { addDays, addMonths } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  createOrganisation,
  createPerson,
  loginAs,
  move,
  personBody,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';

type DayPerson = { covered: boolean; coachName: string | null };
type Coach = {
  id: string;
  name: string;
  fte: number;
  caseload: { activeCount: number; capacity: number; over: boolean; ratio: number | null };
  overdue: number;
  deadlines: number;
  absence: null | {
    from: string;
    to: string;
    current: boolean;
    coverCoachId: string;
    coverCoachName: string;
  };
  covering: { coachId: string; coachName: string; from: string; to: string }[];
};

/** The coach's own persons in a list of « Ma journée » (not covered, not unassigned intake). */
const ownOf = (list: DayPerson[]) => list.filter((p) => !p.covered && p.coachName !== null).length;

describe.each(testTargets())('the coordinator’s home on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let claire: Client;
  let isabelle: Client;
  let luca: Client;
  let evaluator: Client;
  let orgId: string;
  let ids: Record<string, string>;
  let today: string;

  async function inPreHire(
    coach: Client,
    firstName: string,
    entry: string,
    contact?: string,
    coachId?: string,
  ) {
    const p = await createPerson(coach, personBody(entry, { firstName, lastName: 'Test', coachId }));
    await move(coach, p.id, 'enter_pre_hire', { date: entry, trustContractSignedOn: entry });
    if (contact) await coach.post(`/api/persons/${p.id}/contacts`, { date: contact, channel: 'phone' });
    return p.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp(target);
    let basinId: string;
    ({ admin, organisationId: orgId, basinId } = await setupInstallation(t, 'FORMA Namur'));
    today = t.clock.today();
    ids = {
      claire: await addUser(t, orgId, 'claire@forma.example', 'coordinator', 0.5),
      isabelle: await addUser(t, orgId, 'isabelle@forma.example', 'jobcoach', 0.5),
      luca: await addUser(t, orgId, 'luca@forma.example', 'jobcoach', 1),
      zoe: await addUser(t, orgId, 'zoe@forma.example', 'jobcoach', 0.8),
    };
    await addUser(t, orgId, 'eva@forma.example', 'evaluator');
    claire = await loginAs(t, 'claire@forma.example');
    isabelle = await loginAs(t, 'isabelle@forma.example');
    luca = await loginAs(t, 'luca@forma.example');
    evaluator = await loginAs(t, 'eva@forma.example');

    // Isabelle: one overdue, one limit within 60 days (24 months of pre-hire), one on time, one
    // referral (not active) and one exited person (not read).
    await inPreHire(isabelle, 'Retard', addDays(today, -30), addDays(today, -20));
    await inPreHire(isabelle, 'Echeance', addMonths(today, -23), today);
    await inPreHire(isabelle, 'Alheure', addDays(today, -10), today);
    await createPerson(isabelle, personBody(today, { firstName: 'Accueil' }));
    // Luca: two on time, one overdue; away now, covered by Isabelle.
    await inPreHire(luca, 'Lucas1', addDays(today, -10), today);
    await inPreHire(luca, 'Lucas2', addDays(today, -10), today);
    await inPreHire(luca, 'Lucas3', addDays(today, -40), addDays(today, -30));
    expect(
      (
        await claire.post('/api/absences', {
          coachId: ids.luca,
          from: addDays(today, -1),
          to: addDays(today, 4),
          coverCoachId: ids.isabelle,
        })
      ).status,
    ).toBe(201);
    // Zoé: no person at all; away in ten days, covered by Luca.
    expect(
      (
        await claire.post('/api/absences', {
          coachId: ids.zoe,
          from: addDays(today, 10),
          to: addDays(today, 12),
          coverCoachId: ids.luca,
        })
      ).status,
    ).toBe(201);
    // A referral nobody coaches yet: counted for nobody.
    await createPerson(claire, personBody(today, { firstName: 'SansCoach' }));

    // Another organisation, its coach and persons: never in FORMA's overview.
    const other = await createOrganisation(admin, 'Ailleurs asbl', basinId);
    await addUser(t, other, 'olga@ailleurs.example', 'jobcoach');
    const olga = await loginAs(t, 'olga@ailleurs.example');
    await inPreHire(olga, 'Autre', addDays(today, -40), addDays(today, -30));
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists each coach with the counts of the seeded data', async () => {
    const res = await claire.get('/api/team/overview');
    expect(res.status).toBe(200);
    const coaches = res.json.coaches as Coach[];
    expect(res.json.today).toBe(today);
    expect(res.json.personsPerFte).toBe(20);
    const byName = Object.fromEntries(coaches.map((c) => [c.name, c]));
    // The setup's administrator coordinates the organisation too; the evaluator coaches nobody.
    expect(Object.keys(byName)).toEqual(['Ada Admin', 'claire', 'isabelle', 'luca', 'zoe']);
    expect(byName.isabelle).toMatchObject({
      id: ids.isabelle,
      fte: 0.5,
      caseload: { activeCount: 3, capacity: 10, over: false },
      overdue: 1,
      deadlines: 1,
      absence: null,
      covering: [{ coachId: ids.luca, coachName: 'luca', from: addDays(today, -1), to: addDays(today, 4) }],
    });
    expect(byName.luca).toMatchObject({
      caseload: { activeCount: 3, capacity: 20 },
      overdue: 1,
      deadlines: 0,
      absence: {
        from: addDays(today, -1),
        to: addDays(today, 4),
        current: true,
        coverCoachId: ids.isabelle,
        coverCoachName: 'isabelle',
      },
      covering: [],
    });
    expect(byName.zoe).toMatchObject({
      caseload: { activeCount: 0, capacity: 16, over: false, ratio: 0 },
      overdue: 0,
      deadlines: 0,
      absence: { from: addDays(today, 10), current: false, coverCoachName: 'luca' },
      covering: [],
    });
    expect(byName.claire).toMatchObject({ caseload: { activeCount: 0 }, overdue: 0, deadlines: 0 });
  });

  it('gives for each coach the counts of that coach’s « Ma journée »', async () => {
    const coaches = (await claire.get('/api/team/overview')).json.coaches as Coach[];
    for (const coach of coaches) {
      const day = await claire.get(`/api/my-day?coachId=${coach.id}`);
      expect(day.status).toBe(200);
      expect(coach.caseload.activeCount, coach.name).toBe(day.json.caseload.activeCount);
      expect(coach.caseload.capacity, coach.name).toBe(day.json.caseload.capacity);
      expect(coach.overdue, coach.name).toBe(ownOf(day.json.overdue));
      expect(coach.deadlines, coach.name).toBe(ownOf(day.json.deadlines));
    }
  });

  it('never shows another organisation’s coaches', async () => {
    const names = ((await claire.get('/api/team/overview')).json.coaches as Coach[]).map((c) => c.name);
    expect(names).not.toContain('olga');
  });

  it('refuses the overview and the checklist to jobcoaches and evaluators', async () => {
    for (const client of [isabelle, luca, evaluator]) {
      expect((await client.get('/api/team/overview')).status).toBe(403);
      expect((await client.get('/api/team/checklist')).status).toBe(403);
      expect((await client.post('/api/team/checklist/dismissals', { item: 'history' })).status).toBe(403);
    }
  });

  it('derives the setup checklist from the data, and lets settings and history be set aside', async () => {
    const first = await claire.get('/api/team/checklist');
    expect(first.status).toBe(200);
    const state = (json: { items: { key: string; done: boolean; dismissed: boolean }[] }) =>
      Object.fromEntries(
        json.items.map((i) => [i.key, i.done ? 'done' : i.dismissed ? 'dismissed' : 'todo']),
      );
    // Colleagues were added: the team is done; nothing else yet.
    expect(state(first.json)).toEqual({ team: 'done', settings: 'todo', partners: 'todo', history: 'todo' });
    expect(first.json.complete).toBe(false);
    expect(first.json.items.map((i: { dismissible: boolean }) => i.dismissible)).toEqual([
      false,
      true,
      false,
      true,
    ]);

    const bad = await claire.post('/api/team/checklist/dismissals', { item: 'partners' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('item');

    expect((await claire.post('/api/partners', { name: 'CPAS de Namur', type: 'cpas' })).status).toBe(201);
    const settings = await claire.get(`/api/organisations/${orgId}/settings`);
    const { version, ...values } = settings.json;
    const saved = await claire.put(`/api/organisations/${orgId}/settings`, { ...values, version });
    expect(saved.status).toBe(200);
    const dismissed = await claire.post('/api/team/checklist/dismissals', { item: 'history' });
    expect(dismissed.status).toBe(200);
    expect(state(dismissed.json)).toEqual({
      team: 'done',
      settings: 'done',
      partners: 'done',
      history: 'dismissed',
    });
    expect(dismissed.json.complete).toBe(true);
    // Setting aside twice changes nothing.
    expect((await claire.post('/api/team/checklist/dismissals', { item: 'history' })).json.complete).toBe(
      true,
    );
  });
});
