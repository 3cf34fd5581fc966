import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login } from './support/session.ts';

const COORDINATOR = 'coordination@edit.demo';

/** The persons the API finds under a name. */
async function personsNamed(page: Page, name: string) {
  return (await api(page, 'GET', `/api/persons?q=${encodeURIComponent(name)}`)).json as unknown as {
    lastName: string;
    firstName: string;
    phase: string;
  }[];
}

/** Checks, then imports, what is chosen on the page; waits for the import's result. */
async function checkAndImport(page: Page) {
  await page.getByRole('button', { name: 'Vérifier (sans rien enregistrer)' }).click();
  const job = page.getByTestId('history-job');
  await expect.poll(() => job.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
  expect(await page.getByTestId('history-errors').count()).toBe(0);
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect
    .poll(() => job.getByRole('heading', { level: 2 }).textContent(), { timeout: 20_000 })
    .toBe("Résultat de l'import");
  expect(await job.getAttribute('data-status')).toBe('done');
}

/** A coordinator's own tracking workbook: one sheet « Suivi 2025 », French headings, one row per person. */
async function trackingWorkbook(path: string) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Suivi 2025');
  sheet.addRow([
    'N° dossier',
    'Nom',
    'Prénom',
    'Sexe',
    "Date d'entrée",
    'Date du contrat',
    'Type de contrat',
    'Employeur',
    'Date de sortie',
    'Raison',
  ]);
  sheet.addRow(['SV-1', 'Vandersuivi', 'Élodie', 'Femme', new Date('2025-01-13')]);
  sheet.addRow([
    'SV-2',
    'Vandersuivi',
    'Olivier',
    'Homme',
    new Date('2025-01-20'),
    new Date('2025-03-03'),
    'CDD',
    'Menuiserie Suivi',
  ]);
  sheet.addRow(['SV-3', 'Vandersuivi', 'Samia', 'F', '03/02/2025', '', '', '', '30/04/2025', 'Déménagement']);
  writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

describe.skipIf(!hasBrowser)('browser: the history import takes the coordinator’s own workbook', () => {
  let server: RunningServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    server = await startServer({ command: 'demo' });
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'jobcoach-workbook-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('downloads the template, fills three persons in it, imports it: the persons are there', async () => {
    const context = await browser.newContext({ locale: 'fr-BE', acceptDownloads: true });
    const page = await context.newPage();
    await login(page, server.url, COORDINATOR);
    await page.getByRole('navigation').getByRole('link', { name: "Import de l'historique" }).click();
    await page.waitForURL(/\/history-import$/);

    // The documentation is one click away.
    await page.getByTestId('history-help-link').click();
    await page.waitForURL(/\/history-import\/help$/);
    await expect.poll(() => page.getByRole('heading', { name: 'Historical import' }).count()).toBe(1);
    await expectAccessible(page, 'history import: documentation');
    await page.getByRole('link', { name: "← Retour à l'import" }).click();
    await page.waitForURL(/\/history-import$/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('history-template-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('modele-import-historique.xlsx');
    const template = join(dir, 'modele.xlsx');
    await download.saveAs(template);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(template) as unknown as ArrayBuffer);
    const persons = workbook.getWorksheet('Personnes')!;
    const headings = (persons.getRow(1).values as unknown[]).slice(1) as string[];
    const column = (name: string) => {
      const i = headings.indexOf(name);
      expect(i, name).toBeGreaterThanOrEqual(0);
      return i + 1;
    };
    [
      ['MOD-1', 'Anaïs', 'Modelier', 'Femme', '2024-02-01'],
      ['MOD-2', 'Bertrand', 'Modelier', 'Homme', '2024-02-02'],
      ['MOD-3', 'Céline', 'Modelier', 'Non précisé', '2024-02-03'],
    ].forEach(([id, first, last, sex, referral], i) => {
      const row = persons.getRow(3 + i);
      row.getCell(column('Identifiant')).value = id!;
      row.getCell(column('Prénom')).value = first!;
      row.getCell(column('Nom')).value = last!;
      row.getCell(column('Sexe')).value = sex!;
      row.getCell(column('Date de l’orientation (accueil)')).value = new Date(referral!);
    });
    const filled = join(dir, 'historique-rempli.xlsx');
    writeFileSync(filled, new Uint8Array(await workbook.xlsx.writeBuffer()));

    await page.getByTestId('history-files').setInputFiles(filled);
    const tables = page.getByTestId('history-tables');
    await expect.poll(() => tables.locator('tbody tr').count(), { timeout: 15_000 }).toBe(6);
    expect(await page.getByTestId('history-mapping').count()).toBe(0);
    await checkAndImport(page);
    await screenshot(page, 'history-workbook-01-template-imported');

    const found = await personsNamed(page, 'Modelier');
    expect(found.map((p) => p.firstName).sort()).toEqual(['Anaïs', 'Bertrand', 'Céline']);
    await context.close();
  });

  it('maps a single-sheet workbook with French headings, imports it, offers the mapping again, and undoes it', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, COORDINATOR);
    await page.goto(`${server.url}/history-import`);
    const file = join(dir, 'Suivi 2025.xlsx');
    await trackingWorkbook(file);

    await page.getByTestId('history-files').setInputFiles(file);
    const mapping = page.getByTestId('history-mapping');
    await expect.poll(() => mapping.count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('history-encoding').first().textContent()).toBe('Classeur XLSX');
    expect(await mapping.getByTestId('history-mapping-saved').count()).toBe(0);
    expect(await mapping.getByTestId('history-mapping-target').inputValue()).toBe('tracking');
    expect(await mapping.getByTestId('history-map-last_name').inputValue()).toBe('Nom');
    expect(await mapping.getByTestId('history-map-exit_date').inputValue()).toBe('Date de sortie');
    // « Raison » is not a heading the import knows: the coordinator chooses it.
    expect(await mapping.getByTestId('history-map-exit_reason').inputValue()).toBe('');
    await mapping.getByLabel('Motif de sortie', { exact: true }).selectOption('Raison');
    await expectAccessible(page, 'history import: mapping step');
    await screenshot(page, 'history-workbook-02-mapping');
    await checkAndImport(page);

    const imported = await personsNamed(page, 'Vandersuivi');
    expect(imported.map((p) => p.firstName).sort()).toEqual(['Olivier', 'Samia', 'Élodie']);

    // The next upload of the same shape is offered the saved mapping.
    await page.goto(`${server.url}/history-import`);
    const copy = join(dir, 'Suivi 2025 (copie).xlsx');
    await trackingWorkbook(copy);
    await page.getByTestId('history-files').setInputFiles(copy);
    await expect.poll(() => mapping.count(), { timeout: 15_000 }).toBe(1);
    expect(await mapping.getByTestId('history-mapping-saved').count()).toBe(1);
    expect(await mapping.getByTestId('history-map-exit_reason').inputValue()).toBe('Raison');
    await screenshot(page, 'history-workbook-03-saved-mapping');

    // The import is undone from the list of recent imports: the persons are gone.
    const latest = page.getByTestId('history-recent-row').first();
    await latest.getByTestId('history-undo').click();
    await latest.getByTestId('history-undo-confirm').click();
    await expect.poll(() => page.getByTestId('history-undone').count(), { timeout: 15_000 }).toBe(1);
    expect(await personsNamed(page, 'Vandersuivi')).toEqual([]);
    await context.close();
  });

  it('reads a Windows-1252 CSV with « ; », shows its encoding, and imports the names intact', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, COORDINATOR);
    await page.goto(`${server.url}/history-import`);
    const csv = [
      'Identifiant;Prénom;Nom;Sexe;Date de l’orientation (accueil)',
      'ANSI-1;Hélène;Dupré-Ansi;Femme;12/03/2024',
      'ANSI-2;François;Cœur-Ansi;Homme;02/04/2024',
    ].join('\r\n');
    // As Excel's « CSV (séparateur : point-virgule) » writes it on Windows.
    const specific: Record<string, number> = { '’': 0x92, œ: 0x9c, Œ: 0x8c };
    const file = join(dir, 'Personnes.csv');
    writeFileSync(file, Uint8Array.from([...csv].map((c) => specific[c] ?? c.charCodeAt(0))));
    await page.getByTestId('history-files').setInputFiles(file);
    await expect
      .poll(() => page.getByTestId('history-encoding').first().textContent(), { timeout: 15_000 })
      .toBe('Windows-1252');
    await checkAndImport(page);
    const found = await personsNamed(page, 'Ansi');
    expect(found.map((p) => `${p.firstName} ${p.lastName}`).sort()).toEqual([
      'François Cœur-Ansi',
      'Hélène Dupré-Ansi',
    ]);
    await context.close();
  });
});
