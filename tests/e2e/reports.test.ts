import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login, logout } from './support/session.ts';

const COORDINATOR = 'coordination@edit.demo';
const EVALUATOR = 'evaluation@jobcoach.demo';

/** The figure a headline card shows, without the thin spaces of the French number format. */
const digits = (text: string | null) => (text ?? '').replace(/\s/g, '');

describe.skipIf(!hasBrowser)('browser: the results page, its charts and exports', () => {
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

  it('shows a coordinator the headline figures, the breakdown by sex and its charts, and downloads the XLSX', async () => {
    const context = await browser.newContext({ locale: 'fr-BE', acceptDownloads: true });
    const page = await context.newPage();
    await login(page, server.url, COORDINATOR);

    await page.getByRole('link', { name: 'Résultats' }).click();
    await page.waitForURL(/\/results/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Résultats');

    // The last twelve months, for the coordinator's own organisation.
    await page.getByRole('button', { name: '12 derniers mois' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: '12 derniers mois' }).getAttribute('aria-pressed'))
      .toBe('true');
    const search = new URL(page.url()).search;
    const from = new URLSearchParams(search).get('from') ?? '';
    const to = new URLSearchParams(search).get('to') ?? '';
    const scopes = (await api(page, 'GET', '/api/reports/scopes')).json as unknown as {
      id: string;
      name: string;
    }[];
    expect(scopes.map((scope) => scope.name)).toEqual(['EDIT Verviers']);

    // The cards show what the API computes for the same query.
    const query = `from=${from}&to=${to}&organisationIds=${scopes[0]?.id}`;
    const report = (await api(page, 'GET', `/api/reports/steering?${query}`)).json;
    expect(report.aggregatesOnly).toBe(false);
    const card = (id: string) => page.getByTestId(`headline-${id}`).getByTestId('headline-value');
    await expect
      .poll(async () => digits(await card('persons').textContent()))
      .toBe(String(report.headline.personsCoached));
    expect(digits(await card('employers').textContent())).toBe(String(report.headline.employersContacted));
    expect(digits(await card('contracts').textContent())).toBe(String(report.headline.contractsSigned));
    expect(digits(await card('split').textContent())).toBe(`${report.headline.cdi}/${report.headline.cdd}`);
    expect(report.headline.personsCoached).toBeGreaterThan(0);

    // The breakdown by sex: its groups, its total rows in bold, and a chart per group.
    const bySex = page.getByTestId('report-table-by_sex');
    const table = bySex.getByRole('table');
    await expect.poll(() => table.getByRole('columnheader', { name: 'Femmes', exact: true }).count()).toBe(1);
    expect(await table.getByRole('columnheader', { name: 'Hommes', exact: true }).count()).toBe(1);
    expect(await table.textContent()).toContain('Âge à l’entrée');
    expect(await table.textContent()).toContain('CDI');
    const totalRow = table.locator('tr[data-total]').first();
    const weight = await totalRow
      .locator('th')
      .evaluate(
        (cell) =>
          (
            globalThis as unknown as { getComputedStyle(e: unknown): { fontWeight: string } }
          ).getComputedStyle(cell).fontWeight,
      );
    expect(weight).toBe('700');
    const charts = page.getByTestId('report-sex-charts').getByRole('img');
    await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(3);
    expect(await charts.first().getAttribute('aria-label')).toMatch(/femmes.*hommes/);
    await expect.poll(() => page.getByTestId('report-cohort-chart').getByRole('img').count()).toBe(1);
    // A percentage is written the Belgian French way: "12,5 %".
    expect(await table.textContent()).toMatch(/\d+,\d\s%/);

    await expectAccessible(page, 'results (coordinator)');
    await screenshot(page, 'reports-01-coordinator');

    // The XLSX export of the same query is a real workbook with the report's figures.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Télécharger XLSX' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'reports-steering.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.length).toBeGreaterThan(1);
    const cells: string[] = [];
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          cells.push(String(cell.value ?? ''));
        });
      });
    }
    expect(cells.join('\n')).toContain('Personnes coachées');
    expect(cells.join('\n')).toContain('EDIT Verviers');

    // The CSV and the PDF carry the same query, and are what they say they are.
    for (const [name, type] of [
      ['Télécharger CSV', 'text/csv'],
      ['Télécharger PDF', 'application/pdf'],
    ] as const) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      expect(href).toContain(`?${query}`);
      const response = await context.request.get(`${server.url}${href}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
    }

    // On a phone the page stays readable: no horizontal scrolling of the page itself.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate<number>('document.documentElement.scrollWidth'))
      .toBeLessThanOrEqual(390);
    await screenshot(page, 'reports-02-phone');
    await context.close();
  });

  it('keeps the results from a jobcoach, and answers the French address too', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'karim.benali@edit.demo');
    const navigation = page.getByRole('navigation');
    await expect.poll(() => navigation.getByRole('link', { name: 'Personnes' }).count()).toBe(1);
    expect(await navigation.getByRole('link', { name: 'Résultats' }).count()).toBe(0);
    await page.goto(`${server.url}/resultats`);
    await page.waitForURL(/\/results$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Accès réservé');
    expect((await api(page, 'GET', '/api/reports/steering?from=2026-01-01&to=2026-01-31')).status).toBe(403);
    await context.close();
  });

  it('lands the evaluator on the results, aggregates only, with small cells hidden and no persons menu', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, EVALUATOR);
    await page.waitForURL(/\/results/);

    const navigation = page.getByRole('navigation');
    await expect.poll(() => navigation.getByRole('link', { name: 'Résultats' }).count()).toBe(1);
    expect(await navigation.getByRole('link', { name: 'Personnes' }).count()).toBe(0);
    expect(await navigation.getByRole('link', { name: 'Employeurs' }).count()).toBe(0);

    // The six organisations it is granted, all selected at first; then one organisation alone.
    const filters = page.getByTestId('report-filters');
    await expect.poll(() => filters.getByRole('checkbox').count()).toBe(6);
    await expect
      .poll(() => page.getByTestId('aggregates-only').textContent())
      .toBe('Chiffres agrégés : les effectifs de moins de 5 personnes sont masqués (< 5).');
    await page.getByRole('button', { name: 'Tout décocher' }).click();
    await expect.poll(() => page.getByText('Choisissez au moins une organisation.').count()).toBe(1);
    // The choice lives in the address: the box shows checked once the page has followed it.
    const edit = filters.getByRole('checkbox', { name: 'EDIT Verviers' });
    await edit.click();
    await expect.poll(() => edit.isChecked()).toBe(true);
    await page.getByRole('button', { name: '12 derniers mois' }).click();

    // Counts of 1 to 4 persons read "< 5", explained under the table; nothing smaller shows.
    const bySex = page.getByTestId('report-table-by_sex');
    await expect.poll(() => bySex.locator('[data-small-cell]').count()).toBeGreaterThan(0);
    expect(await bySex.getByTestId('small-cell-legend').count()).toBe(1);
    const sexTable = bySex.getByRole('table');
    const headers = await sexTable.locator('thead th').allTextContents();
    const personColumns = ['Femmes', 'Hommes', 'Total', 'Sexe non communiqué'];
    const personCells: string[] = [];
    for (const row of await sexTable.locator('tbody tr').all()) {
      const values = await row.locator('td').allTextContents();
      values.forEach((value, i) => {
        if (personColumns.includes(headers[i + 1] ?? '')) personCells.push(value);
      });
    }
    expect(personCells.length).toBeGreaterThan(0);
    for (const value of personCells) expect(value).toMatch(/^(0|< 5|—|[5-9]|\d{2,})$/);

    // The API agrees: aggregates only.
    const search = new URL(page.url()).searchParams;
    const report = (
      await api(
        page,
        'GET',
        `/api/reports/steering?from=${search.get('from')}&to=${search.get('to')}&organisationIds=${search.get('org')}`,
      )
    ).json;
    expect(report.aggregatesOnly).toBe(true);

    await expectAccessible(page, 'results (evaluator)');
    await screenshot(page, 'reports-03-evaluator');
    await logout(page);
    await context.close();
  });
});
