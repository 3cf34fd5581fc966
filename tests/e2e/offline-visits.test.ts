/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login, logout, moveClock } from './support/session.ts';

interface DayPerson {
  id: string;
  firstName: string;
  lastName: string;
  plannedOn?: string | null;
}
interface Contract {
  employerId: string;
  employerName: string;
  start: string;
  actualEnd: string | null;
  plannedEnd: string | null;
  arrangement: { discreet: boolean } | null;
}

/** Every text the page's origin keeps in IndexedDB and Cache Storage, as readable text. */
function storedText(page: Page) {
  return page.evaluate(async () => {
    const texts: string[] = [];
    const databases = await indexedDB.databases();
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const value of values) {
          texts.push(
            JSON.stringify(value, (_key, v) =>
              v instanceof ArrayBuffer || ArrayBuffer.isView(v)
                ? new TextDecoder('utf-8', { fatal: false }).decode(v as ArrayBuffer)
                : v,
            ),
          );
        }
      }
      db.close();
    }
    const cacheUrls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        cacheUrls.push(request.url);
        const response = await cache.match(request);
        texts.push(request.url, (await response?.text()) ?? '');
      }
    }
    return {
      databases: databases.map((d: IDBDatabaseInfo) => d.name ?? ''),
      cacheUrls,
      text: texts.join('\n'),
    };
  });
}

describe.skipIf(!hasBrowser)('browser: company visits without a network', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let person: DayPerson;
  let name: string;
  let employer: { id: string; name: string };

  beforeAll(async () => {
    server = await startServer({ command: 'demo' });
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'fr-BE' });
    page = await context.newPage();
  });
  afterAll(async () => {
    if (server) await moveClock(server.url, 0).catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('is installable: a valid manifest, and a service worker that controls the page', async () => {
    const res = await fetch(`${server.url}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await res.json()) as Record<string, unknown> & {
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Jobcoach', start_url: '/', display: 'standalone' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i) => i.sizes === size);
      expect(icon, size).toBeDefined();
      const png = await fetch(`${server.url}${icon!.src}`);
      expect(png.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await png.arrayBuffer());
      // The PNG's header says the size the manifest announces.
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(size);
    }
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');

    await login(page, server.url, 'karim.benali@edit.demo');
    const html = await page.content();
    expect(html).toContain('rel="manifest"');
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
  });

  it('keeps the day, logs a visit offline, survives a reload offline and sends it once when the network returns', async () => {
    // A person of Karim's day who works for an employer (the visit is at the employer's). When the
    // demo's day has none, the server's clock moves to a day that has one.
    type Day = { today: string; overdue: DayPerson[]; plannedThisWeek: DayPerson[] };
    const employing = async (candidates: DayPerson[], on: (p: DayPerson) => string) => {
      const found: {
        candidate: DayPerson;
        day: string;
        employer: { id: string; name: string };
        discreet: boolean;
      }[] = [];
      for (const candidate of candidates) {
        const file = (await api(page, 'GET', `/api/persons/${candidate.id}`)).json as {
          contracts: Contract[];
        };
        const day = on(candidate);
        // The employer the visit sheet proposes: the contract running that day, else the latest.
        const contract =
          file.contracts.find((c) => c.start <= day && (c.actualEnd ?? c.plannedEnd ?? day) >= day) ??
          file.contracts[0];
        if (contract) {
          found.push({
            candidate,
            day,
            employer: { id: contract.employerId, name: contract.employerName },
            discreet: contract.arrangement?.discreet === true,
          });
        }
      }
      // An open follow-up first: its visit shows on the employer's page.
      return found.find((f) => !f.discreet) ?? found[0];
    };
    const ofTheDay = async () => {
      const day = (await api(page, 'GET', '/api/my-day')).json as Day;
      const today = [
        ...day.overdue,
        ...day.plannedThisWeek.filter((p) => p.plannedOn && p.plannedOn <= day.today),
      ];
      return { day, found: await employing(today, () => day.today) };
    };
    let { day, found } = await ofTheDay();
    if (!found) {
      const later = await employing(day.plannedThisWeek, (p) => p.plannedOn ?? day.today);
      expect(later, 'a person of the week with an employer').toBeDefined();
      const days = Math.round((Date.parse(later!.day) - Date.parse(day.today)) / 86_400_000);
      expect(await moveClock(server.url, days)).toBe(later!.day);
      await login(page, server.url, 'karim.benali@edit.demo');
      ({ day, found } = await ofTheDay());
    }
    expect(found, 'a person of the day with an employer').toBeDefined();
    person = found!.candidate;
    employer = found!.employer;
    const discreet = found!.discreet;
    name = `${person.firstName} ${person.lastName}`;

    const employerContacts = async () => {
      const res = await api(page, 'GET', `/api/employers/${employer.id}`);
      const contacts = res.json.contacts as { personId: string | null; status: string }[];
      return contacts.filter((c) => c.personId === person.id && c.status !== 'cancelled').length;
    };
    const atEmployer = await employerContacts();

    // Online, « Ma journée » keeps the day's visit sheets on the device.
    await page.goto(`${server.url}/`);
    const visit = page.getByTestId('day-visit').filter({ hasText: name });
    await visit.waitFor({ timeout: 30_000 });

    await context.setOffline(true);
    await page.getByTestId('offline-banner').waitFor();
    await visit.getByRole('link', { name }).click();
    await page.getByTestId('visit-file').waitFor();
    expect(await page.getByTestId('visit-file').textContent()).toContain(employer.name);
    await expectAccessible(page, 'visit sheet, offline');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'visit sheet, offline, at 390 px');
    await page.setViewportSize({ width: 1280, height: 800 });
    const notes = `Visite sans réseau ${Date.now()}`;
    const withEmployer = page.getByLabel(`Avec l'employeur ${employer.name}`);
    expect(await withEmployer.isChecked()).toBe(true);
    await page.getByLabel('Notes').fill(notes);
    await page.getByRole('button', { name: 'Enregistrer le contact' }).click();
    await page.getByTestId('visit-saved').waitFor();
    await expect
      .poll(() => page.getByTestId('outbox-pending').textContent())
      .toBe("1 contact en attente d'envoi");
    await screenshot(page, 'offline-01-pending');

    // Reloaded without a network: the service worker serves the app, the contact still waits.
    await page.reload();
    await page.getByTestId('visit-file').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('outbox-pending').textContent()).toBe("1 contact en attente d'envoi");
    expect(await page.getByTestId('visit-waiting').textContent()).toContain("en attente d'envoi");
    await page.getByTestId('offline-banner').waitFor();
    // Logging out would lose it (its key goes with the session): asked first, and staying keeps it.
    await page.getByRole('button', { name: 'Menu utilisateur' }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    const warning = page.getByRole('dialog', { name: 'Des contacts ne sont pas encore envoyés' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(
      "1 contact noté sans réseau n'a pas encore atteint le serveur.",
    );
    await warning.getByRole('button', { name: 'Rester connecté·e' }).click();
    await warning.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('outbox-pending').textContent()).toBe("1 contact en attente d'envoi");
    // The server has not got it yet (asked from outside the offline browser, with its session).
    const cookie = (await context.cookies(server.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const fromServer = async () => {
      const res = await fetch(`${server.url}/api/persons/${person.id}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { timeline: { type: string; detail: string | null }[] };
      return body.timeline.filter((e) => e.type === 'contact' && e.detail?.includes(notes)).length;
    };
    expect(await fromServer()).toBe(0);

    // The network returns: the contact leaves, once.
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('outbox-pending').count(), { timeout: 20_000 }).toBe(0);
    expect(await fromServer()).toBe(1);
    // On the employer's page too (the visit names the employer), once; a discreet follow-up stays
    // off the employer's page (contracts/discreet.ts).
    expect(await employerContacts()).toBe(atEmployer + (discreet ? 0 : 1));

    // A reconnect, a reload: nothing is sent again.
    await page.reload();
    await page.getByTestId('visit-file').waitFor();
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForTimeout(1000);
    expect(await fromServer()).toBe(1);

    // On the person's file and the employer's page.
    await page.goto(`${server.url}/people/${person.id}?tab=timeline`);
    await page.getByText(notes).first().waitFor();
    expect(await employerContacts()).toBe(atEmployer + (discreet ? 0 : 1));
    if (!discreet) {
      await page.goto(`${server.url}/employers/${employer.id}`);
      await page.getByText(name).first().waitFor();
    }
  });

  it('keeps the day encrypted, and leaves nothing of the persons readable after logout', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('day-visit').filter({ hasText: name }).waitFor();
    const before = await storedText(page);
    expect(before.databases).toContain('jobcoach-offline');
    expect(before.text.length).toBeGreaterThan(0);
    // Sealed: the names are not in the clear even while signed in.
    expect(before.text).not.toContain(person.lastName);
    // The service worker keeps the app's files only, never an API answer.
    expect(before.cacheUrls.length).toBeGreaterThan(0);
    expect(before.cacheUrls.filter((u) => new URL(u).pathname.startsWith('/api/'))).toEqual([]);
    expect(await page.evaluate(() => sessionStorage.getItem('jobcoach.offline.key'))).toBeTruthy();

    await logout(page);
    const after = await storedText(page);
    expect(after.databases).not.toContain('jobcoach-offline');
    expect(after.text).not.toContain(person.lastName);
    expect(after.text).not.toContain(person.firstName);
    expect(
      await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('jobcoach.offline'))),
    ).toEqual([]);
  });
});
