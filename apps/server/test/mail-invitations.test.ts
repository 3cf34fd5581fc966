import { randomBytes } from 'node:crypto';
import { migrate, openDatabase } from '@jobcoach/db';
import { testTargets } from '@jobcoach/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { deliverDue } from '../src/mail/outbox.ts';
import { smtpMailer } from '../src/mail/transport.ts';
import { OUTBOX_QUEUE, startJobs } from '../src/privacy/jobs.ts';
import {
  addUser,
  Client,
  loginAs,
  ManualClock,
  PASSWORD,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';
import { recipientOf, TestSmtp } from './smtp.ts';

const FROM = 'Jobcoach <jobcoach@fleurus.example>';
const CHOSEN = 'ma phrase de passe à moi seule';

const linkIn = (text: string | undefined) =>
  /(https?:\/\/\S+\/invitation\?token=[^\s]+)/.exec(text ?? '')?.[1];
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

/**
 * Invitations by e-mail (users/invitations.ts, mail/): the invitation travels through the outbox
 * and a real SMTP exchange; its link, once and for 7 days, lets a new member choose a password;
 * an existing account's owner is sent to accept after logging in.
 */
describe.each(testTargets())('invitations by e-mail on $driver', (target) => {
  const smtp = new TestSmtp();
  const clock = new ManualClock();
  let t: TestApp;
  let coordinator: Client;
  let organisationId: string;
  const deliver = () => deliverDue(t.app.deps.database, smtpMailer(smtp.url, FROM), () => clock.now());

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp(target, {
      clock,
      config: { smtpUrl: smtp.url, mailFrom: FROM, publicUrl: 'https://jobcoach.fleurus.example' },
    });
    ({ organisationId } = await setupInstallation(t));
    await addUser(t, organisationId, 'coordination@fleurus.example', 'coordinator');
    coordinator = await loginAs(t, 'coordination@fleurus.example');
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  const invite = (email: string, extra: Record<string, unknown> = {}) =>
    coordinator.post(`/api/organisations/${organisationId}/users`, {
      name: 'Nina Nouvelle',
      email,
      role: 'jobcoach',
      fte: 0.8,
      ...extra,
    });

  it('sends a link that sets the new member’s password once, and they sign in', async () => {
    smtp.received.length = 0;
    const res = await invite('nina@fleurus.example');
    expect(res.status).toBe(201);
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(recipientOf(mail!)).toBe('nina@fleurus.example');
    expect(mail!.subject).toBe('Jobcoach : invitation à rejoindre une équipe');
    expect(mail!.text).toContain('« CPAS de Fleurus »');
    const link = linkIn(mail!.text);
    expect(link?.startsWith('https://jobcoach.fleurus.example/invitation?token=')).toBe(true);
    expect(mail!.html).toContain(`href="${link!.replace(/&/g, '&#38;')}"`);
    // Only the token's digest is kept, and the sent body is dropped.
    const token = tokenOf(link!);
    const row = await t.handle.db
      .selectFrom('invitation')
      .select('token_hash')
      .where('email', '=', 'nina@fleurus.example')
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(token);

    // Nobody can sign in before the link is used: the account's password is unknown.
    const early = await new Client(t.app).post('/api/auth/login', {
      email: 'nina@fleurus.example',
      password: PASSWORD,
    });
    expect(early.status).toBe(401);

    const anonymous = new Client(t.app);
    const weak = await anonymous.post('/api/auth/invitation-link', { token, newPassword: 'court' });
    expect(weak.status).toBe(400);
    expect(weak.json.error.field).toBe('newPassword');
    expect((await anonymous.post('/api/auth/invitation-link', { token, newPassword: CHOSEN })).status).toBe(
      204,
    );
    // Once.
    const again = await anonymous.post('/api/auth/invitation-link', { token, newPassword: `${CHOSEN} bis` });
    expect(again.status).toBe(400);
    expect(again.json.error.field).toBe('token');

    const nina = new Client(t.app);
    const me = await nina.login('nina@fleurus.example', CHOSEN);
    expect(me.user.mustChangePassword).toBe(false);
    expect(me.memberships).toHaveLength(1);
    expect(me.memberships[0]).toMatchObject({ organisationId, role: 'jobcoach' });
    expect(me.invitations).toEqual([]);
  });

  it('refuses a link past 7 days, or replaced by a new invitation', async () => {
    smtp.received.length = 0;
    await invite('omar@fleurus.example');
    await invite('omar@fleurus.example');
    await deliver();
    const [first, second] = await smtp.waitFor(2);
    const replaced = await new Client(t.app).post('/api/auth/invitation-link', {
      token: tokenOf(linkIn(first!.text)!),
      newPassword: CHOSEN,
    });
    expect(replaced.status).toBe(400);
    clock.advance(7 * 86_400 + 60);
    const late = await new Client(t.app).post('/api/auth/invitation-link', {
      token: tokenOf(linkIn(second!.text)!),
      newPassword: CHOSEN,
    });
    expect(late.status).toBe(400);
    expect(late.json.error.field).toBe('token');
    // The coordinator's session did not outlive the week either.
    coordinator = await loginAs(t, 'coordination@fleurus.example');
  });

  it('sends an existing account to log in and accept: no password travels', async () => {
    smtp.received.length = 0;
    // An account of no organisation here, whose owner reads Dutch.
    const pieterId = await addUser(t, organisationId, 'pieter@vdab.example', 'jobcoach');
    await t.handle.db.deleteFrom('membership').where('user_id', '=', pieterId).execute();
    await t.handle.db.updateTable('app_user').set({ language: 'nl' }).where('id', '=', pieterId).execute();
    expect((await invite('pieter@vdab.example')).status).toBe(201);
    await deliver();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe('Jobcoach: uitnodiging om bij een team te komen');
    expect(linkIn(mail!.text)).toBeUndefined();
    expect(mail!.text).toContain('https://jobcoach.fleurus.example/invitations');
    // The owner accepts after logging in with their own password.
    const pieter = await loginAs(t, 'pieter@vdab.example');
    const me = await pieter.get('/api/auth/me');
    expect(me.json.invitations).toHaveLength(1);
  });

  it('keeps the invitation in the outbox while the SMTP server is away, and delivers it once when it is back', async () => {
    smtp.received.length = 0;
    await smtp.stop();
    expect((await invite('paula@fleurus.example')).status).toBe(201);
    expect(await deliver()).toEqual({ sent: 0, failed: 1 });
    const waiting = await t.handle.db
      .selectFrom('outbox')
      .selectAll()
      .where('recipient', '=', 'paula@fleurus.example')
      .executeTakeFirstOrThrow();
    expect(waiting.sent_at).toBeNull();
    expect(waiting.kind).toBe('invitation');
    await smtp.start();
    clock.advance(61);
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
    await smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received.map(recipientOf)).toEqual(['paula@fleurus.example']);
  });

  it('keeps the temporary password as another way in', async () => {
    expect(
      (await invite('quentin@fleurus.example', { temporaryPassword: 'provisoire-2026-quentin' })).status,
    ).toBe(201);
    const quentin = new Client(t.app);
    const me = await quentin.login('quentin@fleurus.example', 'provisoire-2026-quentin');
    expect(me.user.mustChangePassword).toBe(true);
  });
});

describe.each(testTargets())('invitations without SMTP on $driver', (target) => {
  it('needs the temporary password, the only way in', async () => {
    const t = await startTestApp(target);
    try {
      const { organisationId } = await setupInstallation(t);
      await addUser(t, organisationId, 'coordination@fleurus.example', 'coordinator');
      const coordinator = await loginAs(t, 'coordination@fleurus.example');
      const body = { name: 'Nina', email: 'nina@fleurus.example', role: 'jobcoach' };
      const refused = await coordinator.post(`/api/organisations/${organisationId}/users`, body);
      expect(refused.status).toBe(400);
      expect(refused.json.error.field).toBe('temporaryPassword');
      expect(
        await t.handle.db
          .selectFrom('app_user')
          .select('id')
          .where('email', '=', 'nina@fleurus.example')
          .execute(),
      ).toEqual([]);
      const ok = await coordinator.post(`/api/organisations/${organisationId}/users`, {
        ...body,
        temporaryPassword: 'provisoire-2026-nina',
      });
      expect(ok.status).toBe(201);
      expect(await t.handle.db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

/**
 * Two server instances on the same PostgreSQL database, each with its background worker: an
 * invitation is delivered once, after the SMTP server comes back. PostgreSQL only (the embedded
 * database has one process by construction): skipped unless TEST_DATABASE_URL is set.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('invitations with two instances on PostgreSQL', () => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `jobcoach_test_${randomBytes(6).toString('hex')}`;
  const smtp = new TestSmtp();
  const clock = new ManualClock();
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await smtp.start();
    await admin(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await smtp.stop();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('delivers each invitation once, whichever instance claims it, after the SMTP server is back', async () => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const handles = [
      await openDatabase({ databaseUrl: url.toString(), poolSize: 4 }),
      await openDatabase({ databaseUrl: url.toString(), poolSize: 4 }),
    ];
    await migrate(handles[0]!.db);
    const config = loadConfig(
      {},
      { allowTestClock: true, logLevel: 'silent', smtpUrl: smtp.url, mailFrom: FROM },
    );
    const apps = await Promise.all(
      handles.map((database) => buildApp({ database, config, clock, web: false, logger: false })),
    );
    const jobs: Awaited<ReturnType<typeof startJobs>>[] = [];
    try {
      for (const app of apps) await app.ready();
      const t = { app: apps[0]!, handle: handles[0]!, clock, close: async () => {} } as TestApp;
      const { organisationId } = await setupInstallation(t);
      await addUser(t, organisationId, 'coordination@fleurus.example', 'coordinator');
      // The coordinator works on the second instance.
      const coordinator = new Client(apps[1]!);
      await coordinator.login('coordination@fleurus.example');

      await smtp.stop();
      const recipients = Array.from({ length: 6 }, (_, i) => `membre${i}@fleurus.example`);
      for (const email of recipients) {
        const res = await coordinator.post(`/api/organisations/${organisationId}/users`, {
          name: 'Membre',
          email,
          role: 'jobcoach',
        });
        expect(res.status).toBe(201);
      }
      for (const app of apps) {
        jobs.push(await startJobs(app.deps, { schedule: false, pollingIntervalSeconds: 0.5 }));
      }
      // Both workers try while the server is away: every message stays, none is lost.
      await Promise.all(jobs.map((j) => j.boss.send(OUTBOX_QUEUE, {})));
      const pending = () =>
        handles[0]!.db
          .selectFrom('outbox')
          .select(['attempts', 'sent_at'])
          .where('kind', '=', 'invitation')
          .execute();
      await expect
        .poll(async () => (await pending()).every((r) => r.attempts >= 1), { timeout: 20_000 })
        .toBe(true);
      expect((await pending()).filter((r) => r.sent_at !== null)).toHaveLength(0);

      await smtp.start();
      clock.advance(61);
      // Both instances are asked to deliver, several times each, at once.
      for (let i = 0; i < 3; i++) await Promise.all(jobs.map((j) => j.boss.send(OUTBOX_QUEUE, {})));
      await smtp.waitFor(recipients.length, 30_000);
      await expect
        .poll(async () => (await pending()).every((r) => r.sent_at !== null), { timeout: 20_000 })
        .toBe(true);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(smtp.received.map(recipientOf).sort()).toEqual([...recipients].sort());
    } finally {
      for (const j of jobs) await j.stop();
      for (const app of apps) await app.close();
      for (const h of handles) await h.close();
    }
  }, 120_000);
});
