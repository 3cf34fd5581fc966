import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../src/mail/outbox.ts';
import { smtpMailer } from '../src/mail/transport.ts';
import {
  addUser,
  Client,
  ManualClock,
  PASSWORD,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';
import { recipientOf, TestSmtp } from './smtp.ts';

const NEW_PASSWORD = 'une toute nouvelle phrase secrète';

/**
 * « Mot de passe oublié ? » through a real SMTP exchange: the link arrives, works once within the
 * hour, ends every session; an unknown address gets the same answer and nothing is sent.
 */
describe.each(testTargets())('password reset by e-mail on $driver', (target) => {
  const smtp = new TestSmtp();
  const clock = new ManualClock();
  let t: TestApp;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp(target, {
      clock,
      config: { smtpUrl: smtp.url, mailFrom: 'Jobcoach <jobcoach@fleurus.example>' },
    });
    const { organisationId } = await setupInstallation(t);
    await addUser(t, organisationId, 'anna@fleurus.example', 'jobcoach');
    await addUser(t, organisationId, 'bruno@fleurus.example', 'jobcoach');
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  const deliver = () =>
    deliverDue(t.app.deps.database, smtpMailer(smtp.url, 'jobcoach@fleurus.example'), () => clock.now());
  const ask = (email: string, address = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email },
      remoteAddress: address,
    });
  const linkIn = (text: string) => {
    const match = /(http:\/\/\S+)\/reset-password\?token=(\S+)/.exec(text);
    if (!match) throw new Error('no link in the message');
    return { base: match[1], token: decodeURIComponent(match[2]!) };
  };
  const outboxSize = () =>
    t.handle.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));

  it('sends a single-use link that ends every session of the account', async () => {
    const first = new Client(t.app);
    await first.login('anna@fleurus.example');
    const second = new Client(t.app);
    await second.login('anna@fleurus.example');

    const res = await ask('  Anna@Fleurus.example ');
    expect(res.statusCode).toBe(202);
    expect(res.body).toBe('');
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(recipientOf(mail!)).toBe('anna@fleurus.example');
    expect(mail!.subject).not.toContain('anna');
    const { base, token } = linkIn(mail!.text ?? '');
    expect(base).toBe(t.app.deps.config.publicUrl);
    expect(mail!.html).toContain('/reset-password?token=');

    // Weak password: refused, naming the field, and the link still works afterwards.
    const weak = await new Client(t.app).post('/api/auth/password-reset/confirm', {
      token,
      newPassword: 'anna@fleurus.example',
    });
    expect(weak.status).toBe(400);
    expect(weak.json.error.field).toBe('newPassword');

    const done = await new Client(t.app).post('/api/auth/password-reset/confirm', {
      token,
      newPassword: NEW_PASSWORD,
    });
    expect(done.status).toBe(204);
    // Every session of the account is over.
    expect((await first.get('/api/auth/me')).status).toBe(401);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    // The old password is gone, the new one works.
    expect(
      (await new Client(t.app).post('/api/auth/login', { email: 'anna@fleurus.example', password: PASSWORD }))
        .status,
    ).toBe(401);
    await new Client(t.app).login('anna@fleurus.example', NEW_PASSWORD);
    // Once only.
    const again = await new Client(t.app).post('/api/auth/password-reset/confirm', {
      token,
      newPassword: `${NEW_PASSWORD} bis`,
    });
    expect(again.status).toBe(400);
    expect(again.json.error.field).toBe('token');
    await new Client(t.app).login('anna@fleurus.example', NEW_PASSWORD);
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    smtp.received.length = 0;
    const before = await outboxSize();
    const unknown = await ask('personne@nulle-part.example', '10.0.0.2');
    const known = await ask('bruno@fleurus.example', '10.0.0.2');
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['content-type']).toBe(known.headers['content-type']);
    expect(unknown.headers['content-length']).toBe(known.headers['content-length']);
    expect(await outboxSize()).toBe(before + 1);
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    await smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received.map(recipientOf)).toEqual(['bruno@fleurus.example']);
  });

  it('refuses a link after an hour', async () => {
    smtp.received.length = 0;
    clock.advance(3600);
    expect((await ask('bruno@fleurus.example', '10.0.0.3')).statusCode).toBe(202);
    await deliver();
    const [mail] = await smtp.waitFor(1);
    const { token } = linkIn(mail!.text ?? '');
    clock.advance(3601);
    const late = await new Client(t.app).post('/api/auth/password-reset/confirm', {
      token,
      newPassword: NEW_PASSWORD,
    });
    expect(late.status).toBe(400);
    expect(late.json.error.field).toBe('token');
    await new Client(t.app).login('bruno@fleurus.example');
  });

  it('limits the requests per address typed, known or not, the same way', async () => {
    for (const email of ['bruno@fleurus.example', 'inconnu@nulle-part.example']) {
      for (let i = 0; i < 3; i++) expect((await ask(email, `10.0.1.${i}`)).statusCode).toBe(202);
      const refused = await ask(email, '10.0.1.9');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.message).toMatch(/Trop de demandes/);
    }
  });

  it('refuses a made-up token, naming the field', async () => {
    const res = await new Client(t.app).post('/api/auth/password-reset/confirm', {
      token: 'nimporte-quoi',
      newPassword: NEW_PASSWORD,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe('token');
    const empty = await new Client(t.app).post('/api/auth/password-reset', { email: '' });
    expect(empty.status).toBe(400);
    expect(empty.json.error.field).toBe('email');
  });

  it('writes to the account in its language', async () => {
    // Past the throttle's window of the requests above, whose messages leave first.
    clock.advance(3600);
    await deliver();
    await new Promise((r) => setTimeout(r, 300));
    smtp.received.length = 0;
    await t.handle.db
      .updateTable('app_user')
      .set({ language: 'de' })
      .where('email', '=', 'bruno@fleurus.example')
      .execute();
    expect((await ask('bruno@fleurus.example', '10.0.0.4')).statusCode).toBe(202);
    await deliver();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe('Jobcoach: Passwort zurücksetzen');
    expect(mail!.text).toContain('Dieser Link funktioniert nur einmal und ist nur 60 Minuten gültig.');
    expect(mail!.html).toContain('<html lang="de">');
    expect(linkIn(mail!.text ?? '').token).toBeTruthy();
  });
});
