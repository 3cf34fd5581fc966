import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { login, logout } from './support/session.ts';

describe.skipIf(!hasBrowser)('browser: nothing typed is lost', () => {
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

  it('asks before Escape throws a contact note away, keeps it on « Annuler », and across a reload', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'karim.benali@edit.demo');
    await page.getByRole('link', { name: 'Personnes' }).click();
    // The list itself, not « Ma journée » still on screen (its agenda links to files too).
    await page.waitForURL(/\/people(\?|$)/);
    await page.locator('a[href^="/people/"]:not([href="/people/new"])').first().click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}/);
    await page.getByTestId('person-coach').waitFor();

    await page.getByRole('button', { name: 'Noter un contact' }).click();
    const dialog = page.getByRole('dialog');
    const note = 'Appel du mardi : la personne a un entretien chez Colruyt jeudi.';
    await dialog.getByLabel('Notes').fill(note);

    // Escape: the dialog asks, and « Annuler » keeps the dialog and the note.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('unsaved-confirm').count()).toBe(1);
    await expectAccessible(page, 'unsaved input question');
    await screenshot(page, 'unsaved-01-question');
    await page.getByTestId('unsaved-keep').click();
    expect(await page.getByTestId('unsaved-confirm').count()).toBe(0);
    expect(await dialog.getByLabel('Notes').inputValue()).toBe(note);

    // A click outside asks too.
    await page.mouse.click(5, 5);
    await expect.poll(() => page.getByTestId('unsaved-confirm').count()).toBe(1);
    await page.getByTestId('unsaved-keep').click();

    // A reload of the page: the dialog comes back with the note.
    await page.reload();
    await expect.poll(async () => page.getByRole('dialog').getByLabel('Notes').inputValue()).toBe(note);

    // Giving up on purpose closes it; after another reload nothing comes back.
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();
    await page.getByTestId('unsaved-discard').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: 'Noter un contact' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    // A note left in progress (the coach leaves the page, the browser asks and is answered « Quitter »)
    // does not outlive the logout.
    page.on('dialog', (question) => question.accept());
    await page.getByRole('button', { name: 'Noter un contact' }).click();
    await page.getByRole('dialog').getByLabel('Notes').fill('Brouillon à ne pas garder');
    const drafts = () =>
      page.evaluate<string[]>("Object.keys(sessionStorage).filter((k) => k.startsWith('jobcoach.draft.'))");
    await expect.poll(drafts).toHaveLength(1);
    await page.goto(`${server.url}/`);
    expect(await drafts()).toHaveLength(1);
    await logout(page);
    expect(await drafts()).toEqual([]);
    await context.close();
  });
});
