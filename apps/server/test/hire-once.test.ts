import { testTargets } from '@jobcoach/db/testing';
import { addDays, plannedEndAfter } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDueFollowUps } from '../src/contracts/jobs/start-follow-ups.ts';
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

/**
 * The hire, entered once: « Embauché·e » on a presentation gives the contract form filled from the
 * offer; saving it signs the contract and moves the trajectory to hiring; the follow-up starts
 * from the contract on its first day, on its own (the morning job) or with one click, and the
 * phase move never asks again for what the contract says.
 */
describe.each(testTargets())('the hire, entered once, on $driver', (target) => {
  let t: TestApp;
  let coach: Client;
  let today: string;
  let employerId: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    const { organisationId } = await setupInstallation(t);
    await addUser(t, organisationId, 'karim@fleurus.example', 'jobcoach');
    coach = await loginAs(t, 'karim@fleurus.example');
    today = t.clock.today();
    employerId = (await createEmployer(coach, employerBody({ name: 'Entrepôts du Hainaut' }))).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function hire() {
    const vacancy = await createVacancy(
      coach,
      vacancyBody(employerId, today, {
        title: 'Préparateur de commandes',
        contract: { type: 'cdd', months: 6 },
        hoursPerWeek: 38,
      }),
    );
    const person = await createPreHirePerson(coach, today);
    let p = (await coach.post('/api/presentations', { personId: person.id, vacancyId: vacancy.id })).json;
    for (const step of ['discussed', 'applied', 'introduced', 'hired'] as const) {
      const res = await coach.post(`/api/presentations/${p.id}/steps`, {
        step,
        date: today,
        ...(step === 'introduced' ? { channel: 'phone' } : {}),
        version: p.version,
      });
      expect(res.status).toBe(200);
      p = res.json;
    }
    return { vacancy, person, presentation: p };
  }

  it('fills the contract from the offer after « Embauché·e », and the manual move does not ask it again', async () => {
    const { vacancy, person, presentation } = await hire();
    expect(presentation.contractDraft).toEqual({
      employerId,
      employerName: 'Entrepôts du Hainaut',
      vacancyId: vacancy.id,
      jobTitle: 'Préparateur de commandes',
      type: 'cdd',
      contractMonths: 6,
      hoursPerWeek: 38,
    });
    const inHiring = (await coach.get(`/api/persons/${person.id}`)).json;
    expect(inHiring.phase).toBe('hiring');
    // The follow-up is not a move typed by hand: it comes from the contract.
    expect(inHiring.allowedTransitions.map((m: { id: string }) => m.id)).not.toContain('start_follow_up');
    expect(inHiring.blockedTransitions).toContainEqual({ id: 'start_follow_up', guard: 'by_contract' });
    const byHand = await coach.post(`/api/persons/${person.id}/transitions`, {
      transitionId: 'start_follow_up',
      fields: { date: today, contractKind: 'cdd', contractStart: today },
      version: inHiring.version,
    });
    expect(byHand.status).toBe(409);
    expect(byHand.json.error.message).toMatch(/démarre avec le contrat/);
  });

  it('signs the contract from the draft, then starts the follow-up on its first day on its own', async () => {
    const { person, presentation } = await hire();
    const start = addDays(today, 3);
    const d = presentation.contractDraft;
    const signed = await coach.post(`/api/persons/${person.id}/contracts`, {
      employerId: d.employerId,
      vacancyId: d.vacancyId,
      presentationId: presentation.id,
      type: d.type,
      jobTitle: d.jobTitle,
      hoursPerWeek: d.hoursPerWeek,
      signedOn: today,
      start,
      plannedEnd: plannedEndAfter(start, d.contractMonths),
    });
    expect(signed.status).toBe(201);
    expect(signed.json.person.phase).toBe('hiring');
    const after = (await coach.get('/api/presentations?limit=100')).json.find(
      (p: { id: string }) => p.id === presentation.id,
    );
    expect(after).toMatchObject({ contractId: signed.json.contract.id, contractDraft: null });

    // Before the first day nothing moves; on it, the morning job starts the follow-up.
    const database = t.app.deps.database;
    expect(await startDueFollowUps(database, { today, now: t.clock.now() })).toBe(0);
    t.clock.shiftDays(3);
    try {
      const onStart = t.clock.today();
      expect(onStart).toBe(start);
      expect(await startDueFollowUps(database, { today: onStart, now: t.clock.now() })).toBe(1);
      // Sessions age with the clock: log in again three days later.
      const later = await loginAs(t, 'karim@fleurus.example');
      const file = (await later.get(`/api/persons/${person.id}`)).json;
      expect(file).toMatchObject({ phase: 'follow_up', phaseSince: start });
      expect(file.followUp).not.toBeNull();
      // Run again the same morning: nothing more happens.
      expect(await startDueFollowUps(database, { today: onStart, now: t.clock.now() })).toBe(0);
    } finally {
      t.clock.shiftDays(0);
    }
  });
});
