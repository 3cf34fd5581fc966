import { testTargets } from '@jobcoach/db/testing';
import { addDays, addMonths } from '@jobcoach/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
  move,
  personBody,
  setupInstallation,
  startTestApp,
  type TestApp,
  vacancyBody,
} from './helpers.ts';
import { pdfText, squash } from './pdf-text.ts';

interface Timeline {
  type: string;
  title: string;
  date: string;
}

describe.each(testTargets())('contracts and follow-up on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let coach: Client;
  let evaluator: Client;
  let outsider: Client;
  let orgA: string;
  let today: string;
  let employerId: string;
  let otherBasinEmployerId: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    let basinId: string;
    ({ admin, organisationId: orgA, basinId } = await setupInstallation(t));
    const orgB = await createOrganisation(admin, 'EDIT Verviers', basinId);
    const namur = ((await admin.get('/api/basins')).json as { id: string; name: string }[]).find(
      (b) => b.name === 'Namur',
    )!.id;
    const orgC = await createOrganisation(admin, 'FORMA Namur', namur);
    await addUser(t, orgA, 'karim@fleurus.example', 'jobcoach');
    await addUser(t, orgA, 'eva@fleurus.example', 'evaluator');
    await addUser(t, orgB, 'bruno@edit.example', 'jobcoach');
    await addUser(t, orgC, 'isabelle@forma.example', 'jobcoach');
    coach = await loginAs(t, 'karim@fleurus.example');
    evaluator = await loginAs(t, 'eva@fleurus.example');
    outsider = await loginAs(t, 'bruno@edit.example');
    const namurCoach = await loginAs(t, 'isabelle@forma.example');
    today = t.clock.today();
    employerId = (await createEmployer(coach, employerBody({ name: 'Boulangerie Dumont' }))).id;
    otherBasinEmployerId = (await createEmployer(namurCoach, employerBody({ name: 'Imprimerie Lecomte' })))
      .id;
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => {
    t.clock.shiftDays(0);
  });

  /** A contract body for the test employer. */
  const cdd = (start: string, plannedEnd: string | null, more: Record<string, unknown> = {}) => ({
    employerId,
    type: 'cdd',
    signedOn: start <= today ? start : today,
    start,
    plannedEnd,
    hoursPerWeek: 38,
    jobTitle: 'Vendeuse en boulangerie',
    ...more,
  });

  async function sign(personId: string, body: Record<string, unknown>, client = coach) {
    const res = await client.post(`/api/persons/${personId}/contracts`, body);
    if (res.status !== 201) throw new Error(`sign failed: ${res.status} ${JSON.stringify(res.json)}`);
    // biome-ignore lint/suspicious/noExplicitAny: API answers are checked by the assertions
    return res.json as { contract: { id: string; version: number } & Record<string, unknown>; person: any };
  }

  async function contractOf(personId: string, contractId: string, client = coach) {
    const list = await client.get(`/api/persons/${personId}/contracts`);
    return (list.json as { id: string; version: number }[]).find((c) => c.id === contractId)!;
  }

  async function end(personId: string, contractId: string, body: Record<string, unknown>) {
    const current = await contractOf(personId, contractId);
    return coach.patch(`/api/contracts/${contractId}`, { version: current.version, ...body });
  }

  async function events(personId: string) {
    const rows = await t.handle.db
      .selectFrom('trajectory_event')
      .select(['from_phase', 'to_phase', 'reason', 'date', 'fields'])
      .where('person_id', '=', personId)
      .orderBy('at')
      .execute();
    return rows.map((e) => `${e.from_phase}>${e.to_phase}${e.reason ? `:${e.reason}` : ''}@${e.date}`);
  }

  it('ACCEPTANCE: signing a CDD moves to follow-up through hiring; its end brings the person back with the deadline pushed by the CDD days', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Aline' }, 200);
    const entry = addDays(today, -200);
    const start = addDays(today, -30);
    const signed = await sign(p.id, cdd(start, addDays(today, 30), { signedOn: addDays(today, -32) }));
    expect(signed.person).toMatchObject({ phase: 'follow_up', phaseSince: start });
    expect(signed.contract).toMatchObject({
      type: 'cdd',
      status: 'running',
      employerName: 'Boulangerie Dumont',
      plannedEnd: addDays(today, 30),
      hoursPerWeek: 38,
      employment: true,
      alert: null,
    });
    expect(await events(p.id)).toEqual([
      `intake>pre_hire@${entry}`,
      `pre_hire>hiring@${addDays(today, -32)}`,
      `hiring>follow_up@${start}`,
    ]);
    // The contract backs the follow-up: no hand-entered period is added.
    expect(signed.person.employmentPeriods).toEqual([]);
    expect(signed.person.employmentHistory).toEqual([
      expect.objectContaining({ source: 'contract', kind: 'cdd', type: 'cdd', start, ongoing: true }),
    ]);
    expect(signed.person.clock).toMatchObject({ suspended: true, suspendedDays: 31 });
    expect(signed.person.followUp).toMatchObject({ start, end: addDays(today, 30) });
    const timeline = signed.person.timeline as Timeline[];
    expect(timeline.find((e) => e.type === 'contract')).toMatchObject({
      date: addDays(today, -32),
      title: 'Contrat signé : CDD « Vendeuse en boulangerie » chez Boulangerie Dumont',
    });
    expect(timeline.some((e) => e.type === 'transition' && e.title.startsWith('Début du suivi'))).toBe(true);
    // The employer who hired joins the reserve of partner employers.
    expect((await coach.get(`/api/employers/${employerId}`)).json.status).toBe('partner');

    const before = signed.person.clock;
    const ended = await end(p.id, signed.contract.id, {
      actualEnd: addDays(today, -1),
      endReason: 'term_reached',
    });
    expect(ended.status).toBe(200);
    expect(ended.json.contract).toMatchObject({ status: 'ended', endReasonLabel: 'Terme atteint' });
    expect(ended.json.person).toMatchObject({ phase: 'pre_hire', phaseSince: today, followUp: null });
    expect((await events(p.id)).at(-1)).toBe(`follow_up>pre_hire:cdd_ended@${today}`);
    // 30 CDD days (start → yesterday) push the deadline; the first entry is kept.
    const clock = ended.json.person.clock;
    expect(clock).toMatchObject({ preHireEntry: entry, suspendedDays: 30, suspended: false });
    expect(clock.deadline).toBe(addDays(addMonths(entry, 24), 30));
    expect(clock.daysUsed).toBe(before.daysUsed + 1);
    expect((ended.json.person.timeline as Timeline[])[0]).toMatchObject({
      type: 'transition',
      title: 'Retour en pré-embauche',
    });
    expect(
      (ended.json.person.timeline as Timeline[]).some(
        (e) => e.type === 'contract' && e.title.startsWith('Fin du contrat (Terme atteint)'),
      ),
    ).toBe(true);
    // An end is recorded once.
    const again = await end(p.id, signed.contract.id, { actualEnd: today, endReason: 'dismissal' });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/déjà terminé/);
  });

  it('ACCEPTANCE: refuses an end before the start, a CDD without planned end, another organisation’s person (French messages)', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Bruno' });
    const backwards = await coach.post(`/api/persons/${p.id}/contracts`, cdd(today, addDays(today, -3)));
    expect(backwards.status).toBe(400);
    expect(backwards.json.error).toMatchObject({
      code: 'validation',
      field: 'plannedEnd',
      message: 'La date de fin prévue ne peut pas précéder le début du contrat.',
    });
    const open = await coach.post(`/api/persons/${p.id}/contracts`, cdd(today, null));
    expect(open.status).toBe(400);
    expect(open.json.error).toMatchObject({
      field: 'plannedEnd',
      message: 'La date de fin prévue est obligatoire pour un contrat « CDD ».',
    });
    const foreign = await outsider.post(`/api/persons/${p.id}/contracts`, cdd(today, addDays(today, 10)));
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.message).toBe('Personne introuvable.');
    const otherBasin = await coach.post(
      `/api/persons/${p.id}/contracts`,
      cdd(today, addDays(today, 10), { employerId: otherBasinEmployerId }),
    );
    expect(otherBasin.status).toBe(400);
    expect(otherBasin.json.error.field).toBe('employerId');
    const cdiWithEnd = await coach.post(
      `/api/persons/${p.id}/contracts`,
      cdd(today, addDays(today, 10), { type: 'cdi' }),
    );
    expect(cdiWithEnd.json.error).toMatchObject({
      field: 'plannedEnd',
      message: expect.stringMatching(/Un CDI/),
    });
    const future = await coach.post(
      `/api/persons/${p.id}/contracts`,
      cdd(addDays(today, 5), addDays(today, 60), { signedOn: addDays(today, 1) }),
    );
    expect(future.json.error).toMatchObject({ field: 'signedOn', message: expect.stringMatching(/futur/) });
    // Nothing was written, the person is still in pre-hire.
    expect((await coach.get(`/api/persons/${p.id}/contracts`)).json).toEqual([]);
    expect((await coach.get(`/api/persons/${p.id}`)).json.phase).toBe('pre_hire');

    const intake = await createPerson(coach, personBody(today, { firstName: 'Accueil' }));
    const tooEarly = await coach.post(`/api/persons/${intake.id}/contracts`, cdd(today, addDays(today, 10)));
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.json.error.message).toMatch(/accueil/);

    // Another organisation's contract is not found either.
    const signed = await sign(p.id, cdd(today, addDays(today, 90)));
    const stolen = await outsider.patch(`/api/contracts/${signed.contract.id}`, {
      version: 1,
      jobTitle: 'Volé',
    });
    expect(stolen.status).toBe(404);
    expect(
      (await outsider.put(`/api/contracts/${signed.contract.id}/follow-up`, { version: 0 })).status,
    ).toBe(404);
    expect((await outsider.get(`/api/persons/${p.id}/contracts`)).status).toBe(404);
    expect(
      (await outsider.post(`/api/contracts/${signed.contract.id}/cancel`, { reason: 'Saisi par erreur' }))
        .status,
    ).toBe(404);
    // An end before the start is refused on the contract too.
    const early = await end(p.id, signed.contract.id, {
      actualEnd: addDays(today, -1),
      endReason: 'dismissal',
    });
    expect(early.status).toBe(400);
    expect(early.json.error).toMatchObject({
      field: 'actualEnd',
      message: 'La date de fin ne peut pas précéder le début du contrat.',
    });
    const stale = await coach.patch(`/api/contracts/${signed.contract.id}`, {
      version: 9,
      jobTitle: 'Autre',
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: 'stale_version', current: { id: signed.contract.id } });
  });

  it('refuses an evaluator every contract route (403)', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Évaluée' });
    const signed = await sign(p.id, cdd(today, addDays(today, 30)));
    expect((await evaluator.get(`/api/persons/${p.id}/contracts`)).status).toBe(403);
    expect(
      (await evaluator.post(`/api/persons/${p.id}/contracts`, cdd(today, addDays(today, 9)))).status,
    ).toBe(403);
    expect((await evaluator.patch(`/api/contracts/${signed.contract.id}`, { version: 1 })).status).toBe(403);
    expect(
      (await evaluator.put(`/api/contracts/${signed.contract.id}/follow-up`, { version: 0, discreet: false }))
        .status,
    ).toBe(403);
    expect((await evaluator.get(`/api/persons/${p.id}/end-letter.pdf`)).status).toBe(403);
    expect(
      (await evaluator.put(`/api/organisations/${orgA}/contract-settings`, { cddAlertDays: 10, version: 0 }))
        .status,
    ).toBe(403);
  });

  it('holds overlapping contracts: the clock is suspended once, the person returns only when none runs', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Chloé' }, 100);
    const first = await sign(p.id, cdd(addDays(today, -40), addDays(today, 20)));
    // A second job during follow-up: no phase change, the follow-up is not reopened.
    const second = await sign(
      p.id,
      cdd(addDays(today, -20), addDays(today, 40), {
        type: 'interim',
        jobTitle: 'Manutentionnaire',
        hoursPerWeek: 12,
      }),
    );
    expect(second.person).toMatchObject({ phase: 'follow_up' });
    expect(second.person.followUp.start).toBe(addDays(today, -40));
    expect(second.person.clock.suspendedDays).toBe(41);
    expect(second.person.contracts).toHaveLength(2);
    const dismissed = await end(p.id, first.contract.id, {
      actualEnd: addDays(today, -2),
      endReason: 'dismissal',
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.json.person.phase).toBe('follow_up');
    const over = await end(p.id, second.contract.id, {
      actualEnd: addDays(today, -1),
      endReason: 'abandonment',
    });
    expect(over.json.person).toMatchObject({ phase: 'pre_hire' });
    expect((await events(p.id)).at(-1)).toBe(`follow_up>pre_hire:follow_up_failed@${today}`);
    expect(over.json.person.clock.suspendedDays).toBe(40);
  });

  it('ACCEPTANCE: a dismissal during a CDI brings the person back with the pre-hire time left unchanged', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Denis' }, 300);
    const start = addDays(today, -90);
    const before = (await coach.get(`/api/persons/${p.id}`)).json.clock;
    const signed = await sign(p.id, cdd(start, null, { type: 'cdi', signedOn: addDays(today, -95) }));
    const dismissed = await end(p.id, signed.contract.id, {
      actualEnd: addDays(today, -1),
      endReason: 'dismissal',
    });
    const after = dismissed.json.person;
    expect(after.phase).toBe('pre_hire');
    expect((await events(p.id)).at(-1)).toBe(`follow_up>pre_hire:dismissal@${today}`);
    // Pre-hire time used: the days before the job (the last one 91 days ago), plus today.
    const usedAtHire = before.daysUsed - 91;
    expect(after.clock.daysUsed).toBe(usedAtHire + 1);
    expect(after.clock.daysLeft).toBe(before.daysLeft + 90);
    expect(after.clock.overallDeadline).toBe(before.overallDeadline);
  });

  it('converts a CDD to a CDI: the follow-up goes on within the same 6 months, then ends with the letter', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Emma', lastName: 'Lefèvre' }, 60);
    const start = addDays(today, -40);
    const signed = await sign(
      p.id,
      cdd(start, addDays(today, 50), {
        hiringAids: ['impulsion_12_months'],
        arrangement: {
          mode: 'bilateral',
          discreet: false,
          reference: { name: 'Marc Dumont', role: 'Patron' },
        },
      }),
    );
    expect(signed.contract.arrangement).toMatchObject({
      mode: 'bilateral',
      reference: { name: 'Marc Dumont' },
    });
    const refusedNext = await end(p.id, signed.contract.id, {
      actualEnd: addDays(today, -1),
      endReason: 'dismissal',
      next: { start: today },
    });
    expect(refusedNext.status).toBe(400);
    expect(refusedNext.json.error.field).toBe('next');
    const converted = await end(p.id, signed.contract.id, {
      actualEnd: addDays(today, -1),
      endReason: 'converted_to_cdi',
    });
    expect(converted.status).toBe(200);
    const person = converted.json.person;
    expect(person.phase).toBe('follow_up');
    const cdi = person.contracts.find((c: { type: string }) => c.type === 'cdi');
    expect(cdi).toMatchObject({
      start: today,
      plannedEnd: null,
      convertedFromContractId: signed.contract.id,
      hiringAids: [{ code: 'impulsion_12_months', label: 'Impulsion 12 mois +' }],
      arrangement: { mode: 'bilateral', reference: { name: 'Marc Dumont' } },
    });
    expect(converted.json.contract).toMatchObject({
      convertedToContractId: cdi.id,
      endReason: 'converted_to_cdi',
    });
    // The CDI continues the CDD's follow-up: 6 months from the CDD's start.
    expect(person.followUp).toMatchObject({ start, end: addMonths(start, 6) });
    expect((await events(p.id)).filter((e) => e.startsWith('follow_up>'))).toEqual([]);
    expect(
      (person.timeline as Timeline[]).some(
        (e) => e.type === 'contract' && e.title.startsWith('CDD converti en CDI'),
      ),
    ).toBe(true);
    const day = (await coach.get('/api/my-day')).json;
    const due = day.followUpsDue.find((d: { id: string }) => d.id === p.id);
    expect(due).toMatchObject({ followUpEnd: addMonths(start, 6), mode: 'bilateral', discreet: false });

    // Before the exit there is no letter.
    const noLetter = await coach.get(`/api/persons/${p.id}/end-letter.pdf`);
    expect(noLetter.status).toBe(409);
    expect(noLetter.json.error.message).toMatch(/insertion consolidée/);
    // Six months on, the insertion is consolidated: exit, and the end-of-coaching letter.
    const exited = await move(coach, p.id, 'exit', { date: today, exitReason: 'consolidated_insertion' });
    expect(exited.phase).toBe('exited');
    expect(
      (exited.timeline as Timeline[]).find((e) => e.type === 'document' && e.date === today),
    ).toMatchObject({
      title: 'Lettre de fin d’accompagnement',
    });
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/end-letter.pdf`,
      headers: { cookie: coach.cookie! },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain(squash('Bonjour Emma Lefèvre'));
    expect(text).toContain(squash('je reste disponible, sur le long terme'));
    expect(text).toContain(squash('Vendeuse en boulangerie chez Boulangerie Dumont'));
    const exported = await t.handle.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'export')
      .execute();
    expect(exported.map((e) => e.details)).toContainEqual({ document: 'end_letter' });
    // The employer stays in the reserve; the CDI is still running after the exit.
    expect((await coach.get(`/api/employers/${employerId}`)).json.status).toBe('partner');
    expect(exited.contracts.find((c: { id: string }) => c.id === cdi.id).status).toBe('running');
  });

  it('renews a CDD: a new planned end is required, the follow-up continues', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Fanny' }, 60);
    const signed = await sign(p.id, cdd(addDays(today, -30), addDays(today, -1)));
    const missing = await end(p.id, signed.contract.id, {
      actualEnd: addDays(today, -1),
      endReason: 'renewed',
    });
    expect(missing.status).toBe(400);
    expect(missing.json.error.field).toBe('next.plannedEnd');
    const renewed = await end(p.id, signed.contract.id, {
      actualEnd: addDays(today, -1),
      endReason: 'renewed',
      next: { plannedEnd: addDays(today, 60) },
    });
    expect(renewed.json.person.phase).toBe('follow_up');
    expect(renewed.json.person.contracts[0]).toMatchObject({
      type: 'cdd',
      start: today,
      plannedEnd: addDays(today, 60),
    });
  });

  it('shows the alert before a CDD’s planned end only within the window (test clock), and per the setting', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Gaëlle' }, 30);
    const plannedEnd = addDays(today, 40);
    const signed = await sign(p.id, cdd(addDays(today, -10), plannedEnd));
    const ending = async (client: Client) =>
      (
        (await client.get('/api/my-day')).json.contractsEndingSoon as {
          contractId: string;
          daysLeft: number;
        }[]
      ).find((c) => c.contractId === signed.contract.id);
    expect(await ending(coach)).toBeUndefined();
    t.clock.shiftDays(18); // 22 days before the end: not yet
    let later = await loginAs(t, 'karim@fleurus.example'); // sessions age with the clock
    expect(await ending(later)).toBeUndefined();
    t.clock.shiftDays(19); // 21 days before the end
    later = await loginAs(t, 'karim@fleurus.example');
    expect(await ending(later)).toMatchObject({
      daysLeft: 21,
      overdue: false,
      plannedEnd,
      employerName: 'Boulangerie Dumont',
      jobTitle: 'Vendeuse en boulangerie',
      type: 'cdd',
      firstName: 'Gaëlle',
    });
    const file = (await later.get(`/api/persons/${p.id}`)).json;
    expect(file.contracts[0].alert).toMatchObject({ daysLeft: 21, alertFrom: addDays(plannedEnd, -21) });
    t.clock.shiftDays(42); // past the planned end, no end recorded: still there, overdue
    later = await loginAs(t, 'karim@fleurus.example');
    expect(await ending(later)).toMatchObject({ daysLeft: -2, overdue: true });
    t.clock.shiftDays(0);
    // A coordinator sets the alert to 45 days: it shows today already.
    const settings = (await admin.get(`/api/organisations/${orgA}/contract-settings`)).json;
    expect(settings).toMatchObject({ cddAlertDays: 21 });
    expect(
      (
        await coach.put(`/api/organisations/${orgA}/contract-settings`, {
          cddAlertDays: 45,
          version: settings.version,
        })
      ).status,
    ).toBe(403);
    const saved = await admin.put(`/api/organisations/${orgA}/contract-settings`, {
      cddAlertDays: 45,
      version: settings.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.json.cddAlertDays).toBe(45);
    expect(await ending(coach)).toMatchObject({ daysLeft: 40 });
    const stale = await admin.put(`/api/organisations/${orgA}/contract-settings`, {
      cddAlertDays: 21,
      version: settings.version,
    });
    expect(stale.status).toBe(409);
    await admin.put(`/api/organisations/${orgA}/contract-settings`, {
      cddAlertDays: 21,
      version: saved.json.version,
    });
  });

  it('waits in hiring for a contract that starts later, then starts the follow-up on its first day', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Hugo' }, 50);
    const signed = await sign(p.id, cdd(addDays(today, 10), null, { type: 'cdi', signedOn: today }));
    expect(signed.person).toMatchObject({ phase: 'hiring', phaseSince: today });
    expect(signed.contract).toMatchObject({ status: 'signed', canStartFollowUp: false });
    const early = await coach.post(`/api/contracts/${signed.contract.id}/start-follow-up`);
    expect(early.status).toBe(409);
    expect(early.json.error.message).toMatch(/commence le/);
    t.clock.shiftDays(10);
    const later = await loginAs(t, 'karim@fleurus.example');
    const file = (await later.get(`/api/persons/${p.id}`)).json;
    expect(file.contracts[0].canStartFollowUp).toBe(true);
    const started = await later.post(`/api/contracts/${signed.contract.id}/start-follow-up`);
    expect(started.status).toBe(200);
    expect(started.json.person).toMatchObject({ phase: 'follow_up', phaseSince: addDays(today, 10) });
    expect((await later.post(`/api/contracts/${signed.contract.id}/start-follow-up`)).status).toBe(409);
  });

  it('keeps the manual return to pre-hire from bypassing an open contract', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Inès' }, 50);
    const signed = await sign(p.id, cdd(addDays(today, -5), addDays(today, 30)));
    const res = await coach.post(`/api/persons/${p.id}/transitions`, {
      transitionId: 'return_to_pre_hire',
      fields: { date: today, returnReason: 'dismissal' },
      version: signed.person.version,
    });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/enregistrez d’abord sa fin/);
    expect(res.json.error.contractIds).toEqual([signed.contract.id]);
  });

  it('records the follow-up arrangement: three-way only with a reason, discreet only with the person, frequency as cadence', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Jeanne' }, 50);
    const signed = await sign(p.id, cdd(addDays(today, -3), addDays(today, 100)));
    const url = `/api/contracts/${signed.contract.id}/follow-up`;
    const threeWay = await coach.put(url, { mode: 'three_way', discreet: false, version: 0 });
    expect(threeWay.status).toBe(400);
    expect(threeWay.json.error).toMatchObject({
      field: 'threeWayReason',
      message: expect.stringMatching(/dernier recours/),
    });
    const visits = await coach.put(url, { mode: 'workplace_visits', discreet: true, version: 0 });
    expect(visits.status).toBe(400);
    expect(visits.json.error).toMatchObject({
      field: 'mode',
      message: expect.stringMatching(/suivi discret/),
    });
    const saved = await coach.put(url, {
      mode: 'three_way',
      threeWayReason: 'explicit_request',
      discreet: false,
      consentOn: today,
      frequency: [
        { untilMonth: 2, days: 3 },
        { untilMonth: 6, days: 20 },
      ],
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.json.contract.arrangement).toMatchObject({
      mode: 'three_way',
      modeLabel: 'Rencontre tripartite (dernier recours)',
      threeWayReason: 'explicit_request',
      consentOn: today,
      version: 1,
    });
    // The agreed frequency sets the follow-up cadence: a contact every 3 days at first.
    expect(saved.json.person.cadence.intervalDays).toBe(3);
    const list = (await coach.get('/api/persons?q=Jeanne')).json[0];
    expect(list.nextDue).toBe(addDays(addDays(today, -3), 3));
    const stale = await coach.put(url, { mode: 'phone', discreet: true, version: 0 });
    expect(stale.status).toBe(409);
    const discreet = await coach.put(url, { mode: 'phone', discreet: true, version: 1 });
    expect(discreet.json.contract.arrangement).toMatchObject({
      mode: 'phone',
      discreet: true,
      threeWayReason: null,
    });
    expect(discreet.json.person.cadence.intervalDays).toBe(7);
  });

  it('ACCEPTANCE: discreet follow-up hides the person from the employer and asks to confirm a contact about them', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Karima' }, 50);
    const signed = await sign(
      p.id,
      cdd(addDays(today, -3), addDays(today, 100), { arrangement: { mode: 'bilateral', discreet: true } }),
    );
    expect(signed.contract.arrangement).toMatchObject({ discreet: true });
    const { checkDiscreetContact, notAboutDiscreetPerson } = await import('../src/contracts/discreet.ts');
    // The helpers the employer side calls (apps/server/src/employers/).
    await expect(
      checkDiscreetContact(t.handle.db, { organisationId: orgA, employerId, personId: p.id }),
    ).rejects.toMatchObject({ statusCode: 409, code: 'discreet_follow_up', field: 'confirmDiscreet' });
    expect(
      await checkDiscreetContact(t.handle.db, {
        organisationId: orgA,
        employerId,
        personId: p.id,
        confirmDiscreet: true,
      }),
    ).toBe(true);
    const other = await createEmployer(coach, employerBody({ name: 'Garage Lambert' }));
    expect(
      await checkDiscreetContact(t.handle.db, { organisationId: orgA, employerId: other.id, personId: p.id }),
    ).toBe(false);
    const seeded = await t.handle.db
      .insertInto('contact')
      .values([
        {
          organisation_id: orgA,
          employer_id: employerId,
          date: today,
          channel: 'phone',
          purpose: 'follow_up',
        },
        { organisation_id: orgA, employer_id: employerId, date: today, channel: 'phone', purpose: 'other' },
      ])
      .returning('id')
      .execute();
    await t.handle.db
      .insertInto('contact_person')
      .values({ contact_id: seeded[0]!.id, organisation_id: orgA, person_id: p.id, present: false })
      .execute();
    const visible = await t.handle.db
      .selectFrom('contact as c')
      .select('c.id')
      .where('c.employer_id', '=', employerId)
      .where(notAboutDiscreetPerson('c'))
      .execute();
    expect(visible.map((r) => r.id)).toEqual([seeded[1]!.id]);
    // The same through an organisation's scoped handle (a use case's ctx.db): the condition states
    // its organisation, so the scope accepts it.
    const { scopedTo } = await import('@jobcoach/db');
    const scoped = await scopedTo(t.handle.db, orgA)
      .selectFrom('contact as c')
      .select('c.id')
      .where('c.employer_id', '=', employerId)
      .where(notAboutDiscreetPerson('c'))
      .execute();
    expect(scoped).toEqual(visible);
    await t.handle.db
      .deleteFrom('contact')
      .where(
        'id',
        'in',
        seeded.map((r) => r.id),
      )
      .execute();

    // Through the API, once the employer side calls the helpers (see docs/api.md).
    const contactRoute = t.app.routeTable.find(
      (r) => r.method === 'POST' && r.url === '/api/employers/:id/contacts',
    );
    const shape = (contactRoute?.schema?.body as { shape?: Record<string, unknown> } | undefined)?.shape;
    if (!shape || !('confirmDiscreet' in shape)) {
      console.warn('discreet follow-up: the employer contact route does not call the contracts helpers yet');
      return;
    }
    const refused = await coach.post(`/api/employers/${employerId}/contacts`, {
      date: today,
      channel: 'phone',
      purpose: 'follow_up',
      personId: p.id,
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: 'discreet_follow_up', field: 'confirmDiscreet' });
    expect(refused.json.error.message).toMatch(/suivi discret/);
    const confirmed = await coach.post(`/api/employers/${employerId}/contacts`, {
      date: today,
      channel: 'phone',
      purpose: 'follow_up',
      personId: p.id,
      confirmDiscreet: true,
    });
    expect(confirmed.status).toBe(201);
    const row = await t.handle.db
      .selectFrom('contact as c')
      .innerJoin('contact_person as cp', 'cp.contact_id', 'c.id')
      .select('c.discreet_confirmed')
      .where('cp.person_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row.discreet_confirmed).toBe(true);
    const page = (await coach.get(`/api/employers/${employerId}`)).json;
    expect(JSON.stringify(page)).not.toContain(p.id);
    const timeline = (await coach.get(`/api/persons/${p.id}`)).json.timeline as (Timeline & {
      detail: string;
    })[];
    expect(timeline.find((e) => e.title.includes('avec l’employeur'))?.detail).toMatch(/contact confirmé/);
  });

  it('signs after a presentation the employer hired from; checks the vacancy and the presentation', async () => {
    const v = await createVacancy(coach, vacancyBody(employerId, today, { title: 'Boulanger', openings: 1 }));
    const p = await createPreHirePerson(coach, today, { firstName: 'Luc' });
    const id = (await coach.post('/api/presentations', { personId: p.id, vacancyId: v.id })).json.id;
    const step = async (body: Record<string, unknown>) => {
      const current = (await coach.get(`/api/presentations?personId=${p.id}`)).json[0];
      return coach.post(`/api/presentations/${id}/steps`, { date: today, ...body, version: current.version });
    };
    for (const s of ['discussed', 'applied']) await step({ step: s });
    await step({ step: 'introduced', channel: 'cv' });
    const notHired = await coach.post(
      `/api/persons/${p.id}/contracts`,
      cdd(today, null, { type: 'cdi', presentationId: id }),
    );
    expect(notHired.status).toBe(400);
    expect(notHired.json.error.field).toBe('presentationId');
    expect((await step({ step: 'hired' })).status).toBe(200);
    const otherVacancy = await createVacancy(coach, vacancyBody(employerId, today, { title: 'Livreur' }));
    const mismatch = await coach.post(
      `/api/persons/${p.id}/contracts`,
      cdd(today, null, { type: 'cdi', presentationId: id, vacancyId: otherVacancy.id }),
    );
    expect(mismatch.json.error.field).toBe('presentationId');
    const signed = await sign(
      p.id,
      cdd(today, null, { type: 'cdi', presentationId: id, jobTitle: 'Boulanger' }),
    );
    expect(signed.contract).toMatchObject({ vacancyId: v.id, vacancyTitle: 'Boulanger', presentationId: id });
    expect(signed.person.phase).toBe('follow_up');
    expect((await coach.get(`/api/vacancies/${v.id}`)).json.status).toBe('filled');
    // The hiring was recorded by the presentation: signing only adds the follow-up.
    expect((await events(p.id)).slice(-2)).toEqual([`pre_hire>hiring@${today}`, `hiring>follow_up@${today}`]);
  });

  it('lets an immersion neither move the trajectory nor suspend the clock, and keeps hand-entered periods', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Marie' }, 80);
    const immersion = await sign(
      p.id,
      cdd(addDays(today, -10), addDays(today, 4), { type: 'immersion', jobTitle: 'Stage en cuisine' }),
    );
    expect(immersion.person).toMatchObject({ phase: 'pre_hire' });
    expect(immersion.person.clock.suspendedDays).toBe(0);
    expect(immersion.contract).toMatchObject({ employment: false, alert: null });
    const arrangement = await coach.put(`/api/contracts/${immersion.contract.id}/follow-up`, {
      mode: 'phone',
      discreet: false,
      version: 0,
    });
    expect(arrangement.status).toBe(409);
    const period = await coach.post(`/api/persons/${p.id}/employment-periods`, {
      kind: 'cdd',
      start: addDays(today, -30),
      end: addDays(today, -21),
    });
    expect(period.status).toBe(201);
    expect(period.json.clock.suspendedDays).toBe(10);
    expect(period.json.employmentHistory.map((h: { source: string }) => h.source)).toEqual([
      'contract',
      'hand_entered',
    ]);
    // Nothing deletes a contract: cancelled, it stays on the file, marked so, and the history drops it.
    expect((await coach.delete(`/api/contracts/${immersion.contract.id}`)).status).toBe(404);
    const cancelled = await coach.post(`/api/contracts/${immersion.contract.id}/cancel`, {
      reason: 'Saisi sur le mauvais dossier',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.person.contracts).toMatchObject([
      { id: immersion.contract.id, cancelled: { reason: 'Saisi sur le mauvais dossier' } },
    ]);
    expect(cancelled.json.person.employmentHistory.map((h: { source: string }) => h.source)).toEqual([
      'hand_entered',
    ]);
  });

  it('refuses to cancel a contract that another one continues', async () => {
    const p = await createPreHirePerson(coach, today, { firstName: 'Nadia' }, 80);
    const signed = await sign(p.id, cdd(addDays(today, -30), addDays(today, 30)));
    await end(p.id, signed.contract.id, { actualEnd: addDays(today, -1), endReason: 'converted_to_cdi' });
    const refused = await coach.post(`/api/contracts/${signed.contract.id}/cancel`, {
      reason: 'Saisi par erreur',
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/converti ou renouvelé/);
  });
});
