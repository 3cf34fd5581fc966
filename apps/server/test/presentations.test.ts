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
  setPresentationCap,
  setupInstallation,
  startTestApp,
  type TestApp,
  vacancyBody,
} from './helpers.ts';

describe.each(testTargets())('presentations on $driver', (target) => {
  let t: TestApp;
  let coach: Client;
  let outsider: Client;
  let evaluator: Client;
  let orgA: string;
  let today: string;
  let employerId: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    let basinId: string;
    let admin: Client;
    ({ admin, organisationId: orgA, basinId } = await setupInstallation(t));
    const orgB = await createOrganisation(admin, 'EDIT Verviers', basinId);
    await addUser(t, orgA, 'karim@fleurus.example', 'jobcoach');
    await addUser(t, orgA, 'eva@fleurus.example', 'evaluator');
    await addUser(t, orgB, 'bruno@edit.example', 'jobcoach');
    coach = await loginAs(t, 'karim@fleurus.example');
    evaluator = await loginAs(t, 'eva@fleurus.example');
    outsider = await loginAs(t, 'bruno@edit.example');
    today = t.clock.today();
    employerId = (await createEmployer(coach, employerBody({ name: 'Supermarché du Centre' }))).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Records a step, reading the current version first; returns the raw answer. */
  async function step(id: string, body: Record<string, unknown>) {
    const current = (await coach.get(`/api/presentations?limit=1000`)).json.find(
      (p: { id: string }) => p.id === id,
    );
    return coach.post(`/api/presentations/${id}/steps`, { date: today, ...body, version: current.version });
  }

  it('caps the candidates presented at once per vacancy (1, as in Verviers) with a clear message', async () => {
    await setPresentationCap(t, orgA, 1);
    const v = await createVacancy(coach, vacancyBody(employerId, today, { title: 'Réassortisseur' }));
    expect((await coach.get(`/api/vacancies/${v.id}`)).json.presentationCap).toBe(1);
    const p1 = await createPreHirePerson(coach, today, { firstName: 'Ahmed' });
    const p2 = await createPreHirePerson(coach, today, { firstName: 'Béatrice' });
    const first = await coach.post('/api/presentations', { personId: p1.id, vacancyId: v.id });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      personId: p1.id,
      vacancyId: v.id,
      step: 'proposed',
      active: true,
      vacancyTitle: 'Réassortisseur',
      employerName: 'Supermarché du Centre',
      history: [{ step: 'proposed', date: today, authorName: 'karim' }],
      allowedSteps: [{ step: 'discussed' }, { step: 'withdrawn' }],
      version: 1,
    });
    const second = await coach.post('/api/presentations', { personId: p2.id, vacancyId: v.id });
    expect(second.status).toBe(409);
    expect(second.json.error).toMatchObject({ code: 'presentation_cap', cap: 1, active: 1 });
    expect(second.json.error.message).toBe(
      'Votre organisation présente au plus 1 candidat·e à la fois pour une offre, et 1 est déjà en cours pour « Réassortisseur ». Clôturez une candidature (refus, désistement, engagement…) avant d’en proposer une autre.',
    );
    // Once the first person declines, the next one may be proposed.
    expect((await step(first.json.id, { step: 'discussed' })).status).toBe(200);
    const noReason = await step(first.json.id, { step: 'declined' });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.field).toBe('reason');
    const declined = await step(first.json.id, {
      step: 'declined',
      reason: 'Horaires incompatibles avec la crèche',
    });
    expect(declined.json).toMatchObject({ step: 'declined', active: false, allowedSteps: [] });
    expect((await coach.post('/api/presentations', { personId: p2.id, vacancyId: v.id })).status).toBe(201);
    await setPresentationCap(t, orgA, 3);
  });

  it('follows the workflow, refusing a step it does not allow with the allowed ones (409)', async () => {
    const v = await createVacancy(coach, vacancyBody(employerId, today, { title: 'Caissier' }));
    const p = await createPreHirePerson(coach, today, { firstName: 'Chloé' });
    const created = (await coach.post('/api/presentations', { personId: p.id, vacancyId: v.id })).json;
    const skip = await step(created.id, { step: 'interview' });
    expect(skip.status).toBe(409);
    expect(skip.json.error).toMatchObject({
      code: 'step_not_allowed',
      allowed: [
        { step: 'discussed', label: 'Discutée avec la personne' },
        { step: 'withdrawn', label: 'Retirée' },
      ],
    });
    expect(skip.json.error.message).toMatch(/Étapes possibles : « Discutée avec la personne », « Retirée »/);
    expect((await step(created.id, { step: 'discussed' })).status).toBe(200);
    expect((await step(created.id, { step: 'applied' })).status).toBe(200);
    const noChannel = await step(created.id, { step: 'introduced' });
    expect(noChannel.status).toBe(400);
    expect(noChannel.json.error.field).toBe('channel');
    const introduced = await step(created.id, { step: 'introduced', channel: 'accompanied_interview' });
    expect(introduced.json.history.map((h: { step: string }) => h.step)).toEqual([
      'proposed',
      'discussed',
      'applied',
      'introduced',
    ]);
    expect(introduced.json.history[3].channel).toBe('accompanied_interview');
    const refused = await step(created.id, { step: 'refused', reason: 'Profil jugé trop éloigné' });
    expect(refused.json).toMatchObject({ step: 'refused', active: false });
    const after = await step(created.id, { step: 'hired' });
    expect(after.status).toBe(409);
    expect(after.json.error.message).toMatch(/close/);
    // A stale version is refused.
    const stale = await coach.post(`/api/presentations/${created.id}/steps`, {
      step: 'withdrawn',
      date: today,
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('stale_version');
  });

  it('moves a hired person to hiring through the trajectory, and fills the vacancy', async () => {
    const v = await createVacancy(coach, vacancyBody(employerId, today, { title: 'Boulanger', openings: 1 }));
    const p = await createPreHirePerson(coach, today, { firstName: 'Didier' });
    const other = await createPreHirePerson(coach, today, { firstName: 'Élise' });
    const id = (await coach.post('/api/presentations', { personId: p.id, vacancyId: v.id })).json.id;
    const otherId = (await coach.post('/api/presentations', { personId: other.id, vacancyId: v.id })).json.id;
    for (const s of ['discussed', 'applied']) await step(id, { step: s });
    await step(id, { step: 'introduced', channel: 'cv' });
    await step(id, { step: 'interview', date: addDays(today, -1) });
    const future = await step(id, { step: 'hired', date: addDays(today, 1) });
    expect(future.status).toBe(400);
    expect(future.json.error.field).toBe('date');
    const hired = await step(id, { step: 'hired' });
    expect(hired.status).toBe(200);
    expect(hired.json).toMatchObject({ step: 'hired', active: false });
    const file = (await coach.get(`/api/persons/${p.id}`)).json;
    expect(file).toMatchObject({ phase: 'hiring', phaseSince: today });
    const transition = file.timeline.find((e: { type: string }) => e.type === 'transition');
    expect(transition).toMatchObject({
      type: 'transition',
      date: today,
      title: 'Passage à l’embauche (appariement confirmé avec un employeur)',
    });
    expect(transition.detail).toMatch(/Boulanger/);
    // Every step of the presentation is in the person's timeline too.
    const steps = file.timeline.filter((e: { type: string }) => e.type === 'presentation');
    expect(steps.map((e: { title: string }) => e.title.replace(/.*: /, ''))).toEqual(
      expect.arrayContaining(['Proposée', 'Engagée']),
    );
    expect(steps[0].title).toMatch(/^Candidature « Boulanger »/);
    const vacancy = (await coach.get(`/api/vacancies/${v.id}`)).json;
    expect(vacancy).toMatchObject({ status: 'filled', closedOn: today, activePresentations: 1 });
    // The other candidate is still pending; a new proposal is refused on a filled vacancy.
    expect((await coach.get(`/api/presentations?vacancyId=${v.id}`)).json).toHaveLength(2);
    const third = await createPreHirePerson(coach, today, { firstName: 'Farid' });
    const late = await coach.post('/api/presentations', { personId: third.id, vacancyId: v.id });
    expect(late.status).toBe(409);
    expect((await step(otherId, { step: 'withdrawn', reason: 'Poste pourvu' })).status).toBe(200);
    // Someone already in hiring cannot be hired twice: the trajectory refuses it.
    const v2 = await createVacancy(coach, vacancyBody(employerId, today, { title: 'Vendeur' }));
    const again = await coach.post('/api/presentations', { personId: p.id, vacancyId: v2.id });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/pas en pré-embauche/);
  });

  it('refuses a person outside pre-hire, a duplicate, other organisations (404) and evaluators (403)', async () => {
    const v = await createVacancy(coach, vacancyBody(employerId, today, { title: 'Commis de cuisine' }));
    const intake = await createPerson(coach, personBody(addDays(today, -2), { firstName: 'Gaston' }));
    const refused = await coach.post('/api/presentations', { personId: intake.id, vacancyId: v.id });
    expect(refused.status).toBe(409);
    expect(refused.json.error.field).toBe('personId');
    const p = await createPreHirePerson(coach, today, { firstName: 'Hugo' });
    const created = await coach.post('/api/presentations', { personId: p.id, vacancyId: v.id });
    const twice = await coach.post('/api/presentations', { personId: p.id, vacancyId: v.id });
    expect(twice.status).toBe(409);
    expect(twice.json.error.existingId).toBe(created.json.id);
    expect((await outsider.post('/api/presentations', { personId: p.id, vacancyId: v.id })).status).toBe(404);
    expect(
      (
        await outsider.post(`/api/presentations/${created.json.id}/steps`, {
          step: 'discussed',
          date: today,
          version: 1,
        })
      ).status,
    ).toBe(404);
    expect((await outsider.get(`/api/presentations?vacancyId=${v.id}`)).json).toEqual([]);
    expect((await evaluator.get('/api/presentations')).status).toBe(403);
    expect((await evaluator.post('/api/presentations', { personId: p.id, vacancyId: v.id })).status).toBe(
      403,
    );
    // The matching lists show the active presentation beside the person.
    const matches = (await coach.get(`/api/vacancies/${v.id}/matches`)).json;
    expect(matches.find((m: { person: { id: string } }) => m.person.id === p.id).presentation).toEqual({
      id: created.json.id,
      step: 'proposed',
    });
  });

  it('caps at 3 by default, when the organisation saved no setting', async () => {
    const admin = await loginAs(t, 'admin@example.org');
    const v = await createVacancy(coach, vacancyBody(employerId, today, { title: 'Manutentionnaire' }));
    await t.handle.db.deleteFrom('organisation_settings').where('organisation_id', '=', orgA).execute();
    expect((await admin.get(`/api/vacancies/${v.id}`)).json.presentationCap).toBe(3);
    for (const name of ['Ines', 'Jules', 'Kevin']) {
      const p = await createPreHirePerson(coach, today, { firstName: name });
      expect((await coach.post('/api/presentations', { personId: p.id, vacancyId: v.id })).status).toBe(201);
    }
    const p = await createPreHirePerson(coach, today, { firstName: 'Laura' });
    const fourth = await coach.post('/api/presentations', { personId: p.id, vacancyId: v.id });
    expect(fourth.status).toBe(409);
    expect(fourth.json.error).toMatchObject({ code: 'presentation_cap', cap: 3, active: 3 });
  });
});
