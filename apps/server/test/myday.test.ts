import { testTargets } from '@jobcoach/db/testing';
import { addDays, addMonths } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import {
  addUser,
  type Client,
  createPerson,
  loginAs,
  move,
  personBody,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';

type DayPerson = { id: string; firstName: string; covered: boolean; coachName: string | null };
const names = (list: DayPerson[]) => list.map((p) => p.firstName);

const ALL_MET = {
  aims_low_qualified_job: { met: true },
  available_short_notice: { met: true },
  faces_obstacles: { met: true },
  volunteers_after_information: { met: true },
};

describe.each(testTargets())('Ma journée on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let isabelle: Client;
  let luca: Client;
  let evaluator: Client;
  let orgId: string;
  let isabelleId: string;
  let lucaId: string;
  let today: string;

  /** A person of `coach` in pre-hire since `entry`, with an optional direct contact on `contact`. */
  async function inPreHire(coach: Client, firstName: string, entry: string, contact?: string) {
    const p = await createPerson(coach, personBody(entry, { firstName, lastName: 'Test' }));
    await move(coach, p.id, 'enter_pre_hire', { date: entry, trustContractSignedOn: entry });
    if (contact) {
      await coach.post(`/api/persons/${p.id}/contacts`, {
        date: contact,
        channel: 'phone',
      });
    }
    return p.id as string;
  }

  beforeAll(async () => {
    t = await startTestApp(target);
    ({ admin, organisationId: orgId } = await setupInstallation(t, 'FORMA Namur'));
    isabelleId = await addUser(t, orgId, 'isabelle@forma.example', 'jobcoach', 0.5);
    lucaId = await addUser(t, orgId, 'luca@forma.example', 'jobcoach', 1);
    await addUser(t, orgId, 'eva@forma.example', 'evaluator');
    isabelle = await loginAs(t, 'isabelle@forma.example');
    luca = await loginAs(t, 'luca@forma.example');
    evaluator = await loginAs(t, 'eva@forma.example');
    today = t.clock.today();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('warns (never blocks) a coach at 0.5 FTE with 11 active persons: over capacity', async () => {
    for (let i = 1; i <= 10; i++) await inPreHire(isabelle, `Active${i}`, addDays(today, -10));
    const full = await isabelle.get('/api/my-day');
    expect(full.status).toBe(200);
    expect(full.json.coach).toEqual({ id: isabelleId, name: 'isabelle', fte: 0.5 });
    expect(full.json.caseload).toEqual({
      activeCount: 10,
      capacity: 10,
      over: false,
      ratio: 1,
      personsPerFte: 20,
    });
    await inPreHire(isabelle, 'Active11', addDays(today, -10));
    const over = await isabelle.get('/api/my-day');
    expect(over.json.caseload).toMatchObject({ activeCount: 11, capacity: 10, over: true, ratio: 1.1 });
    // Persons still in intake do not count.
    await createPerson(isabelle, personBody(today, { firstName: 'Accueil' }));
    expect((await isabelle.get('/api/my-day')).json.caseload.activeCount).toBe(11);
  });

  it('lists overdue persons first (most overdue on top), deadlines, planned contacts, referrals and waiting list', async () => {
    await inPreHire(luca, 'Retard13', addDays(today, -30), addDays(today, -20));
    await inPreHire(luca, 'Retard3', addDays(today, -10), addDays(today, -10));
    await inPreHire(luca, 'Echeance', addMonths(today, -23), today);
    const planned = await inPreHire(luca, 'Prevu', addDays(today, -5));
    await luca.post(`/api/persons/${planned}/contacts`, {
      date: today,
      channel: 'office_meeting',
      nextPlannedOn: today,
    });
    const later = await inPreHire(luca, 'PlusTard', addDays(today, -5));
    await luca.post(`/api/persons/${later}/contacts`, {
      date: today,
      channel: 'phone',
      nextPlannedOn: addDays(today, 8),
    });
    await createPerson(luca, personBody(addDays(today, -2), { firstName: 'Nouvelle' }));
    const reached = await createPerson(luca, personBody(addDays(today, -20), { firstName: 'Reexamen' }));
    await luca.post(`/api/persons/${reached.id}/assessments`, {
      assessedOn: addDays(today, -10),
      conditions: ALL_MET,
      decision: 'postponed',
      reviewDate: addDays(today, -1),
    });
    const notYet = await createPerson(luca, personBody(addDays(today, -20), { firstName: 'PasEncore' }));
    await luca.post(`/api/persons/${notYet.id}/assessments`, {
      assessedOn: today,
      conditions: ALL_MET,
      decision: 'postponed',
      reviewDate: addDays(today, 20),
    });
    const accepted = await createPerson(luca, personBody(addDays(today, -20), { firstName: 'Acceptee' }));
    await luca.post(`/api/persons/${accepted.id}/assessments`, {
      assessedOn: addDays(today, -5),
      conditions: ALL_MET,
      decision: 'accepted',
    });
    await createPerson(admin, personBody(addDays(today, -1), { firstName: 'SansCoach' }));

    const day = (await luca.get('/api/my-day')).json;
    expect(day.today).toBe(today);
    expect(Object.keys(day).slice(0, 5)).toEqual(['today', 'coach', 'caseload', 'overdue', 'deadlines']);
    expect(names(day.overdue)).toEqual(['Retard13', 'Retard3']);
    expect(day.overdue[0]).toMatchObject({ daysOverdue: 13, dueDate: addDays(today, -13), covered: false });
    expect(names(day.deadlines)).toEqual(['Echeance']);
    expect(day.deadlines[0].deadline).toBe(addMonths(addMonths(today, -23), 24));
    expect(day.deadlines[0].daysLeft).toBeLessThanOrEqual(60);
    // The row says which limit it is, and carries the person's phone for a tel: link.
    expect(day.deadlines[0].deadlineKind).toBe('pre_hire_24_months');
    expect(day.deadlines[0]).toHaveProperty('phone');
    // Planned by hand today, then expected by the cadence a week after today's contact.
    expect(names(day.plannedThisWeek)).toEqual(['Prevu', 'Echeance']);
    expect(day.plannedThisWeek[0].plannedOn).toBe(today);
    expect(day.plannedThisWeek[1].plannedOn).toBe(addDays(today, 7));
    expect(names(day.referralsWaiting)).toEqual(['Reexamen', 'Nouvelle', 'SansCoach']);
    expect(day.referralsWaiting[2].coachName).toBeNull();
    expect(names(day.waitingList)).toEqual(['Acceptee']);
    expect(day.caseload).toMatchObject({ activeCount: 5, capacity: 20, over: false });
    expect(names(day.overdue)).not.toContain('Active1');
  });

  it('shows an absent colleague’s persons to the covering coach, marked covered', async () => {
    const refused = await luca.post('/api/absences', {
      coachId: isabelleId,
      from: today,
      to: addDays(today, 5),
      coverCoachId: lucaId,
    });
    expect(refused.status).toBe(403);
    const self = await isabelle.post('/api/absences', {
      from: addDays(today, -1),
      to: addDays(today, 5),
      coverCoachId: isabelleId,
    });
    expect(self.status).toBe(400);
    expect(self.json.error.field).toBe('coverCoachId');
    const absence = await isabelle.post('/api/absences', {
      from: addDays(today, -1),
      to: addDays(today, 5),
      coverCoachId: lucaId,
    });
    expect(absence.status).toBe(201);
    expect(absence.json).toMatchObject({
      coachId: isabelleId,
      coachName: 'isabelle',
      coverCoachName: 'luca',
    });
    expect((await luca.get('/api/absences')).json.map((a: { id: string }) => a.id)).toEqual([
      absence.json.id,
    ]);

    const day = (await luca.get('/api/my-day')).json;
    const covered = (day.overdue as DayPerson[]).filter((p) => p.covered);
    expect(covered).toHaveLength(11);
    expect(covered.every((p) => p.coachName === 'isabelle')).toBe(true);
    expect((day.overdue as DayPerson[]).filter((p) => !p.covered).map((p) => p.firstName)).toEqual([
      'Retard13',
      'Retard3',
    ]);
    expect(day.covering).toEqual([
      { coachId: isabelleId, coachName: 'isabelle', from: addDays(today, -1), to: addDays(today, 5) },
    ]);
    expect(day.caseload.activeCount).toBe(5);
    // Isabelle's own day is unchanged, nothing covered.
    const hers = (await isabelle.get('/api/my-day')).json;
    expect((hers.overdue as DayPerson[]).some((p) => p.covered)).toBe(false);

    expect((await luca.delete(`/api/absences/${absence.json.id}`)).status).toBe(403);
    expect((await isabelle.delete(`/api/absences/${absence.json.id}`)).status).toBe(204);
    const after = (await luca.get('/api/my-day')).json;
    expect((after.overdue as DayPerson[]).some((p) => p.covered)).toBe(false);
  });

  it('lets a coordinator look at a colleague’s day, not a jobcoach; evaluators get 403', async () => {
    expect((await luca.get(`/api/my-day?coachId=${isabelleId}`)).status).toBe(403);
    const seen = await admin.get(`/api/my-day?coachId=${isabelleId}`);
    expect(seen.status).toBe(200);
    expect(seen.json.caseload.over).toBe(true);
    expect((await admin.get(`/api/my-day?coachId=${orgId}`)).status).toBe(404);
    expect((await evaluator.get('/api/my-day')).status).toBe(403);
  });

  it('shows a person contacted today as overdue once the test clock moved 8 days later', async () => {
    const id = await inPreHire(luca, 'Horloge', addDays(today, -3), today);
    expect((await luca.get(`/api/persons/${id}`)).json.cadence).toMatchObject({
      overdue: false,
      lastDirectContact: today,
      dueDate: addDays(today, 7),
    });
    try {
      const moved = await luca.post('/api/test/clock', { days: 8 });
      expect(moved.status).toBe(200);
      expect(moved.json.today).toBe(addDays(today, 8));
      const entry = await t.handle.db
        .selectFrom('audit_log')
        .select(['actor_id', 'organisation_id', 'details'])
        .where('action', '=', 'clock_shift')
        .executeTakeFirstOrThrow();
      expect(entry).toEqual({ actor_id: lucaId, organisation_id: orgId, details: { days: 8 } });
      const later = await loginAs(t, 'luca@forma.example'); // sessions age with the clock
      const file = (await later.get(`/api/persons/${id}`)).json;
      expect(file.cadence).toMatchObject({ overdue: true, daysOverdue: 1 });
      const day = (await later.get('/api/my-day')).json;
      expect(names(day.overdue)).toContain('Horloge');
      const summary = (await later.get('/api/persons?q=Horloge')).json[0];
      expect(summary).toMatchObject({ overdue: true, nextDue: addDays(today, 7) });
    } finally {
      t.clock.shiftDays(0);
    }
  });

  it('has no test-clock route in a server not built for tests', async () => {
    const app = await buildApp({
      database: t.handle,
      config: loadConfig({}, { allowTestClock: false, logLevel: 'silent' }),
      web: false,
      logger: false,
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/test/clock',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ days: 8 }),
      });
      expect(res.statusCode).toBe(404);
      expect(app.routeTable.some((r) => r.url === '/api/test/clock')).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('lists in the coming week the contacts the cadence expects, not only those planned by hand', async () => {
    const id = await inPreHire(luca, 'Cadence', addDays(today, -20), addDays(today, -3));
    const day = await luca.get('/api/my-day');
    const planned = day.json.plannedThisWeek.find((p: { id: string }) => p.id === id);
    expect(planned).toMatchObject({ plannedOn: addDays(today, 4), daysOverdue: 0 });
    expect(day.json.overdue.map((p: { id: string }) => p.id)).not.toContain(id);
  });
});
