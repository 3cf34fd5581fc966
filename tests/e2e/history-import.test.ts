import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { ROOT, type RunningServer, startServer } from './support/server.ts';
import { api, login } from './support/session.ts';

const COORDINATOR = 'coordination@edit.demo';
const JOBCOACH = 'karim.benali@edit.demo';
const SAMPLE = join(ROOT, 'docs', 'import-sample');
const FILES = [
  'employers.csv',
  'persons.csv',
  'contracts.csv',
  'events.csv',
  'person_contacts.csv',
  'employer_contacts.csv',
];

/** The numbers of one line of the counts table: to create, to update, unchanged, linked, skipped, errors. */
async function countsOf(page: Page, entity: string) {
  const cells = await page.getByTestId(`history-count-${entity}`).locator('td').allTextContents();
  return cells.map((c) => Number(c.trim()));
}

/** The persons list, searched by name: the phase shown on the row of that person. */
async function phaseInList(page: Page, search: string, rowName: string) {
  const box = page.getByRole('searchbox', { name: 'Rechercher une personne' });
  await box.fill(search);
  const row = page.getByTestId('people-table').getByRole('row', { name: new RegExp(rowName) });
  await expect.poll(() => row.count()).toBe(1);
  return (await row.locator('td').nth(1).textContent())?.trim();
}

describe.skipIf(!hasBrowser)('browser: importing the organisation’s history', () => {
  let server: RunningServer;
  let browser: Browser;
  let brokenDir: string;

  beforeAll(async () => {
    server = await startServer({ command: 'demo' });
    browser = await launchBrowser();
    // The same sample with one impossible birth date.
    brokenDir = mkdtempSync(join(tmpdir(), 'jobcoach-history-'));
    for (const name of FILES) copyFileSync(join(SAMPLE, name), join(brokenDir, name));
    const persons = readFileSync(join(SAMPLE, 'persons.csv'), 'utf8');
    expect(persons).toContain('P002;Mehdi;Haddad;1990-11-21;');
    writeFileSync(
      join(brokenDir, 'persons.csv'),
      persons.replace('P002;Mehdi;Haddad;1990-11-21;', 'P002;Mehdi;Haddad;1990-13-45;'),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (brokenDir) rmSync(brokenDir, { recursive: true, force: true });
  });

  it('refuses a file with a bad row, naming file, line and field, and imports nothing', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, COORDINATOR);
    const before = ((await api(page, 'GET', '/api/persons?q=Haddad')).json as unknown as unknown[]).length;

    await page.getByRole('navigation').getByRole('link', { name: "Import de l'historique" }).click();
    await page.waitForURL(/\/history-import$/);
    await page.getByTestId('history-files').setInputFiles(FILES.map((name) => join(brokenDir, name)));
    await expect.poll(() => page.getByTestId('history-chosen').textContent()).toContain('6 fichiers choisis');
    await page.getByRole('button', { name: 'Vérifier (sans rien enregistrer)' }).click();

    const errors = page.getByTestId('history-errors');
    await expect.poll(() => errors.count(), { timeout: 15_000 }).toBe(1);
    const rows = errors.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const [file, line, field, message] = (await rows.first().locator('td').allTextContents()).map((c) =>
      c.trim(),
    );
    expect(file).toMatch(/persons/);
    expect(line).toBe('3');
    expect(field).toBe('birth_date');
    // A French sentence, not a code.
    expect(message).toMatch(/date/i);
    expect(message).toMatch(/[a-zàâçéèêëîïôûù]+ [a-zàâçéèêëîïôûù]+/);
    expect(await page.getByTestId('history-summary').textContent()).toMatch(
      /^1 erreur : rien n'a été enregistré\./,
    );
    expect(await countsOf(page, 'person')).toHaveLength(6);
    expect((await countsOf(page, 'person'))[5]).toBe(1);
    // Import stays out of reach until the file is fixed (or valid rows only are asked for).
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(true);
    await expectAccessible(page, 'history import: check with an error');
    await screenshot(page, 'history-01-error');

    const after = ((await api(page, 'GET', '/api/persons?q=Haddad')).json as unknown as unknown[]).length;
    expect(after).toBe(before);
    await context.close();
  });

  it('checks the sample files, imports them, and shows the persons in their phase', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, COORDINATOR);
    await page.getByRole('navigation').getByRole('link', { name: "Import de l'historique" }).click();
    await page.waitForURL(/\/history-import$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe("Importer l'historique de l'organisation");
    await expectAccessible(page, 'history import: empty');

    await page.getByTestId('history-files').setInputFiles(FILES.map((name) => join(SAMPLE, name)));
    await expect.poll(() => page.getByTestId('history-chosen').textContent()).toContain('6 fichiers choisis');
    await page.getByRole('button', { name: 'Vérifier (sans rien enregistrer)' }).click();

    const job = page.getByTestId('history-job');
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 15_000 }).toBe('done');
    expect(await job.getByRole('heading', { level: 2 }).textContent()).toBe('Résultat de la vérification');
    expect(await page.getByTestId('history-summary').textContent()).toMatch(
      /lignes vérifiées : aucune erreur\. Rien n'a été enregistré\./,
    );
    // Five persons to create, no error anywhere.
    const persons = await countsOf(page, 'person');
    expect(persons[0]).toBe(5);
    for (const entity of ['employer', 'person', 'contract', 'event', 'person_contact', 'employer_contact']) {
      expect((await countsOf(page, entity))[5], entity).toBe(0);
    }
    expect((await countsOf(page, 'event'))[0]).toBe(17);
    await expectAccessible(page, 'history import: checked');
    await screenshot(page, 'history-02-checked');

    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await expect
      .poll(() => job.getByRole('heading', { level: 2 }).textContent(), { timeout: 20_000 })
      .toBe("Résultat de l'import");
    expect(await job.getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('history-summary').textContent()).toMatch(
      /^Import terminé : \d+ lignes lues\.$/,
    );
    expect(await job.getByRole('columnheader', { name: 'Créées' }).count()).toBe(1);
    expect((await countsOf(page, 'person'))[0]).toBe(5);
    const [processed, total] =
      (await page.getByTestId('history-progress').textContent())?.match(/\d+/g) ?? [];
    expect(processed).toBe(total);
    await expectAccessible(page, 'history import: done');
    await screenshot(page, 'history-03-imported');

    // The imported persons are in « Personnes », each in the phase its history leads to.
    await page.getByRole('navigation').getByRole('link', { name: 'Personnes' }).click();
    await page.waitForURL(/\/people$/);
    expect(await phaseInList(page, 'Haddad', 'HADDAD Mehdi')).toBe('Pré-embauche');
    expect(await phaseInList(page, 'Lambert', 'LAMBERT Sophie')).toBe('Sortie');
    expect(await phaseInList(page, 'Collard', 'COLLARD Jean')).toBe('Sortie');
    await screenshot(page, 'history-04-persons');
    await context.close();
  });

  it('has no menu item for a jobcoach, and the page refuses them', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, JOBCOACH);
    const navigation = page.getByRole('navigation');
    await expect.poll(() => navigation.getByRole('link', { name: 'Personnes' }).count()).toBe(1);
    expect(await navigation.getByRole('link', { name: "Import de l'historique" }).count()).toBe(0);
    await page.goto(`${server.url}/history-import`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Accès réservé');
    expect(await page.getByTestId('history-files').count()).toBe(0);
    const persons = {
      name: 'persons.csv',
      contentBase64: readFileSync(join(SAMPLE, 'persons.csv')).toString('base64'),
    };
    expect((await api(page, 'POST', '/api/history-imports', { files: [persons], dryRun: true })).status).toBe(
      403,
    );
    await expectAccessible(page, 'history import refused (jobcoach)');
    await context.close();
  });
});
