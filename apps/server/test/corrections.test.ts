import { testTargets } from '@jobcoach/db/testing';
import { addDays, addMonths } from '@jobcoach/domain';
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

type Timeline = {
  id: string;
  type: string;
  title: string;
  status: string;
  statusReason: string | null;
  entity: { id: string } | null;
};
type Table = { id: string; rows: { key: string; values: { value: number } }[] };

/**
 * One fact entered once, and corrected rather than deleted: a visit logged on a person's file with
 * the employer shows on the employer's page and counts among « Employeurs contactés »; a contact or
 * a contract entered by mistake is corrected or cancelled, with a reason, by its author or a
 * coordinator; the clocks and the report follow the corrected facts.
 */
describe.each(testTargets())('corrections and the one contact record, on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let coach: Client;
  let colleague: Client;
  let today: string;
  let employerId: string;
  let basinId: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    const setup = await setupInstallation(t);
    admin = setup.admin;
    basinId = setup.basinId;
    await addUser(t, setup.organisationId, 'karim@fleurus.example', 'jobcoach');
    await addUser(t, setup.organisationId, 'lea@fleurus.example', 'jobcoach');
    coach = await loginAs(t, 'karim@fleurus.example');
    colleague = await loginAs(t, 'lea@fleurus.example');
    today = t.clock.today();
    employerId = (await createEmployer(coach, employerBody({ name: 'Garage Lambert' }))).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const employersContacted = async () => {
    const res = await admin.get(`/api/reports/steering?from=${addDays(today, -30)}&to=${today}`);
    expect(res.status).toBe(200);
    const headline = (res.json.tables as Table[]).find((x) => x.id === 'headline')!;
    return headline.rows.find((r) => r.key === 'employers_contacted')!.values.value as number;
  };

  it('shows a visit logged on the person’s file on the employer’s page, counts it once, and cancels it', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Nadia' });
    const before = await employersContacted();
    const logged = await coach.post(`/api/persons/${p.id}/contacts`, {
      date: today,
      channel: 'visit',
      personPresent: true,
      employerId,
      notes: 'Visite sur le lieu de stage',
    });
    expect(logged.status).toBe(201);
    const contact = (logged.json.timeline as Timeline[]).find((e) => e.type === 'contact')!;
    expect(logged.json.cadence.lastDirectContact).toBe(today);

    const page = (await coach.get(`/api/employers/${employerId}`)).json;
    expect(page.contacts).toEqual([
      expect.objectContaining({
        id: contact.entity!.id,
        channel: 'visit',
        direct: true,
        personId: p.id,
        status: 'recorded',
      }),
    ]);
    expect(await employersContacted()).toBe(before + 1);

    // A colleague who is neither its author nor a coordinator may not cancel it.
    const refused = await colleague.post(`/api/contacts/${contact.entity!.id}/cancel`, { reason: 'Erreur' });
    expect(refused.status).toBe(404);
    const noReason = await coach.post(`/api/contacts/${contact.entity!.id}/cancel`, { reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.field).toBe('reason');

    const cancelled = await coach.post(`/api/contacts/${contact.entity!.id}/cancel`, {
      reason: 'Saisi sur le mauvais dossier',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ status: 'cancelled' });
    expect(await employersContacted()).toBe(before);
    const file = (await coach.get(`/api/persons/${p.id}`)).json;
    expect(file.cadence.lastDirectContact).toBeNull();
    expect((file.timeline as Timeline[]).find((e) => e.entity?.id === contact.entity!.id)).toMatchObject({
      status: 'cancelled',
      statusReason: 'Saisi sur le mauvais dossier',
    });
    const after = (await coach.get(`/api/employers/${employerId}`)).json;
    expect(after.contacts[0]).toMatchObject({ status: 'cancelled' });
    // Nothing is deleted, and a cancelled contact is not corrected any more.
    const again = await coach.patch(`/api/contacts/${contact.entity!.id}`, {
      channel: 'phone',
      reason: 'Autre canal',
      version: cancelled.json.version,
    });
    expect(again.status).toBe(409);
  });

  it('corrects a contact with a reason; the audit log keeps both versions', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Omar' });
    const logged = await coach.post(`/api/persons/${p.id}/contacts`, {
      date: today,
      channel: 'letter_email',
    });
    const contact = (logged.json.timeline as Timeline[]).find((e) => e.type === 'contact')!;
    expect(logged.json.cadence.lastDirectContact).toBeNull();
    const corrected = await coach.patch(`/api/contacts/${contact.entity!.id}`, {
      channel: 'phone',
      date: addDays(today, -1),
      reason: 'C’était un appel, la veille',
      version: 1,
    });
    expect(corrected.status).toBe(200);
    expect(corrected.json).toEqual({ id: contact.entity!.id, status: 'corrected', version: 2 });
    const stale = await coach.patch(`/api/contacts/${contact.entity!.id}`, {
      notes: 'x',
      reason: 'Encore',
      version: 1,
    });
    expect(stale.status).toBe(409);
    const file = (await coach.get(`/api/persons/${p.id}`)).json;
    expect(file.cadence.lastDirectContact).toBe(addDays(today, -1));
    expect((file.timeline as Timeline[]).find((e) => e.entity?.id === contact.entity!.id)).toMatchObject({
      status: 'corrected',
      statusReason: 'C’était un appel, la veille',
    });
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'correct')
      .where('entity_id', '=', contact.entity!.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      before: { channel: 'letter_email', date: today },
      after: { channel: 'phone', date: addDays(today, -1) },
    });
  });

  it('ACCEPTANCE: a corrected contract date moves the pre-hire deadline', async () => {
    const entry = addDays(today, -200);
    const p = await createPreHirePerson(coach, today, { firstName: 'Aline' }, 200);
    const signed = await coach.post(`/api/persons/${p.id}/contracts`, {
      employerId,
      type: 'cdd',
      jobTitle: 'Mécanicienne',
      signedOn: addDays(today, -32),
      start: addDays(today, -30),
      plannedEnd: addDays(today, 30),
      hoursPerWeek: 38,
    });
    expect(signed.status).toBe(201);
    const contractId = signed.json.contract.id as string;
    const ended = await coach.patch(`/api/contracts/${contractId}`, {
      version: signed.json.contract.version,
      actualEnd: addDays(today, -1),
      endReason: 'term_reached',
    });
    expect(ended.status).toBe(200);
    expect(ended.json.person.clock).toMatchObject({ preHireEntry: entry, suspendedDays: 30 });
    expect(ended.json.person.clock.deadline).toBe(addDays(addMonths(entry, 24), 30));

    // The contract started ten days later than entered: the CDD suspended ten days fewer.
    const corrected = await coach.patch(`/api/contracts/${contractId}`, {
      version: ended.json.contract.version,
      start: addDays(today, -20),
      correctionReason: 'Date de début mal recopiée',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.json.person.clock).toMatchObject({ suspendedDays: 20 });
    expect(corrected.json.person.clock.deadline).toBe(addDays(addMonths(entry, 24), 20));
    const entryOf = (corrected.json.person.timeline as Timeline[]).find((e) =>
      e.title.startsWith('Contrat signé'),
    );
    expect(entryOf).toMatchObject({ status: 'corrected', statusReason: 'Date de début mal recopiée' });
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity_id', '=', contractId)
      .where('action', '=', 'update')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      correction: { before: { start: addDays(today, -30) }, after: { start: addDays(today, -20) } },
    });
  });

  it('ACCEPTANCE: a CDD entered by mistake is cancelled, never deleted; the clock, « Ma journée » and the report follow', async () => {
    const entry = addDays(today, -200);
    const p = await createPreHirePerson(coach, today, { firstName: 'Odile' }, 200);
    const contractsSigned = async () => {
      const res = await admin.get(`/api/reports/steering?from=${addDays(today, -60)}&to=${today}`);
      expect(res.status).toBe(200);
      const headline = (res.json.tables as Table[]).find((x) => x.id === 'headline')!;
      return headline.rows.find((r) => r.key === 'contracts_signed')!.values.value as number;
    };
    const endingSoon = async () =>
      ((await coach.get('/api/my-day')).json.contractsEndingSoon as { contractId: string }[]).map(
        (c) => c.contractId,
      );
    const reportBefore = await contractsSigned();
    const signed = await coach.post(`/api/persons/${p.id}/contracts`, {
      employerId,
      type: 'cdd',
      jobTitle: 'Carrossière',
      signedOn: addDays(today, -32),
      start: addDays(today, -30),
      plannedEnd: addDays(today, 10),
      hoursPerWeek: 38,
    });
    expect(signed.status).toBe(201);
    const contractId = signed.json.contract.id as string;
    // The CDD moved the trajectory to follow-up and suspends the pre-hire clock while it runs.
    expect(signed.json.person.phase).toBe('follow_up');
    expect(signed.json.person.clock.suspendedDays).toBeGreaterThan(0);
    expect(signed.json.person.clock.deadline > addMonths(entry, 24)).toBe(true);
    expect(await contractsSigned()).toBe(reportBefore + 1);
    expect(await endingSoon()).toContain(contractId);

    // The reason is required, named in the 400; another organisation's id is not found.
    const noReason = await coach.post(`/api/contracts/${contractId}/cancel`, { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.field).toBe('reason');
    const orgB = await createOrganisation(admin, 'Mission Régionale Charleroi', basinId);
    await addUser(t, orgB, 'ines@mirec.example', 'coordinator');
    const outsider = await loginAs(t, 'ines@mirec.example');
    const stolen = await outsider.post(`/api/contracts/${contractId}/cancel`, { reason: 'Pas chez nous' });
    expect(stolen.status).toBe(404);
    // Nothing deletes a contract any more.
    expect((await coach.delete(`/api/contracts/${contractId}`)).status).toBe(404);

    const cancelled = await coach.post(`/api/contracts/${contractId}/cancel`, {
      reason: 'Contrat saisi sur le mauvais dossier',
    });
    expect(cancelled.status).toBe(200);
    // The moves the contract made are cancelled with it: back in pre-hire since the entry.
    expect(cancelled.json.person).toMatchObject({ phase: 'pre_hire', phaseSince: entry });
    expect(cancelled.json.person.clock).toMatchObject({ preHireEntry: entry, suspendedDays: 0 });
    expect(cancelled.json.person.clock.deadline).toBe(addMonths(entry, 24));
    expect(cancelled.json.person.employmentHistory).toEqual([]);
    // Still readable, marked cancelled with its reason, on the file and on the timeline.
    expect(cancelled.json.contract).toMatchObject({
      id: contractId,
      alert: null,
      cancelled: { reason: 'Contrat saisi sur le mauvais dossier' },
    });
    const listed = await coach.get(`/api/persons/${p.id}/contracts`);
    expect(listed.json).toMatchObject([{ id: contractId, cancelled: { reason: expect.any(String) } }]);
    const timeline = cancelled.json.person.timeline as Timeline[];
    expect(timeline.find((e) => e.id === `contract:${contractId}:signed`)).toMatchObject({
      status: 'cancelled',
      statusReason: 'Contrat saisi sur le mauvais dossier',
    });
    const moves = timeline.filter((e) => e.type === 'transition' && e.status === 'cancelled');
    expect(moves).toHaveLength(2);
    expect(await contractsSigned()).toBe(reportBefore);
    expect(await endingSoon()).not.toContain(contractId);
    // The person's access export still holds it, marked cancelled with the reason.
    const exported = await admin.get(`/api/persons/${p.id}/export.json`);
    expect(exported.status).toBe(200);
    expect(exported.json.contracts).toMatchObject([
      { id: contractId, cancelled: true, cancellationReason: 'Contrat saisi sur le mauvais dossier' },
    ]);

    // Cancelled once: a second cancellation, or any other change, answers 409.
    const again = await coach.post(`/api/contracts/${contractId}/cancel`, { reason: 'Encore une fois' });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/annulé/);
    // The refusal names the day of the cancellation in Brussels: 23:30 UTC is already the next day.
    await t.handle.db
      .updateTable('contract')
      .set({ cancelled_at: new Date('2026-03-10T23:30:00Z') })
      .where('id', '=', contractId)
      .execute();
    const late = await coach.post(`/api/contracts/${contractId}/cancel`, { reason: 'Encore une fois' });
    expect(late.json.error.message).toContain('annulé le 11/03/2026');
    const patched = await coach.patch(`/api/contracts/${contractId}`, {
      version: cancelled.json.contract.version,
      hoursPerWeek: 20,
    });
    expect(patched.status).toBe(409);
    // The audit log keeps the contract as it was and the trajectory before and after.
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity', '=', 'contract')
      .where('entity_id', '=', contractId)
      .where('action', '=', 'cancel')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      reason: 'Contrat saisi sur le mauvais dossier',
      before: { start: addDays(today, -30), plannedEnd: addDays(today, 10), phase: 'follow_up' },
      after: { cancelled: true, phase: 'pre_hire', phaseSince: entry },
    });
  });

  it('refuses to cancel a contract while a later move depends on the moves it made', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Théo' }, 100);
    const signed = await coach.post(`/api/persons/${p.id}/contracts`, {
      employerId,
      type: 'cdi',
      jobTitle: 'Vendeur',
      signedOn: addDays(today, -12),
      start: addDays(today, -10),
    });
    expect(signed.status).toBe(201);
    const exited = await coach.post(`/api/persons/${p.id}/transitions`, {
      transitionId: 'exit',
      fields: { date: today, exitReason: 'moved_away' },
      version: signed.json.person.version,
    });
    expect(exited.status).toBe(200);
    const refused = await coach.post(`/api/contracts/${signed.json.contract.id}/cancel`, {
      reason: 'Saisi par erreur',
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/Sortie du jobcoaching.*annulez-le d’abord/);
    // Nothing was written: the contract counts, the person is still out.
    const file = (await coach.get(`/api/persons/${p.id}`)).json;
    expect(file.phase).toBe('exited');
    expect(file.contracts[0].cancelled).toBeNull();
  });

  it('cancels the last move entered by mistake: the person is back in the phase it left, the move stays marked', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Yves' }, 40);
    const exited = await coach.post(`/api/persons/${p.id}/transitions`, {
      transitionId: 'exit',
      fields: { date: today, exitReason: 'moved_away' },
      version: p.version,
    });
    expect(exited.status).toBe(200);
    expect(exited.json.phase).toBe('exited');
    const timeline = exited.json.timeline as Timeline[];
    const exit = timeline.find((e) => e.type === 'transition' && e.entity !== null)!;
    // Only the last move offers the cancellation.
    expect(timeline.filter((e) => e.type === 'transition' && e.entity !== null)).toHaveLength(1);
    const entry = timeline.find((e) => e.type === 'transition' && e.entity === null)!;
    expect(entry.title).toMatch(/pré-embauche/i);

    const stale = await coach.post(`/api/persons/${p.id}/transitions/${exit.entity!.id}/cancel`, {
      reason: 'Mauvais dossier',
      version: p.version,
    });
    expect(stale.status).toBe(409);
    const byColleague = await colleague.post(`/api/persons/${p.id}/transitions/${exit.entity!.id}/cancel`, {
      reason: 'Mauvais dossier',
      version: exited.json.version,
    });
    expect(byColleague.status).toBe(404);
    const cancelled = await coach.post(`/api/persons/${p.id}/transitions/${exit.entity!.id}/cancel`, {
      reason: 'Sortie notée sur le mauvais dossier',
      version: exited.json.version,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ phase: 'pre_hire', phaseSince: addDays(today, -40) });
    expect(cancelled.json.clock.preHireEntry).toBe(addDays(today, -40));
    const marked = (cancelled.json.timeline as Timeline[]).find(
      (e) => e.id === `transition:${exit.entity!.id}`,
    );
    expect(marked).toMatchObject({
      status: 'cancelled',
      statusReason: 'Sortie notée sur le mauvais dossier',
    });
    // The entry into pre-hire is now the last move; cancelling the exit again is refused.
    const again = await coach.post(`/api/persons/${p.id}/transitions/${exit.entity!.id}/cancel`, {
      reason: 'Encore',
      version: cancelled.json.version,
    });
    expect(again.status).toBe(404);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity', '=', 'trajectory_event')
      .where('entity_id', '=', exit.entity!.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ before: { phase: 'exited' }, after: { phase: 'pre_hire' } });
  });

  it('cancels the last step of a presentation entered by mistake; back to the step before', async () => {
    const vacancy = await createVacancy(coach, vacancyBody(employerId, today, { title: 'Carrossier' }));
    const p = await createPreHirePerson(coach, today, { firstName: 'Zoé' });
    const proposed = await coach.post('/api/presentations', { personId: p.id, vacancyId: vacancy.id });
    expect(proposed.status).toBe(201);
    const discussed = await coach.post(`/api/presentations/${proposed.json.id}/steps`, {
      step: 'discussed',
      date: today,
      version: proposed.json.version,
    });
    expect(discussed.status).toBe(200);
    const declined = await coach.post(`/api/presentations/${proposed.json.id}/steps`, {
      step: 'declined',
      date: today,
      reason: 'Horaires',
      version: discussed.json.version,
    });
    expect(declined.status).toBe(200);
    expect(declined.json.step).toBe('declined');
    const file = (await coach.get(`/api/persons/${p.id}`)).json;
    const entries = (
      file.timeline as (Timeline & { entity: { id: string; parentId?: string } | null })[]
    ).filter((e) => e.type === 'presentation');
    // Only the last step offers the cancellation; the proposal itself never does.
    expect(entries.filter((e) => e.entity !== null)).toHaveLength(1);
    const last = entries.find((e) => e.entity !== null)!;
    expect(last.entity!.parentId).toBe(proposed.json.id);
    const cancelled = await coach.post(
      `/api/presentations/${proposed.json.id}/steps/${last.entity!.id}/cancel`,
      { reason: 'Refus noté sur la mauvaise candidature', version: declined.json.version },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.step).toBe('discussed');
    const after = (await coach.get(`/api/persons/${p.id}`)).json;
    expect(
      (after.timeline as Timeline[]).find((e) => e.id === `presentation:${last.entity!.id}`),
    ).toMatchObject({ status: 'cancelled', statusReason: 'Refus noté sur la mauvaise candidature' });
    // « Discutée » is the last step now, and may be cancelled in turn; then the proposal is last,
    // and it is not cancelled this way.
    const next = (after.timeline as (Timeline & { entity: { id: string; version: number } | null })[]).find(
      (e) => e.type === 'presentation' && e.entity !== null,
    )!;
    const back = await coach.post(`/api/presentations/${proposed.json.id}/steps/${next.entity!.id}/cancel`, {
      reason: 'Pas encore discutée',
      version: cancelled.json.version,
    });
    expect(back.json.step).toBe('proposed');
    const last2 = (await coach.get(`/api/persons/${p.id}`)).json;
    expect(
      (last2.timeline as (Timeline & { entity: unknown })[]).filter(
        (e) => e.type === 'presentation' && e.entity,
      ),
    ).toEqual([]);
  });
});
