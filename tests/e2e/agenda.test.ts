import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login } from './support/session.ts';

/** The instant of a Europe/Brussels wall-clock time on a day (its offset that day: +01:00 or +02:00). */
function brusselsInstant(day: string, time: string): string {
  const noon = new Date(`${day}T12:00:00Z`);
  const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Brussels', timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((p) => p.type === 'timeZoneName')!
    .value.replace('GMT', '');
  return new Date(`${day}T${time}:00${offset}`).toISOString();
}

describe.skipIf(!hasBrowser)('browser: the agenda and its calendar feed', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ command: 'demo' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a visit planned at 14:30 on a file shows in « Ma journée » and in the calendar feed, until the address is revoked', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'karim.benali@edit.demo');
    // The server's today (Brussels): the test machine's UTC day is yesterday there after midnight.
    const today = ((await api(page, 'GET', '/api/my-day')).json as { today: string }).today;
    const persons = (await api(page, 'GET', '/api/persons?phase=pre_hire')).json as unknown as {
      id: string;
      firstName: string;
      lastName: string;
    }[];
    const person = persons[0]!;
    expect(person).toBeDefined();

    // « Planifier un contact » on the person's file: a visit today at 14:30.
    await page.goto(`${server.url}/people/${person.id}`);
    await page.getByRole('button', { name: 'Planifier un contact' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date').fill(today);
    await dialog.getByLabel('Heure').fill('14:30');
    await dialog.getByLabel('Durée (minutes)').fill('45');
    await dialog.getByLabel('Canal').selectOption('visit');
    await dialog.getByLabel('Lieu').fill('Atelier de la rue Haute');
    await dialog.getByRole('button', { name: 'Planifier', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('planned-contact').filter({ hasText: '14:30' }).waitFor();

    // In « Ma journée », today, with its time, the file and « Noter un contact ».
    await page.goto(`${server.url}/`);
    const row = page
      .getByTestId('agenda-today')
      .getByTestId('agenda-item')
      .filter({ hasText: `${person.firstName} ${person.lastName}` })
      .filter({ hasText: '14:30' });
    await row.waitFor();
    expect(await row.getByTestId('agenda-time').textContent()).toBe('14:30');
    expect(await row.textContent()).toContain('Atelier de la rue Haute');
    await row.getByRole('link', { name: `${person.firstName} ${person.lastName}`, exact: true }).waitFor();
    await row.getByRole('button', { name: 'Noter un contact' }).waitFor();
    await expectAccessible(page, '« Ma journée » with its agenda');
    await screenshot(page, 'agenda-my-day');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, '« Ma journée » with its agenda at 390 px');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'agenda-my-day-390');
    await page.setViewportSize({ width: 1280, height: 800 });

    // « Abonnement calendrier »: the address shown once, read without a session.
    await page.goto(`${server.url}/account`);
    await page.getByRole('button', { name: "Créer l'adresse" }).click();
    const address = (await page.getByTestId('calendar-feed-address').textContent())!.trim();
    expect(address).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await fetch(address);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const initial = person.lastName.charAt(0).toUpperCase();
    const event = events.find(
      (e) =>
        e.summary.startsWith(`${person.firstName} ${initial}.`) &&
        !e.startDate.isDate &&
        e.startDate.toJSDate().toISOString() === brusselsInstant(today, '14:30'),
    );
    expect(event, JSON.stringify(events.map((e) => [e.summary, e.startDate.toString()]))).toBeDefined();
    expect(event!.startDate.zone?.tzid).toBe('Europe/Brussels');
    expect(event!.location).toBe('Atelier de la rue Haute');
    expect(event!.summary).not.toContain(person.lastName);
    await screenshot(page, 'agenda-calendar-feed');

    // Revoked: the address answers 404.
    await page.getByRole('button', { name: "Révoquer l'adresse" }).click();
    await page.getByRole('button', { name: "Créer l'adresse" }).waitFor();
    expect((await fetch(address)).status).toBe(404);

    // « Noter un contact » on the agenda's row: the contact dialog, prefilled with the plan's
    // channel; once saved, the plan is done and leaves the agenda.
    await page.goto(`${server.url}/`);
    await row.getByRole('button', { name: 'Noter un contact' }).click();
    const contact = page.getByRole('dialog');
    expect(await contact.getByLabel('Canal').inputValue()).toBe('visit');
    await contact.getByLabel('Notes').fill('Visite faite comme prévu.');
    await contact.getByRole('button', { name: 'Enregistrer le contact' }).click();
    await contact.waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });
    await context.close();
  });
});
