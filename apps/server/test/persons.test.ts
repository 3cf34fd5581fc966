import { testTargets } from '@jobcoach/db/testing';
import { addDays, addMonths } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptAsCoachable,
  addUser,
  type Client,
  createEmployer,
  createOrganisation,
  createPerson,
  employerBody,
  loginAs,
  move,
  personBody,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';
import { pdfText, squash } from './pdf-text.ts';

const VALID_NISS = '75.04.12-123.53'; // born 1975-04-12
const NISS_2000 = '03021545673'; // born 2003-02-15: check digits computed on "2" + the first nine
const WRONG_CHECK = '75.04.12-123.54';

describe.each(testTargets())('persons on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let coach: Client;
  let coach2: Client;
  let evaluator: Client;
  let outsider: Client;
  let orgA: string;
  let coachId: string;
  let today: string;
  let partnerId: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    let basinId: string;
    ({ admin, organisationId: orgA, basinId } = await setupInstallation(t));
    coachId = await addUser(t, orgA, 'karim@fleurus.example', 'jobcoach');
    await addUser(t, orgA, 'sophie@fleurus.example', 'jobcoach');
    await addUser(t, orgA, 'eva@fleurus.example', 'evaluator');
    const orgB = await createOrganisation(admin, 'EDIT Verviers', basinId);
    await addUser(t, orgB, 'bruno@edit.example', 'jobcoach');
    coach = await loginAs(t, 'karim@fleurus.example');
    coach2 = await loginAs(t, 'sophie@fleurus.example');
    evaluator = await loginAs(t, 'eva@fleurus.example');
    outsider = await loginAs(t, 'bruno@edit.example');
    today = t.clock.today();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps a partner directory per organisation', async () => {
    const created = await coach.post('/api/partners', {
      name: 'CPAS de Verviers',
      type: 'cpas',
      contact: 'Service insertion, 087 00 00 00',
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'CPAS de Verviers', type: 'cpas', version: 1 });
    partnerId = created.json.id;
    const duplicate = await coach.post('/api/partners', { name: 'cpas de verviers', type: 'cpas' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.field).toBe('name');
    expect((await coach.get('/api/partners')).json.map((p: { id: string }) => p.id)).toEqual([partnerId]);
    expect((await outsider.get('/api/partners')).json).toEqual([]);
    expect((await outsider.patch(`/api/partners/${partnerId}`, { name: 'Volé', version: 1 })).status).toBe(
      404,
    );
    const renamed = await coach.patch(`/api/partners/${partnerId}`, { contact: null, version: 1 });
    expect(renamed.json).toMatchObject({ contact: null, version: 2 });
    const stale = await coach2.patch(`/api/partners/${partnerId}`, { name: 'Autre nom', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('stale_version');
    expect((await evaluator.get('/api/partners')).status).toBe(403);
  });

  it('creates a person in intake, coached by the jobcoach who records it, with priority groups', async () => {
    const file = await createPerson(
      coach,
      personBody(addDays(today, -3), {
        birthDate: '1970-06-01',
        niss: '70.06.01-123.01',
        monthsWithoutJob: 30,
        debtSettlementPlan: true,
        phone: '0471 23 45 67',
        languages: ['français', 'arabe', 'français'],
        scheduleDays: ['mon', 'tue'],
        referral: {
          kind: 'partner',
          partnerId,
          receivedOn: addDays(today, -3),
          consentOn: addDays(today, -3),
        },
      }),
    ).catch(async (e) => {
      throw e;
    });
    expect(file).toMatchObject({
      firstName: 'Hélène',
      phase: 'intake',
      coachId,
      niss: '70060112301',
      languages: [{ code: 'fr' }, { code: 'ar' }],
      referral: { kind: 'partner', partnerId, partnerName: 'CPAS de Verviers' },
      assessment: null,
      clock: null,
      // Only an accepted person enters pre-hire (method.md §3): before the assessment, not offered.
      allowedTransitions: [expect.objectContaining({ id: 'exit', to: 'exited' })],
    });
    // The debt settlement plan is sensitive: a jobcoach without the right does not get it back,
    // nor the priority group it implies; a coordinator does.
    expect(file.priorityGroups.map((g: { code: string }) => g.code)).toEqual([
      'jobless_24_months',
      'over_45_jobless_12_months',
    ]);
    expect(file.restricted).toContain('debtSettlementPlan');
    expect(file).not.toHaveProperty('debtSettlementPlan');
    const asCoordinator = (await admin.get(`/api/persons/${file.id}`)).json;
    expect(asCoordinator.priorityGroups.map((g: { code: string }) => g.code)).toEqual([
      'jobless_24_months',
      'over_45_jobless_12_months',
      'debt_settlement_plan',
    ]);
    expect(file.priorityGroups[0].label).toMatch(/2 ans/);
    expect(file.timeline.map((e: { type: string }) => e.type)).toEqual(['intake', 'intake']);
  });

  it('refuses a NISS with a wrong check digit, naming the field; accepts a number born from 2000', async () => {
    const wrong = await coach.post('/api/persons', personBody(today, { niss: WRONG_CHECK }));
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.field).toBe('niss');
    expect(wrong.json.error.message).toMatch(/« numéro NISS »/);
    const mismatch = await coach.post('/api/persons', personBody(today, { niss: '85073003328' }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.json.error.field).toBe('niss');
    const young = await coach.post(
      '/api/persons',
      personBody(today, { firstName: 'Jordan', birthDate: '2003-02-15', niss: NISS_2000 }),
    );
    expect(young.status).toBe(201);
    expect(young.json.niss).toBe(NISS_2000);
  });

  it('keeps the NISS unique within the organisation (409 naming niss)', async () => {
    const first = await coach.post(
      '/api/persons',
      personBody(today, { firstName: 'Anne', niss: VALID_NISS }),
    );
    expect(first.status).toBe(201);
    const second = await coach2.post(
      '/api/persons',
      personBody(today, { firstName: 'Autre', niss: '75041212353' }),
    );
    expect(second.status).toBe(409);
    expect(second.json.error.field).toBe('niss');
  });

  it('refuses evaluators (403) and other organisations (404) on every person route', async () => {
    const person = await createPerson(coach, personBody(today, { firstName: 'Secret', lastName: 'Martin' }));
    const id = person.id;
    const evaluatorCalls = [
      await evaluator.get('/api/persons'),
      await evaluator.get(`/api/persons/${id}`),
      await evaluator.post('/api/persons', personBody(today)),
      await evaluator.patch(`/api/persons/${id}`, { notes: 'x', version: 1 }),
      await evaluator.get(`/api/persons/${id}/trust-contract.pdf`),
      await evaluator.get('/api/my-day'),
      await evaluator.get('/api/absences'),
    ];
    expect(evaluatorCalls.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    const outsiderCalls = [
      await outsider.get(`/api/persons/${id}`),
      await outsider.patch(`/api/persons/${id}`, { notes: 'x', version: 1 }),
      await outsider.post(`/api/persons/${id}/transitions`, {
        transitionId: 'exit',
        fields: { date: today, exitReason: 'moved_away' },
        version: 1,
      }),
      await outsider.post(`/api/persons/${id}/contacts`, {
        date: today,
        channel: 'phone',
      }),
      await outsider.get(`/api/persons/${id}/trust-contract.pdf`),
      await outsider.put(`/api/persons/${id}/trust-contract`, { signedOn: today }),
      await outsider.get(`/api/organisations/${orgA}/settings`),
    ];
    expect(outsiderCalls.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect(JSON.stringify(outsiderCalls.map((r) => r.json))).not.toContain('Martin');
    const list = await outsider.get('/api/persons?q=Martin');
    expect(list.json).toEqual([]);
    const unchanged = await coach.get(`/api/persons/${id}`);
    expect(unchanged.json.version).toBe(1);
  });

  it('gives the second of two saves from the same version a 409 and keeps the first', async () => {
    const person = await createPerson(coach, personBody(today, { firstName: 'Concurrence' }));
    const first = await coach.patch(`/api/persons/${person.id}`, {
      notes: 'Première',
      version: person.version,
    });
    // A coordinator (who reads every person of the organisation) saves from the same version.
    const second = await admin.patch(`/api/persons/${person.id}`, {
      phone: '0499 00 00 00',
      version: person.version,
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe('stale_version');
    expect(second.json.error.current).toMatchObject({ notes: 'Première', phone: null, version: 2 });
    const now = await coach.get(`/api/persons/${person.id}`);
    expect(now.json).toMatchObject({ notes: 'Première', phone: null, version: 2 });
  });

  it('lets only a coordinator assign a person to another coach', async () => {
    const person = await createPerson(coach, personBody(today, { firstName: 'Assignée' }));
    const sophieId = (
      await t.handle.db
        .selectFrom('app_user')
        .select('id')
        .where('email', '=', 'sophie@fleurus.example')
        .executeTakeFirstOrThrow()
    ).id;
    const refused = await coach.patch(`/api/persons/${person.id}`, { coachId: sophieId, version: 1 });
    expect(refused.status).toBe(403);
    const done = await admin.patch(`/api/persons/${person.id}`, { coachId: sophieId, version: 1 });
    expect(done.json).toMatchObject({ coachId: sophieId, coachName: 'sophie' });
    const notCoach = await admin.patch(`/api/persons/${person.id}`, { coachId: orgA, version: 2 });
    expect(notCoach.status).toBe(400);
    expect(notCoach.json.error.field).toBe('coachId');
  });

  it('finds persons by name (accents ignored), NISS or phone', async () => {
    const p = await createPerson(
      coach,
      personBody(today, {
        firstName: 'Jérôme',
        lastName: 'Lefèvre',
        birthDate: '1985-07-30',
        niss: '85073003328',
        phone: '+32 478 11 22 33',
      }),
    );
    const ids = async (query: string) =>
      (await coach.get(`/api/persons?q=${encodeURIComponent(query)}`)).json.map((s: { id: string }) => s.id);
    expect(await ids('jerome lefevre')).toEqual([p.id]);
    expect(await ids('LEFÈVRE')).toEqual([p.id]);
    expect(await ids('85.07.30-033.28')).toEqual([p.id]);
    expect(await ids('0478 11 22')).toEqual([p.id]);
    expect(await ids('478112233')).toEqual([p.id]);
    expect(await ids('%')).toEqual([]);
    const summary = (await coach.get('/api/persons?q=Lefevre')).json[0];
    expect(summary).toMatchObject({
      firstName: 'Jérôme',
      phase: 'intake',
      nissMasked: '**.**.**-*33.28',
      overdue: false,
      decision: null,
    });
    expect(JSON.stringify(summary)).not.toContain('85073003328');
  });

  it('records assessments; redirected and postponed persons stay findable', async () => {
    const all = (met: boolean) => ({
      aims_low_qualified_job: { met: true },
      available_short_notice: { met },
      faces_obstacles: { met: true, comment: 'Pas de permis' },
      volunteers_after_information: { met: true },
    });
    const redirected = await createPerson(
      coach,
      personBody(today, { firstName: 'Réorientée', lastName: 'Bodart' }),
    );
    const noPartner = await coach.post(`/api/persons/${redirected.id}/assessments`, {
      assessedOn: today,
      conditions: all(false),
      decision: 'redirected',
      reason: 'Problèmes de santé à traiter d’abord',
    });
    expect(noPartner.status).toBe(400);
    expect(noPartner.json.error.field).toBe('redirectPartnerId');
    const ok = await coach.post(`/api/persons/${redirected.id}/assessments`, {
      assessedOn: today,
      conditions: all(false),
      decision: 'redirected',
      redirectPartnerId: partnerId,
      reason: 'Problèmes de santé à traiter d’abord',
    });
    expect(ok.status).toBe(201);
    expect(ok.json.assessment).toMatchObject({
      decision: 'redirected',
      redirectPartnerName: 'CPAS de Verviers',
      assessorName: 'karim',
    });
    expect(ok.json.assessment.conditions.available_short_notice).toEqual({ met: false, comment: null });

    const postponed = await createPerson(
      coach,
      personBody(today, { firstName: 'Reportée', lastName: 'Bodart' }),
    );
    const noDate = await coach.post(`/api/persons/${postponed.id}/assessments`, {
      assessedOn: today,
      conditions: all(true),
      decision: 'postponed',
    });
    expect(noDate.json.error.field).toBe('reviewDate');
    await coach.post(`/api/persons/${postponed.id}/assessments`, {
      assessedOn: today,
      conditions: all(true),
      decision: 'postponed',
      reviewDate: addDays(today, 30),
    });
    const unmet = await coach.post(`/api/persons/${postponed.id}/assessments`, {
      assessedOn: today,
      conditions: all(false),
      decision: 'accepted',
    });
    expect(unmet.status).toBe(400);
    expect(unmet.json.error.field).toBe('conditions.available_short_notice');

    const found = (await coach.get('/api/persons?q=bodart')).json;
    expect(found.map((s: { firstName: string; decision: string }) => [s.firstName, s.decision])).toEqual(
      expect.arrayContaining([
        ['Réorientée', 'redirected'],
        ['Reportée', 'postponed'],
      ]),
    );
    const byDecision = (await coach.get('/api/persons?decision=redirected')).json;
    expect(byDecision.map((s: { id: string }) => s.id)).toEqual([redirected.id]);
    expect((await coach.get('/api/persons?decision=postponed')).json[0].reviewDate).toBe(addDays(today, 30));
  });

  it('moves a trajectory only as the table allows, logs each move and applies its effects', async () => {
    const start = addMonths(today, -6);
    const p = await createPerson(coach, personBody(start, { firstName: 'Parcours', lastName: 'Complet' }));
    const refused = await coach.post(`/api/persons/${p.id}/transitions`, {
      transitionId: 'start_hiring',
      fields: { date: today, employerId: 'Boulangerie Dumont' },
      version: p.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('transition_not_allowed');
    // The moves named are those offered: not yet assessed, the person may only leave.
    expect(refused.json.error.message).toMatch(/Sortie du jobcoaching/);
    expect(refused.json.error.allowed.map((a: { id: string }) => a.id)).toEqual(['exit']);

    // Entering pre-hire needs an assessment that accepts the person: refused, then offered.
    const notCoachable = await coach.post(`/api/persons/${p.id}/transitions`, {
      transitionId: 'enter_pre_hire',
      fields: { date: addMonths(today, -5), trustContractSignedOn: addMonths(today, -5) },
      version: p.version,
    });
    expect(notCoachable.status).toBe(409);
    expect(notCoachable.json.error.code).toBe('not_coachable');
    await acceptAsCoachable(coach, p.id, addMonths(today, -5));
    const assessed = (await coach.get(`/api/persons/${p.id}`)).json;
    expect(assessed.allowedTransitions.map((a: { id: string }) => a.id)).toEqual(['enter_pre_hire', 'exit']);
    expect(assessed.allowedTransitions[0]).toMatchObject({
      to: 'pre_hire',
      requiredFields: ['date', 'trustContractSignedOn'],
    });

    const missing = await coach.post(`/api/persons/${p.id}/transitions`, {
      transitionId: 'enter_pre_hire',
      fields: { date: addMonths(today, -5) },
      version: assessed.version,
    });
    expect(missing.status).toBe(400);
    expect(missing.json.error.field).toBe('fields.trustContractSignedOn');
    expect(missing.json.error.message).toMatch(/contrat de confiance/);

    const entry = addMonths(today, -5);
    const inPreHire = await move(coach, p.id, 'enter_pre_hire', {
      date: entry,
      trustContractSignedOn: entry,
    });
    expect(inPreHire).toMatchObject({ phase: 'pre_hire', phaseSince: entry, trustContractSignedOn: entry });
    expect(inPreHire.clock).toMatchObject({ preHireEntry: entry, baseDeadline: addMonths(entry, 24) });
    expect(inPreHire.allowedTransitions.map((a: { id: string }) => a.id)).toEqual(['start_hiring', 'exit']);

    const stale = await coach.post(`/api/persons/${p.id}/transitions`, {
      transitionId: 'exit',
      fields: { date: today, exitReason: 'left_voluntarily' },
      version: p.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('stale_version');

    const hiring = await move(coach, p.id, 'start_hiring', {
      date: addMonths(today, -4),
      employerId: 'Boulangerie Dumont',
    });
    // The follow-up is never a move typed by hand: it starts from the signed contract.
    expect(hiring.blockedTransitions).toContainEqual({ id: 'start_follow_up', guard: 'by_contract' });
    const cddStart = addMonths(today, -3);
    const cddEnd = addDays(addMonths(today, -1), -1);
    const byHand = await coach.post(`/api/persons/${p.id}/transitions`, {
      transitionId: 'start_follow_up',
      fields: { date: cddStart, contractKind: 'cdd', contractStart: cddStart, contractEnd: cddEnd },
      version: hiring.version,
    });
    expect(byHand.status).toBe(409);
    const employer = await createEmployer(coach, employerBody({ name: 'Boulangerie Dumont' }));
    const signed = await coach.post(`/api/persons/${p.id}/contracts`, {
      employerId: employer.id,
      type: 'cdd',
      jobTitle: 'Vendeuse',
      signedOn: cddStart,
      start: cddStart,
      plannedEnd: cddEnd,
    });
    expect(signed.status).toBe(201);
    const following = signed.json.person;
    expect(following).toMatchObject({ phase: 'follow_up', phaseSince: cddStart });
    const back = await move(coach, p.id, 'return_to_pre_hire', {
      date: addMonths(today, -1),
      returnReason: 'cdd_ended',
    });
    // A return keeps the first entry; the CDD days push the deadline back.
    expect(back.clock.preHireEntry).toBe(entry);
    expect(back.clock.suspendedDays).toBeGreaterThan(55);
    expect(back.clock.deadline > back.clock.baseDeadline).toBe(true);
    const badReason = await coach.post(`/api/persons/${p.id}/transitions`, {
      transitionId: 'exit',
      fields: { date: today, exitReason: 'consolidated_insertion' },
      version: back.version,
    });
    expect(badReason.status).toBe(400);
    expect(badReason.json.error.field).toBe('fields.exitReason');
    const exited = await move(coach, p.id, 'exit', { date: today, exitReason: 'left_voluntarily' });
    expect(exited).toMatchObject({ phase: 'exited', allowedTransitions: [] });

    const events = await t.handle.db
      .selectFrom('trajectory_event')
      .select(['transition_id', 'from_phase', 'to_phase', 'reason', 'actor_id'])
      .where('person_id', '=', p.id)
      .orderBy('at')
      .execute();
    expect(events.map((e) => `${e.from_phase}>${e.to_phase}:${e.reason ?? ''}`)).toEqual([
      'intake>pre_hire:',
      'pre_hire>hiring:',
      'hiring>follow_up:',
      'follow_up>pre_hire:cdd_ended',
      'pre_hire>exited:left_voluntarily',
    ]);
    expect(events.every((e) => e.actor_id === coachId)).toBe(true);
    const timeline = exited.timeline as { type: string; title: string; date: string }[];
    expect(timeline.filter((e) => e.type === 'transition')).toHaveLength(5);
    expect(timeline[0]).toMatchObject({ type: 'transition', title: 'Sortie du jobcoaching', date: today });
    expect(timeline.some((e) => e.type === 'document' && e.title === 'Contrat de confiance signé')).toBe(
      true,
    );
  });

  it('shows one timeline of intake, assessment, contacts, transitions and documents, newest first', async () => {
    const p = await createPerson(
      coach,
      personBody(addDays(today, -20), {
        firstName: 'Chronologie',
        referral: {
          kind: 'word_of_mouth',
          receivedOn: addDays(today, -20),
          informationSessionOn: addDays(today, -18),
        },
      }),
    );
    const conditions = {
      aims_low_qualified_job: { met: true },
      available_short_notice: { met: true },
      faces_obstacles: { met: true },
      volunteers_after_information: { met: true },
    };
    await coach.post(`/api/persons/${p.id}/assessments`, {
      assessedOn: addDays(today, -15),
      conditions,
      decision: 'accepted',
    });
    await coach.post(`/api/persons/${p.id}/contacts`, {
      date: addDays(today, -12),
      channel: 'office_meeting',
      durationMinutes: 45,
      notes: 'Premier entretien',
    });
    await move(coach, p.id, 'enter_pre_hire', {
      date: addDays(today, -10),
      trustContractSignedOn: addDays(today, -11),
    });
    const last = await coach.post(`/api/persons/${p.id}/contacts`, {
      date: addDays(today, -2),
      personPresent: false,
      counterpart: 'Garage Lambert',
      channel: 'phone',
      nextPlannedOn: addDays(today, 3),
    });
    expect(last.status).toBe(201);
    const timeline = last.json.timeline as {
      type: string;
      date: string;
      title: string;
      authorName: string;
    }[];
    expect(timeline.map((e) => [e.type, e.date])).toEqual([
      ['contact', addDays(today, -2)],
      ['transition', addDays(today, -10)],
      ['document', addDays(today, -11)],
      ['contact', addDays(today, -12)],
      ['assessment', addDays(today, -15)],
      ['intake', addDays(today, -18)],
      ['intake', addDays(today, -20)],
    ]);
    expect(timeline[0]!.title).toBe('Téléphone avec Garage Lambert (à son sujet)');
    expect(timeline[0]!.authorName).toBe('karim');
    expect(last.json.cadence).toMatchObject({
      lastDirectContact: addDays(today, -12),
      nextPlanned: addDays(today, 3),
    });
  });

  it('audits every read of a person file', async () => {
    const p = await createPerson(coach, personBody(today, { firstName: 'Lue' }));
    await admin.get(`/api/persons/${p.id}`);
    const reads = await t.handle.db
      .selectFrom('audit_log')
      .select(['actor_id', 'organisation_id', 'details'])
      .where('action', '=', 'read')
      .where('entity', '=', 'person')
      .where('entity_id', '=', p.id)
      .execute();
    expect(reads).toHaveLength(1);
    expect(reads[0]!.organisation_id).toBe(orgA);
    expect(JSON.stringify(reads)).not.toContain('Lue');
  });

  it('produces the trust contract as a PDF with the person’s name, and records the signature', async () => {
    const p = await createPerson(coach, personBody(today, { firstName: 'Élodie', lastName: 'Vandenberghe' }));
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/trust-contract.pdf`,
      headers: { cookie: coach.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain(squash('Élodie Vandenberghe'));
    expect(text).toContain(squash('Contrat de confiance'));
    expect(text).toContain(squash('L’orienter vers les services partenaires'));
    expect(text).toContain('karim');
    const exports = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'export')
      .execute();
    expect(exports).toHaveLength(1);
    const future = await coach.put(`/api/persons/${p.id}/trust-contract`, { signedOn: addDays(today, 1) });
    expect(future.status).toBe(400);
    expect(future.json.error.field).toBe('signedOn');
    const signed = await coach.put(`/api/persons/${p.id}/trust-contract`, { signedOn: today });
    expect(signed.json).toMatchObject({ trustContractSignedOn: today, version: 2 });
    expect(signed.json.timeline[0]).toMatchObject({ type: 'document', title: 'Contrat de confiance signé' });
  });

  it('records employment periods on the person; CDD days suspend the pre-hire clock', async () => {
    const entry = addMonths(today, -2);
    const p = await createPerson(coach, personBody(entry, { firstName: 'Contrats' }));
    await move(coach, p.id, 'enter_pre_hire', { date: entry, trustContractSignedOn: entry });
    const backwards = await coach.post(`/api/persons/${p.id}/employment-periods`, {
      kind: 'cdd',
      start: addDays(today, -5),
      end: addDays(today, -10),
    });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.field).toBe('end');
    const added = await coach.post(`/api/persons/${p.id}/employment-periods`, {
      kind: 'cdd',
      start: addDays(today, -30),
      end: addDays(today, -21),
    });
    expect(added.status).toBe(201);
    expect(added.json.clock.suspendedDays).toBe(10);
    const periodId = added.json.employmentPeriods[0].id;
    expect((await outsider.delete(`/api/persons/${p.id}/employment-periods/${periodId}`)).status).toBe(404);
    const removed = await coach.delete(`/api/persons/${p.id}/employment-periods/${periodId}`);
    expect(removed.status).toBe(200);
    expect(removed.json.employmentPeriods).toEqual([]);
    expect(removed.json.clock.suspendedDays).toBe(0);
  });

  it('validates contacts: no future date, next contact not before this one', async () => {
    const p = await createPerson(coach, personBody(today, { firstName: 'Contacts' }));
    const future = await coach.post(`/api/persons/${p.id}/contacts`, {
      date: addDays(today, 1),
      channel: 'phone',
    });
    expect(future.status).toBe(400);
    expect(future.json.error.field).toBe('date');
    const before = await coach.post(`/api/persons/${p.id}/contacts`, {
      date: today,
      channel: 'phone',
      nextPlannedOn: addDays(today, -1),
    });
    expect(before.json.error.field).toBe('nextPlannedOn');
    const badChannel = await coach.post(`/api/persons/${p.id}/contacts`, {
      date: today,
      channel: 'pigeon',
    });
    expect(badChannel.json.error.field).toBe('channel');
  });

  it('reads and saves the organisation settings, checking the cadence with the domain', async () => {
    const defaults = await coach.get(`/api/organisations/${orgA}/settings`);
    expect(defaults.json).toMatchObject({
      personsPerFte: 20,
      cadence: { preHireDays: 7 },
      version: 0,
    });
    expect(defaults.json.trustContractTemplate).toMatch(/\{\{prenom\}\}/);
    const body = { ...defaults.json };
    expect((await coach.put(`/api/organisations/${orgA}/settings`, body)).status).toBe(403);
    const decreasing = await admin.put(`/api/organisations/${orgA}/settings`, {
      ...body,
      cadence: {
        preHireDays: 7,
        followUp: [
          { untilMonth: 3, days: 7 },
          { untilMonth: 2, days: 14 },
        ],
      },
    });
    expect(decreasing.status).toBe(400);
    expect(decreasing.json.error.field).toBe('cadence.followUp.1.untilMonth');
    const zero = await admin.put(`/api/organisations/${orgA}/settings`, {
      ...body,
      cadence: { ...body.cadence, preHireDays: 0 },
    });
    expect(zero.json.error.field).toBe('cadence.preHireDays');
    const placeholder = await admin.put(`/api/organisations/${orgA}/settings`, {
      ...body,
      trustContractTemplate: 'Bonjour {{prénom}}',
    });
    expect(placeholder.json.error.field).toBe('trustContractTemplate');
    const saved = await admin.put(`/api/organisations/${orgA}/settings`, {
      ...body,
      personsPerFte: 18,
      trustContractTemplate: '# Contrat\n\nEntre {{prenom}} {{nom}} et {{organisation}}.',
    });
    expect(saved.json).toMatchObject({ personsPerFte: 18, version: 1 });
    const stale = await admin.put(`/api/organisations/${orgA}/settings`, { ...body, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.current.personsPerFte).toBe(18);
    const p = await createPerson(coach, personBody(today, { firstName: 'Modèle', lastName: 'Propre' }));
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/trust-contract.pdf`,
      headers: { cookie: coach.cookie! },
    });
    expect(pdfText(pdf.rawPayload)).toContain(squash('Entre Modèle Propre et CPAS de Fleurus.'));
    expect((await evaluator.get(`/api/organisations/${orgA}/settings`)).status).toBe(200);
  });
});
