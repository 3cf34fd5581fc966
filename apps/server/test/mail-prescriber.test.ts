import { testTargets } from '@jobcoach/db/testing';
import { addDays } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../src/mail/outbox.ts';
import { smtpMailer } from '../src/mail/transport.ts';
import {
  addUser,
  type Client,
  createPerson,
  loginAs,
  personBody,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';
import { recipientOf, TestSmtp } from './smtp.ts';

const FROM = 'Jobcoach <jobcoach@fleurus.example>';
const met = { met: true, comment: 'Suivi par le service de santé mentale' };

/**
 * The prescriber's answer (persons/prescriber-answer.ts): the partner who referred a person hears
 * of the intake decision by e-mail, only with the person's consent to share with that partner in
 * force, and with nothing but the decision.
 */
describe.each(testTargets())('the prescriber’s answer on $driver', (target) => {
  const smtp = new TestSmtp();
  let t: TestApp;
  let coach: Client;
  let partnerId: string;
  let today: string;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp(target, { config: { smtpUrl: smtp.url, mailFrom: FROM } });
    const { organisationId } = await setupInstallation(t);
    await addUser(t, organisationId, 'coordination@fleurus.example', 'coordinator');
    coach = await loginAs(t, 'coordination@fleurus.example');
    today = t.clock.today();
    const partner = await coach.post('/api/partners', {
      name: 'Forem Charleroi',
      type: 'forem',
      contact: 'Mme Claes, conseillère — 071 20 00 00 — Claes.M@forem.example',
    });
    expect(partner.status).toBe(201);
    partnerId = partner.json.id;
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  const referred = (firstName: string) =>
    createPerson(
      coach,
      personBody(addDays(today, -10), {
        firstName,
        lastName: 'Verbrugghe',
        referral: { kind: 'partner', partnerId, receivedOn: addDays(today, -10) },
      }),
    );
  const consent = (personId: string) =>
    coach.post(`/api/persons/${personId}/consents`, {
      purpose: 'sharing_with_partner',
      partnerId,
      givenOn: addDays(today, -5),
      notice: 'Notice v2',
    });
  const assess = (personId: string, decision: string, extra: Record<string, unknown> = {}) =>
    coach.post(`/api/persons/${personId}/assessments`, {
      assessedOn: today,
      conditions: {
        aims_low_qualified_job: met,
        available_short_notice: met,
        faces_obstacles: met,
        volunteers_after_information: met,
      },
      decision,
      reason: 'Dépression sévère, traitement en cours',
      ...extra,
    });
  const outbox = () =>
    t.handle.db
      .selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'intake_decision')
      .orderBy('created_at')
      .execute();

  it('sends the decision to the partner’s contact when the person consented to sharing with it', async () => {
    const p = await referred('Anatole');
    expect((await consent(p.id)).status).toBe(201);
    const res = await assess(p.id, 'accepted');
    expect(res.status).toBe(201);
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.recipient).toBe('claes.m@forem.example');

    // Delivered: the decision and the name, never the reason nor the conditions' comments.
    expect(await deliverDue(t.app.deps.database, smtpMailer(smtp.url, FROM), () => new Date())).toMatchObject(
      {
        sent: 1,
      },
    );
    const [mail] = await smtp.waitFor(1);
    expect(recipientOf(mail!)).toBe('claes.m@forem.example');
    expect(mail!.subject).toBe('Jobcoach : suite donnée à votre orientation');
    expect(mail!.subject).not.toContain('Anatole');
    expect(mail!.text).toContain('Anatole Verbrugghe');
    expect(mail!.text).toContain("L'accompagnement en jobcoaching est accepté.");
    for (const body of [mail!.text ?? '', String(mail!.html)]) {
      expect(body).not.toContain('Dépression');
      expect(body).not.toContain('santé');
    }
    // The answer is a hand-off: the person's recipients list shows it.
    const handoffs = await coach.get(`/api/persons/${p.id}/handoffs`);
    expect(handoffs.json).toHaveLength(1);
    expect(handoffs.json[0]).toMatchObject({ partnerId, purpose: 'report_to_prescriber' });
  });

  it('says a postponement with its review date, and a redirection without naming the service', async () => {
    const p = await referred('Bérénice');
    await consent(p.id);
    const review = addDays(today, 30);
    expect((await assess(p.id, 'postponed', { reviewDate: review })).status).toBe(201);
    const q = await referred('Cyril');
    await consent(q.id);
    const other = await coach.post('/api/partners', { name: 'Centre de santé mentale Sud', type: 'health' });
    expect((await assess(q.id, 'redirected', { redirectPartnerId: other.json.id })).status).toBe(201);
    const rows = (await outbox()).slice(1);
    expect(rows).toHaveLength(2);
    const [y, m, d] = review.split('-');
    expect(rows[0]!.text_body).toContain(`réexaminée vers le ${d}/${m}/${y}`);
    expect(rows[1]!.text_body).toContain('réorientée vers un autre service');
    expect(rows[1]!.text_body).not.toContain('Centre de santé mentale');
  });

  it('sends nothing without the consent, or once it is withdrawn', async () => {
    const before = (await outbox()).length;
    const none = await referred('Damien');
    expect((await assess(none.id, 'accepted')).status).toBe(201);

    const withdrawn = await referred('Eliane');
    const given = await consent(withdrawn.id);
    const consentId = given.json.find((c: { purpose: string }) => c.purpose === 'sharing_with_partner').id;
    expect(
      (
        await coach.post(`/api/persons/${withdrawn.id}/consents/${consentId}/withdraw`, {
          withdrawnOn: today,
        })
      ).status,
    ).toBe(200);
    expect((await assess(withdrawn.id, 'accepted')).status).toBe(201);

    // A consent to share with another partner does not count.
    const elsewhere = await referred('Fabrice');
    const other = await coach.post('/api/partners', { name: 'CPAS de Charleroi', type: 'cpas' });
    await coach.post(`/api/persons/${elsewhere.id}/consents`, {
      purpose: 'sharing_with_partner',
      partnerId: other.json.id,
      givenOn: today,
      notice: 'Notice v2',
    });
    expect((await assess(elsewhere.id, 'accepted')).status).toBe(201);

    expect(await outbox()).toHaveLength(before);
    for (const p of [none, withdrawn, elsewhere]) {
      expect((await coach.get(`/api/persons/${p.id}/handoffs`)).json).toEqual([]);
    }
  });
});

describe.each(testTargets())('the prescriber’s answer without SMTP on $driver', (target) => {
  it('is not written: it would wait in the outbox with a person’s name', async () => {
    const t = await startTestApp(target);
    try {
      const { organisationId } = await setupInstallation(t);
      await addUser(t, organisationId, 'coordination@fleurus.example', 'coordinator');
      const coach = await loginAs(t, 'coordination@fleurus.example');
      const today = t.clock.today();
      const partner = await coach.post('/api/partners', {
        name: 'Forem',
        type: 'forem',
        contact: 'x@forem.example',
      });
      const p = await createPerson(
        coach,
        personBody(today, { referral: { kind: 'partner', partnerId: partner.json.id, receivedOn: today } }),
      );
      await coach.post(`/api/persons/${p.id}/consents`, {
        purpose: 'sharing_with_partner',
        partnerId: partner.json.id,
        givenOn: today,
        notice: 'Notice v2',
      });
      const res = await coach.post(`/api/persons/${p.id}/assessments`, {
        assessedOn: today,
        conditions: {
          aims_low_qualified_job: met,
          available_short_notice: met,
          faces_obstacles: met,
          volunteers_after_information: met,
        },
        decision: 'accepted',
      });
      expect(res.status).toBe(201);
      expect(await t.handle.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
