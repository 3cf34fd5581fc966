import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Context } from '../src/application/context.ts';
import { deliverDue, enqueueMail } from '../src/mail/outbox.ts';
import { smtpMailer } from '../src/mail/transport.ts';
import { OUTBOX_QUEUE, startJobs } from '../src/privacy/jobs.ts';
import { type Client, ManualClock, setupInstallation, startTestApp, type TestApp } from './helpers.ts';
import { recipientOf, TestSmtp } from './smtp.ts';

const FROM = 'Jobcoach <jobcoach@fleurus.example>';

/**
 * The e-mail outbox (docs/operations.md, "E-mail"): a message is written in the transaction of
 * the change that causes it, delivered through a real SMTP exchange, kept while the SMTP server is
 * away, and sent once even when two deliveries run at once.
 */
describe.each(testTargets())('the e-mail outbox on $driver', (target) => {
  const smtp = new TestSmtp();
  let t: TestApp;
  let admin: Client;
  let organisationId: string;
  const clock = new ManualClock();

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp(target, { clock, config: { smtpUrl: smtp.url, mailFrom: FROM } });
    ({ admin, organisationId } = await setupInstallation(t));
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  const context = () =>
    Context.create(t.app.deps, organisationId, { userId: null, role: 'coordinator', clientAddress: null });
  const enqueue = (to: string, subject = 'Un message') =>
    context().transaction((tx) =>
      enqueueMail(tx, 'invitation', {
        to,
        subject,
        text: `Bonjour,\n\nOuvrez ce lien : https://jobcoach.example/x/${to}\n`,
        html: `<p>Bonjour,</p><p><a href="https://jobcoach.example/x/${to}">Ouvrir</a></p>`,
      }),
    );
  const mailer = () => smtpMailer(smtp.url, FROM);

  it('writes nothing when the change that causes the message fails', async () => {
    await expect(
      context().transaction(async (tx) => {
        await enqueueMail(tx, 'invitation', { to: 'x@example.org', subject: 's', text: 't', html: null });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    await expect(
      enqueueMail(context(), 'invitation', { to: 'x@example.org', subject: 's', text: 't', html: null }),
    ).rejects.toThrow(/transaction/);
    expect((await admin.get('/api/outbox')).json).toMatchObject({ configured: true, pending: 0, failed: 0 });
  });

  it('delivers a message through SMTP, text and HTML, from MAIL_FROM', async () => {
    await enqueue('anna@fleurus.example', 'Votre invitation');
    expect((await admin.get('/api/outbox')).json).toMatchObject({ pending: 1 });
    expect(await deliverDue(t.app.deps.database, mailer(), () => clock.now())).toEqual({
      sent: 1,
      failed: 0,
    });
    const [mail] = await smtp.waitFor(1);
    expect(recipientOf(mail!)).toBe('anna@fleurus.example');
    expect(mail!.from?.value[0]?.address).toBe('jobcoach@fleurus.example');
    expect(mail!.subject).toBe('Votre invitation');
    expect(mail!.text).toContain('https://jobcoach.example/x/anna@fleurus.example');
    expect(mail!.html).toContain('<a href="https://jobcoach.example/x/anna@fleurus.example">');
    // Sent: not pending any more, and the body is not kept.
    expect((await admin.get('/api/outbox')).json).toMatchObject({ pending: 0, oldestPendingAt: null });
    const row = await t.handle.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();
    expect(row.text_body).toBe('');
    // Nothing left to send: a second run sends nothing.
    expect(await deliverDue(t.app.deps.database, mailer(), () => clock.now())).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps the message while the SMTP server is away, tries again later, and sends it once', async () => {
    smtp.received.length = 0;
    await smtp.stop();
    await enqueue('bernard@mirec.example');
    expect(await deliverDue(t.app.deps.database, mailer(), () => clock.now())).toEqual({
      sent: 0,
      failed: 1,
    });
    const row = await t.handle.db
      .selectFrom('outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/^[A-Z_]+$/);
    expect(row.text_body).toContain('Bonjour');
    await smtp.start();
    // Back-off: not before a minute has passed.
    expect(await deliverDue(t.app.deps.database, mailer(), () => clock.now())).toEqual({
      sent: 0,
      failed: 0,
    });
    expect((await admin.get('/api/outbox')).json).toMatchObject({ pending: 1 });
    clock.advance(61);
    expect(await deliverDue(t.app.deps.database, mailer(), () => clock.now())).toEqual({
      sent: 1,
      failed: 0,
    });
    await smtp.waitFor(1);
    expect(smtp.received.map(recipientOf)).toEqual(['bernard@mirec.example']);
  });

  it('sends each message once when two deliveries run at once', async () => {
    smtp.received.length = 0;
    const recipients = Array.from({ length: 12 }, (_, i) => `personne${i}@example.org`);
    for (const to of recipients) await enqueue(to);
    const [a, b] = await Promise.all([
      deliverDue(t.app.deps.database, mailer(), () => clock.now()),
      deliverDue(t.app.deps.database, mailer(), () => clock.now()),
    ]);
    expect(a.sent + b.sent).toBe(12);
    await smtp.waitFor(12);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received.map(recipientOf).sort()).toEqual([...recipients].sort());
  });

  it('is delivered by the background job', async () => {
    smtp.received.length = 0;
    await enqueue('carla@example.org');
    const jobs = await startJobs(t.app.deps, { schedule: false, pollingIntervalSeconds: 0.5 });
    try {
      await jobs.boss.send(OUTBOX_QUEUE, {});
      await smtp.waitFor(1, 20_000);
      expect(smtp.received.map(recipientOf)).toEqual(['carla@example.org']);
    } finally {
      await jobs.stop();
    }
  });
});

describe.each(testTargets())('the outbox without SMTP on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let organisationId: string;

  beforeAll(async () => {
    t = await startTestApp(target, { config: { smtpUrl: undefined } });
    ({ admin, organisationId } = await setupInstallation(t));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('still fills, and the administrator sees what waits', async () => {
    const ctx = Context.create(t.app.deps, organisationId, {
      userId: null,
      role: 'coordinator',
      clientAddress: null,
    });
    await ctx.transaction((tx) =>
      enqueueMail(tx, 'invitation', {
        to: 'dora@example.org',
        subject: 'Invitation',
        text: 'Bonjour',
        html: null,
      }),
    );
    const res = await admin.get('/api/outbox');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ configured: false, pending: 1, failed: 0 });
    expect(typeof res.json.oldestPendingAt).toBe('string');
    // Counts only: no address, subject or body.
    expect(JSON.stringify(res.json)).not.toContain('dora');
    expect(t.app.deps.mailer).toBeNull();
  });
});
