import { addDays } from '@jobcoach/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, DEMO_PASSWORD, moveClock } from './support/session.ts';

/** '2026-12-03' → '03.12.2026', the Belgian German form. */
const german = (iso: string) => iso.split('-').reverse().join('.');

describe.skipIf(!hasBrowser)('browser: every language, everywhere', () => {
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

  it('ACCEPTANCE: with the interface in German, a timeline entry and a validation error are in German', async () => {
    const today = await moveClock(server.url, 0);
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();

    // The language is chosen on the login page, before any session, and the page follows at once.
    await page.goto(`${server.url}/login`);
    await page.getByLabel('Langue').selectOption('de');
    await page.getByRole('button', { name: 'Anmelden' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await expectAccessible(page, 'login page in German');
    await screenshot(page, 'languages-01-login-de');
    await page.getByLabel('E-Mail-Adresse').fill('coordination@edit.demo');
    await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL((u) => u.pathname !== '/login');

    // A person with a phone call logged on her file (recorded as the web app would).
    const created = await api(page, 'POST', '/api/persons', {
      firstName: 'Hanna',
      lastName: 'Schmitz',
      birthDate: '1980-05-02',
      sex: 'woman',
      referral: { kind: 'spontaneous', receivedOn: today },
    });
    expect(created.status).toBe(201);
    const personId = created.json.id as string;
    const next = addDays(today, 7);
    const logged = await api(page, 'POST', `/api/persons/${personId}/contacts`, {
      date: today,
      channel: 'phone',
      personPresent: true,
      durationMinutes: 20,
      nextPlannedOn: next,
    });
    expect(logged.status).toBe(201);

    // The timeline, written by the server, reads in German, its dates as dd.mm.yyyy.
    await page.goto(`${server.url}/people/${personId}?tab=timeline`);
    const timeline = page.getByTestId('timeline');
    const contact = timeline.getByTestId('timeline-contact');
    await contact.waitFor();
    await expect.poll(() => contact.textContent()).toContain('Telefon mit der Person');
    const contactText = (await contact.textContent()) ?? '';
    expect(contactText).toContain(german(today));
    expect(contactText).toContain(`Nächster Kontakt geplant am ${german(next)}`);
    expect(contactText).toContain('20 Min.');
    expect(contactText).not.toContain('Téléphone');
    expect(await timeline.getByTestId('timeline-intake').textContent()).toContain(
      'Aus eigener Initiative gekommen',
    );
    await expectAccessible(page, 'timeline in German');
    await screenshot(page, 'languages-02-timeline-de');

    // A value the server refuses: its message is in German, naming the field in German.
    await page.getByRole('button', { name: 'Kontakt erfassen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Kanal').selectOption('phone');
    await dialog.getByLabel('Dauer (Minuten)').fill('5000');
    await dialog.getByRole('button', { name: 'Kontakt speichern' }).click();
    await expect.poll(() => dialog.textContent()).toContain('„Dauer (Minuten)“: höchstens 1440.');
    expect(await dialog.textContent()).not.toContain('au plus');
    await screenshot(page, 'languages-03-error-de');

    // The matching reasons of a person in pre-hire, worded by the screen, are in German too.
    const preHire = await api(page, 'GET', '/api/persons?phase=pre_hire&limit=1');
    expect(preHire.status).toBe(200);
    await page.goto(`${server.url}/people/${preHire.json[0].id}?tab=offers`);
    const reasons = page.getByTestId('match-reasons').first();
    await reasons.waitFor();
    const worded = (await page.getByTestId('match-reasons').allTextContents()).join(' ');
    expect(worded).toMatch(/Vertrag|Leiharbeit|Anforderungen|Geschätzter Weg|Entfernung unbekannt/);
    expect(worded).not.toMatch(/demandé|Trajet estimé|emploi durable|Exigences|Distance inconnue/);
    await screenshot(page, 'languages-04-offers-de');

    // The choice is remembered in the browser, like the one in the user menu.
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
        ).localStorage.getItem('jobcoach.locale'),
      ),
    ).toBe('de');
    await context.close();
  });
});
