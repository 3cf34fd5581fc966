import { testTargets } from '@jobcoach/db/testing';
import { addDays } from '@jobcoach/domain';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  type Client,
  createOrganisation,
  createPerson,
  loginAs,
  ManualClock,
  personBody,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';

/** A winter morning in Brussels (UTC+1), so that 14:30 there is 13:30Z. */
const NOW = Date.parse('2026-12-03T09:00:00Z');
const TODAY = '2026-12-03';

/** The events of a feed, read by a real iCalendar parser with the feed's own VTIMEZONE. */
function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  return {
    zones: zones.map((z) => z.getFirstPropertyValue('tzid')),
    events: calendar.getAllSubcomponents('vevent').map((v) => {
      const event = new ICAL.Event(v);
      return {
        uid: event.uid,
        summary: event.summary,
        location: event.location,
        tzid: v.getFirstProperty('dtstart')?.getParameter('tzid') ?? null,
        allDay: event.startDate.isDate,
        start: event.startDate.isDate ? event.startDate.toString() : event.startDate.toJSDate().toISOString(),
        end: event.endDate.isDate ? event.endDate.toString() : event.endDate.toJSDate().toISOString(),
        description: event.description,
      };
    }),
  };
}

describe.each(testTargets())('the agenda and its calendar feed on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let coach: Client;
  let coordinator: Client;
  let other: Client;
  let personId: string;
  let otherPersonId: string;

  const feed = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    const clock = new ManualClock();
    clock.at = NOW;
    t = await startTestApp(target, { clock });
    const setup = await setupInstallation(t, 'FORMA Namur');
    admin = setup.admin;
    const { organisationId, basinId } = setup;
    await addUser(t, organisationId, 'nadia@forma.example', 'jobcoach');
    const otherOrg = await createOrganisation(admin, 'Mission régionale de Charleroi', basinId);
    await addUser(t, otherOrg, 'marc@mirec.example', 'jobcoach');
    coach = await loginAs(t, 'nadia@forma.example');
    await addUser(t, organisationId, 'coordination@forma.example', 'coordinator');
    coordinator = await loginAs(t, 'coordination@forma.example');
    other = await loginAs(t, 'marc@mirec.example');
    personId = (
      await createPerson(coach, personBody(addDays(TODAY, -40), { firstName: 'Marie', lastName: 'Dubois' }))
    ).id;
    otherPersonId = (await createPerson(other, personBody(TODAY, { firstName: 'Paul', lastName: 'Lambert' })))
      .id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a time of 25:00, naming the field in French, and writes nothing', async () => {
    const res = await coach.post(`/api/persons/${personId}/planned-contacts`, {
      date: addDays(TODAY, 1),
      time: '25:00',
      channel: 'visit',
    });
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe('time');
    expect(res.json.error.message).toMatch(/heure/i);
    expect((await coach.get(`/api/persons/${personId}/planned-contacts`)).json).toEqual([]);
  });

  it('refuses a past day and a duration without a time', async () => {
    const past = await coach.post(`/api/persons/${personId}/planned-contacts`, {
      date: addDays(TODAY, -1),
      time: '10:00',
      channel: 'phone',
    });
    expect(past.status).toBe(400);
    expect(past.json.error.field).toBe('date');
    const noTime = await coach.post(`/api/persons/${personId}/planned-contacts`, {
      date: TODAY,
      durationMinutes: 30,
      channel: 'phone',
    });
    expect(noTime.status).toBe(400);
    expect(noTime.json.error.field).toBe('durationMinutes');
  });

  it("answers 404 for another organisation's person, as for an unknown one", async () => {
    const res = await coach.post(`/api/persons/${otherPersonId}/planned-contacts`, {
      date: TODAY,
      time: '10:00',
      channel: 'phone',
    });
    expect(res.status).toBe(404);
    expect((await coach.get(`/api/persons/${otherPersonId}/planned-contacts`)).status).toBe(404);
  });

  it('shows the plans in « Ma journée »: today in time order with their times, then the week', async () => {
    const plan = (body: Record<string, unknown>) =>
      coach.post(`/api/persons/${personId}/planned-contacts`, body);
    const visit = await plan({
      date: TODAY,
      time: '14:30',
      durationMinutes: 45,
      place: 'Bureau de Namur',
      channel: 'visit',
    });
    expect(visit.status).toBe(201);
    expect(visit.json).toMatchObject({ date: TODAY, time: '14:30', durationMinutes: 45, status: 'planned' });
    expect((await plan({ date: TODAY, time: '09:15', channel: 'phone' })).status).toBe(201);
    expect((await plan({ date: addDays(TODAY, 2), channel: 'office_meeting' })).status).toBe(201);
    expect((await plan({ date: addDays(TODAY, 30), time: '10:00', channel: 'phone' })).status).toBe(201);

    const day = await coach.get('/api/my-day');
    expect(day.status).toBe(200);
    expect(day.json.agenda.today.map((i: { time: string; channel: string }) => [i.time, i.channel])).toEqual([
      ['09:15', 'phone'],
      ['14:30', 'visit'],
    ]);
    expect(day.json.agenda.today[1]).toMatchObject({
      personId,
      firstName: 'Marie',
      place: 'Bureau de Namur',
      durationMinutes: 45,
    });
    expect(day.json.agenda.week).toEqual([
      {
        date: addDays(TODAY, 2),
        items: [expect.objectContaining({ time: null, channel: 'office_meeting' })],
      },
    ]);
    // The referral received 40 days ago has waited that long.
    const referral = day.json.referralsWaiting.find((p: { id: string }) => p.id === personId);
    expect(referral).toMatchObject({ waitingDays: 40, reviewPassed: false });
    // Another coach's agenda does not hold them.
    expect((await other.get('/api/my-day')).json.agenda).toEqual({ today: [], week: [] });
  });

  it('edits and cancels a plan from the version read; a cancelled plan leaves the agenda', async () => {
    const created = await coach.post(`/api/persons/${personId}/planned-contacts`, {
      date: addDays(TODAY, 3),
      time: '11:00',
      channel: 'phone',
    });
    const moved = await coach.patch(`/api/planned-contacts/${created.json.id}`, {
      date: addDays(TODAY, 4),
      time: '16:00',
      durationMinutes: 30,
      channel: 'video',
      version: created.json.version,
    });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({
      date: addDays(TODAY, 4),
      time: '16:00',
      channel: 'video',
      version: 2,
    });
    // The person's file carries the plans still to hold, as the plans' own route gives them.
    const file = await coach.get(`/api/persons/${personId}`);
    expect(file.json.plannedContacts).toContainEqual(moved.json);
    expect(file.json.plannedContacts).toEqual(
      (await coach.get(`/api/persons/${personId}/planned-contacts`)).json,
    );
    const stale = await coach.post(`/api/planned-contacts/${created.json.id}/cancel`, { version: 1 });
    expect(stale.status).toBe(409);
    const cancelled = await coach.post(`/api/planned-contacts/${created.json.id}/cancel`, { version: 2 });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    const after = (await coach.get(`/api/persons/${personId}`)).json.plannedContacts;
    expect(after.map((p: { id: string }) => p.id)).not.toContain(created.json.id);
    const week = (await coach.get('/api/my-day')).json.agenda.week;
    expect(week.flatMap((d: { items: { planId: string }[] }) => d.items.map((i) => i.planId))).not.toContain(
      created.json.id,
    );
    // Another organisation's coach cannot touch it.
    expect((await other.post(`/api/planned-contacts/${created.json.id}/cancel`, { version: 3 })).status).toBe(
      404,
    );
  });

  it('marks a plan done when the contact it announced is logged', async () => {
    const plan = await coach.post(`/api/persons/${personId}/planned-contacts`, {
      date: TODAY,
      time: '17:00',
      channel: 'phone',
    });
    const logged = await coach.post(`/api/persons/${personId}/contacts`, {
      date: TODAY,
      channel: 'phone',
      plannedContactId: plan.json.id,
    });
    expect(logged.status).toBe(201);
    const plans = (await coach.get(`/api/persons/${personId}/planned-contacts`)).json;
    expect(plans.map((p: { id: string }) => p.id)).not.toContain(plan.json.id);
    const today = (await coach.get('/api/my-day')).json.agenda.today;
    expect(today.map((i: { planId: string }) => i.planId)).not.toContain(plan.json.id);
    // The same plan cannot be held twice; the contact is then not recorded either.
    const again = await coach.post(`/api/persons/${personId}/contacts`, {
      date: TODAY,
      channel: 'phone',
      plannedContactId: plan.json.id,
    });
    expect(again.status).toBe(404);
    expect(again.json.error.field).toBe('plannedContactId');
  });

  it('serves a private, revocable iCalendar feed: 14:30 Europe/Brussels is 13:30Z in winter', async () => {
    expect((await coach.get('/api/calendar-feed')).json).toMatchObject({ active: false });
    const created = await coach.post('/api/calendar-feed');
    expect(created.status).toBe(201);
    const url: string = created.json.url;
    // 256 random bits in base64url.
    expect(url).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await coach.get('/api/calendar-feed')).json).toMatchObject({ active: true });

    // A plan in January: winter time.
    const january = await coach.post(`/api/persons/${personId}/planned-contacts`, {
      date: '2027-01-15',
      time: '14:30',
      durationMinutes: 90,
      place: 'Chaussée de Louvain 12, Namur',
      channel: 'visit',
    });
    expect(january.status).toBe(201);
    const july = await coach.post(`/api/persons/${personId}/planned-contacts`, {
      date: '2027-07-15',
      time: '14:30',
      channel: 'phone',
    });

    const res = await feed(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body).toContain('BEGIN:VTIMEZONE');
    const parsed = parseFeed(res.body);
    expect(parsed.zones).toEqual(['Europe/Brussels']);
    const winter = parsed.events.find((e) => e.uid === `${january.json.id}@jobcoach`);
    expect(winter).toMatchObject({
      tzid: 'Europe/Brussels',
      allDay: false,
      start: '2027-01-15T13:30:00.000Z',
      end: '2027-01-15T15:00:00.000Z',
      location: 'Chaussée de Louvain 12, Namur',
    });
    // First name, initial and channel; never the last name nor notes.
    expect(winter?.summary).toMatch(/^Marie D\. — Visite/);
    expect(res.body).not.toContain('Dubois');
    expect(winter?.description).toBeNull();
    const summer = parsed.events.find((e) => e.uid === `${july.json.id}@jobcoach`);
    expect(summer?.start).toBe('2027-07-15T12:30:00.000Z');
    // An all-day plan stays all day.
    const allDay = parsed.events.find((e) => e.allDay);
    expect(allDay?.start).toBe(addDays(TODAY, 2));

    // Audited: the creation, then the revocation.
    const revoked = await coach.post('/api/calendar-feed/revoke');
    expect(revoked.status).toBe(200);
    expect((await feed(url)).statusCode).toBe(404);
    expect((await coach.post('/api/calendar-feed/revoke')).status).toBe(404);
    const actions = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'calendar_feed')
      .orderBy('at')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['calendar_feed_created', 'calendar_feed_revoked']);

    // A new address works; the old one stays dead.
    const renewed = await coach.post('/api/calendar-feed');
    expect(renewed.json.url).not.toBe(url);
    expect((await feed(renewed.json.url)).statusCode).toBe(200);
    expect((await feed(url)).statusCode).toBe(404);
    // Only the digest is stored.
    const stored = await t.handle.db.selectFrom('calendar_feed').select('token_hash').execute();
    const token = renewed.json.url.slice('/api/calendar/'.length, -'.ics'.length);
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });

  it("lists the person's plans in the data-subject export", async () => {
    const res = await coordinator.get(`/api/persons/${personId}/export.json`);
    expect(res.status).toBe(200);
    expect(res.json.plannedContacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          startsOn: TODAY,
          channel: 'visit',
          place: 'Bureau de Namur',
          status: 'planned',
        }),
      ]),
    );
  });

  it('a person deleted for good takes their plans along, the one a contact held too', async () => {
    const zoe = (await createPerson(coach, personBody(TODAY, { firstName: 'Zoé', lastName: 'Lenoir' }))).id;
    const held = await coach.post(`/api/persons/${zoe}/planned-contacts`, { date: TODAY, channel: 'phone' });
    await coach.post(`/api/persons/${zoe}/planned-contacts`, { date: addDays(TODAY, 1), channel: 'visit' });
    expect(
      (
        await coach.post(`/api/persons/${zoe}/contacts`, {
          date: TODAY,
          channel: 'phone',
          plannedContactId: held.json.id,
        })
      ).status,
    ).toBe(201);
    const res = await admin.request('DELETE', `/api/persons/${zoe}`, {
      reason: 'Dossier créé deux fois par erreur',
    });
    expect(res.status).toBeLessThan(300);
    const left = await t.handle.db
      .selectFrom('planned_contact')
      .select('id')
      .where('person_id', '=', zoe)
      .execute();
    expect(left).toEqual([]);
  });

  it('answers 404 to an unknown or malformed token, without a session', async () => {
    expect((await feed(`/api/calendar/${'A'.repeat(43)}.ics`)).statusCode).toBe(404);
    expect((await feed('/api/calendar/nothing')).statusCode).toBe(404);
  });
});
