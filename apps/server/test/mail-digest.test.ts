import { testTargets } from '@jobcoach/db/testing';
import { addDays } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestSection, writeMorningDigests } from '../src/mail/digest.ts';
import { smtpMailer } from '../src/mail/transport.ts';
import { DIGEST_QUEUE, startJobs } from '../src/privacy/jobs.ts';
import {
  addUser,
  type Client,
  createEmployer,
  createPerson,
  createPreHirePerson,
  employerBody,
  loginAs,
  ManualClock,
  move,
  personBody,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';

const URL_BASE = 'https://jobcoach.forma.example';
/** A Thursday, a Saturday and Christmas (a Friday) in 2026. */
const THURSDAY = '2026-12-03';
const SATURDAY = '2026-12-05';
const CHRISTMAS = '2026-12-25';
const morning = (day: string) => ({ now: () => new Date(`${day}T06:00:00Z`), today: () => day });

/**
 * The coach's morning digest (mail/digest.ts): on a Belgian working morning, for the accounts that
 * opted in, the overdue persons, the contracts ending and this week's deadlines of « Ma journée »,
 * names and links only; nothing on a weekend or a public holiday, nothing for an account that did
 * not opt in, once per morning. The day is injected.
 */
describe.each(testTargets())('the morning digest on $driver', (target) => {
  const clock = new ManualClock();
  let t: TestApp;
  let luca: Client;
  let nora: Client;
  let overdueId: string;
  let contractPersonId: string;

  const digests = () =>
    t.handle.db
      .selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'morning_digest')
      .orderBy('created_at')
      .execute();

  beforeAll(async () => {
    clock.at = Date.parse(`${THURSDAY}T06:00:00Z`);
    t = await startTestApp(target, { clock, config: { publicUrl: URL_BASE } });
    const { organisationId } = await setupInstallation(t, 'FORMA Namur');
    await addUser(t, organisationId, 'luca@forma.example', 'jobcoach');
    await addUser(t, organisationId, 'nora@forma.example', 'jobcoach');
    luca = await loginAs(t, 'luca@forma.example');
    nora = await loginAs(t, 'nora@forma.example');
    const today = THURSDAY;

    // Luca: a person whose contact is 13 days overdue, one whose CDD ends in 10 days.
    const late = await createPerson(
      luca,
      personBody(addDays(today, -30), { firstName: 'Rachid', lastName: 'Retard', phone: '0470 12 34 56' }),
    );
    await move(luca, late.id, 'enter_pre_hire', {
      date: addDays(today, -30),
      trustContractSignedOn: addDays(today, -30),
    });
    await luca.post(`/api/persons/${late.id}/contacts`, { date: addDays(today, -20), channel: 'phone' });
    overdueId = late.id;
    const hired = await createPreHirePerson(luca, today, { firstName: 'Chloé', lastName: 'Contrat' }, 30);
    contractPersonId = hired.id;
    const employer = await createEmployer(luca, employerBody({ name: 'Boulangerie Dumont' }));
    const signed = await luca.post(`/api/persons/${hired.id}/contracts`, {
      employerId: employer.id,
      type: 'cdd',
      signedOn: addDays(today, -20),
      start: addDays(today, -20),
      plannedEnd: addDays(today, 10),
      hoursPerWeek: 38,
      jobTitle: 'Vendeuse en boulangerie',
    });
    expect(signed.status).toBe(201);

    // Nora has an overdue person too, but did not ask for the digest.
    const hers = await createPerson(
      nora,
      personBody(addDays(today, -30), { firstName: 'Ninon', lastName: 'Oubliée' }),
    );
    await move(nora, hers.id, 'enter_pre_hire', {
      date: addDays(today, -30),
      trustContractSignedOn: addDays(today, -30),
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes nothing for anyone while nobody opted in', async () => {
    expect(await writeMorningDigests(t.app.deps.database, morning(THURSDAY), URL_BASE)).toEqual({
      workingDay: true,
      written: 0,
    });
    expect(await digests()).toEqual([]);
  });

  it('writes nothing on a weekend or a Belgian public holiday', async () => {
    const opted = await luca.patch('/api/auth/preferences', { morningDigest: true });
    expect(opted.status).toBe(200);
    expect(opted.json).toEqual({ morningDigest: true, language: 'fr' });
    for (const day of [SATURDAY, CHRISTMAS]) {
      expect(await writeMorningDigests(t.app.deps.database, morning(day), URL_BASE)).toEqual({
        workingDay: false,
        written: 0,
      });
    }
    expect(await digests()).toEqual([]);
  });

  it('on a working morning, sends the coach who opted in their overdue person and ending contract, names and links only, once', async () => {
    expect(await writeMorningDigests(t.app.deps.database, morning(THURSDAY), URL_BASE)).toEqual({
      workingDay: true,
      written: 1,
    });
    const [mail, ...others] = await digests();
    expect(others).toEqual([]);
    expect(mail!.recipient).toBe('luca@forma.example');
    expect(mail!.subject).toBe('Jobcoach : votre journée');
    const text = mail!.text_body;
    expect(text).toContain('Votre journée du 03/12/2026');
    // Both of Luca's persons are overdue by « Ma journée »'s rule (Chloé has had no contact yet).
    const overdue = text.slice(text.indexOf('Contacts en retard'), text.indexOf('Contrats qui se terminent'));
    expect(overdue).toContain(`- Rachid Retard\n  ${URL_BASE}/people/${overdueId}`);
    expect(overdue).toContain(`- Chloé Contrat\n  ${URL_BASE}/people/${contractPersonId}`);
    expect(text).toContain(
      `Contrats qui se terminent\n- Chloé Contrat, fin le 13/12/2026\n  ${URL_BASE}/people/${contractPersonId}`,
    );
    expect(mail!.html_body).toContain(`<a href="${URL_BASE}/people/${overdueId}">Rachid Retard</a>`);
    // No phone, no employer, no job: names and links.
    for (const body of [text, mail!.html_body ?? '']) {
      expect(body).not.toContain('0470');
      expect(body).not.toContain('Boulangerie');
      expect(body).not.toContain('Vendeuse');
      expect(body).not.toContain('Ninon');
    }
    // A second run the same morning (another instance, a retry) writes nothing more.
    expect(await writeMorningDigests(t.app.deps.database, morning(THURSDAY), URL_BASE)).toEqual({
      workingDay: true,
      written: 0,
    });
    expect(await digests()).toHaveLength(1);
  });

  it('is written in the account’s language, and stops when its owner opts out', async () => {
    expect((await luca.patch('/api/auth/preferences', { language: 'nl' })).json).toEqual({
      morningDigest: true,
      language: 'nl',
    });
    const friday = '2026-12-04';
    expect(await writeMorningDigests(t.app.deps.database, morning(friday), URL_BASE)).toMatchObject({
      written: 1,
    });
    const nl = (await digests()).at(-1)!;
    expect(nl.subject).toBe('Jobcoach: uw dag');
    expect(nl.text_body).toContain('Achterstallige contacten\n');
    expect(nl.text_body).toContain('- Rachid Retard\n');

    expect((await luca.patch('/api/auth/preferences', { morningDigest: false })).status).toBe(200);
    expect(await writeMorningDigests(t.app.deps.database, morning('2026-12-07'), URL_BASE)).toEqual({
      workingDay: true,
      written: 0,
    });
    expect(await digests()).toHaveLength(2);
    const bad = await luca.patch('/api/auth/preferences', { language: 'es' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('language');
    expect((await luca.get('/api/auth/preferences')).json).toEqual({ morningDigest: false, language: 'nl' });
  });

  it('is written by the background job, on the server’s own day', async () => {
    await t.handle.db
      .updateTable('app_user')
      .set({ morning_digest: true })
      .where('email', '=', 'luca@forma.example')
      .execute();
    const before = (await digests()).length;
    clock.at = Date.parse('2026-12-08T06:00:00Z'); // a Tuesday
    const jobs = await startJobs(
      { ...t.app.deps, mailer: smtpMailer('smtp://127.0.0.1:9', 'jobcoach@forma.example') },
      { schedule: false, pollingIntervalSeconds: 0.5 },
    );
    try {
      await jobs.boss.send(DIGEST_QUEUE, {});
      await expect.poll(async () => (await digests()).length, { timeout: 20_000 }).toBe(before + 1);
      expect((await digests()).at(-1)!.text_body).toContain('08/12/2026');
    } finally {
      await jobs.stop();
    }
  });
});

describe('the digest’s part of « Ma journée »', () => {
  it('keeps the deadlines of this week only, with names and links', () => {
    const person = (id: string, lastName: string, deadline: string | null) => ({
      id,
      firstName: 'P',
      lastName,
      phase: 'pre_hire' as const,
      covered: false,
      coachName: null,
      phone: '0470 00 00 00',
      dueDate: null,
      daysOverdue: 0,
      deadline,
      deadlineKind: null,
      daysLeft: null,
      plannedOn: null,
    });
    const day = {
      today: THURSDAY,
      overdue: [],
      contractsEndingSoon: [],
      deadlines: [person('a', 'Semaine', '2026-12-10'), person('b', 'Plustard', '2026-12-11')],
    } as unknown as Parameters<typeof digestSection>[1];
    expect(digestSection('FORMA', day, URL_BASE)).toEqual({
      organisationName: 'FORMA',
      overdue: [],
      contractsEnding: [],
      deadlines: [{ name: 'P Semaine', href: `${URL_BASE}/people/a`, on: '2026-12-10' }],
    });
  });
});
