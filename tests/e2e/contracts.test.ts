import { readFileSync } from 'node:fs';
import { addDays, addMonths } from '@jobcoach/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../apps/server/test/pdf-text.ts';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login, moveClock } from './support/session.ts';

const COACH = 'karim.benali@edit.demo';

describe.skipIf(!hasBrowser)('browser: a CDD, its end alert, the rebound, a CDI and the exit letter', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ command: 'demo' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await moveClock(server.url, 0).catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('signs a CDD, alerts before its end, returns to pre-hire with the deadline pushed, then a CDI and the exit letter', async () => {
    const context = await browser.newContext({ locale: 'fr-BE', acceptDownloads: true });
    const page = await context.newPage();
    const day0 = await moveClock(server.url, 0);
    await login(page, server.url, COACH);

    // A person in pre-hire for a month (set up through the API, as the other journeys test it).
    const entry = addDays(day0, -30);
    const created = await api(page, 'POST', '/api/persons', {
      firstName: 'Nadia',
      lastName: 'Verstraeten',
      birthDate: '1979-05-02',
      sex: 'woman',
      referral: { kind: 'spontaneous', receivedOn: addDays(entry, -10) },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const met = { met: true };
    const assessed = await api(page, 'POST', `/api/persons/${id}/assessments`, {
      assessedOn: addDays(entry, -5),
      conditions: {
        aims_low_qualified_job: met,
        available_short_notice: met,
        faces_obstacles: met,
        volunteers_after_information: met,
      },
      decision: 'accepted',
    });
    expect(assessed.status).toBe(201);
    const file = await api(page, 'GET', `/api/persons/${id}`);
    const moved = await api(page, 'POST', `/api/persons/${id}/transitions`, {
      transitionId: 'enter_pre_hire',
      fields: { date: entry, trustContractSignedOn: entry },
      version: file.json.version,
    });
    expect(moved.status).toBe(200);
    const baseDeadline = addMonths(entry, 24);
    expect(moved.json.clock.deadline).toBe(baseDeadline);

    // The coach records a CDD of two months in the person's file: the person moves to follow-up.
    await page.goto(`${server.url}/people/${id}`);
    await page.getByRole('button', { name: 'Enregistrer un contrat' }).click();
    const form = page.getByTestId('contract-form');
    await form.getByLabel('Employeur', { exact: true }).selectOption({ index: 1 });
    await form.getByLabel('Type de contrat').selectOption('cdd');
    await form.getByLabel('Fonction').fill('Préparatrice de commandes');
    await form.getByLabel('Date de signature').fill(day0);
    await form.getByLabel('Début du contrat').fill(day0);
    await form.getByLabel('Fin prévue').fill(addDays(day0, 59));
    await form.getByLabel('Heures par semaine').fill('38');
    await expectAccessible(page, 'contract form');
    await screenshot(page, 'contracts-01-sign-cdd');
    await form.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await expect.poll(() => page.getByTestId('contract-row').count()).toBe(1);
    await expect
      .poll(async () => (await api(page, 'GET', `/api/persons/${id}`)).json.phase)
      .toBe('follow_up');

    // A fortnight before the planned end, the alert shows in "Ma journée" and on the contract.
    await moveClock(server.url, 45);
    await login(page, server.url, COACH);
    await page.goto(`${server.url}/`);
    const ending = page
      .getByTestId('myday-contracts-ending')
      .getByTestId('myday-person')
      .filter({ hasText: 'Verstraeten' });
    await expect.poll(() => ending.count()).toBe(1);
    await screenshot(page, 'contracts-02-alert');
    await page.goto(`${server.url}/people/${id}`);
    await expect.poll(() => page.getByTestId('contract-ending-badge').textContent()).toContain('14 jours');

    // The CDD ends at its term (the coach records it 15 days later): back to pre-hire, deadline pushed.
    const endDay = await moveClock(server.url, 60);
    await login(page, server.url, COACH);
    await page.goto(`${server.url}/people/${id}`);
    await page.getByRole('button', { name: 'Fin du contrat' }).click();
    const end = page.getByTestId('contract-end-form');
    await end.getByLabel('Dernier jour travaillé').fill(addDays(day0, 59));
    await end.getByLabel('Motif de fin').selectOption('term_reached');
    await end.getByRole('button', { name: /Enregistrer/ }).click();
    await expect.poll(async () => (await api(page, 'GET', `/api/persons/${id}`)).json.phase).toBe('pre_hire');
    const rebound = (await api(page, 'GET', `/api/persons/${id}`)).json;
    expect(rebound.clock.suspendedDays).toBe(60);
    expect(rebound.clock.deadline).toBe(addDays(baseDeadline, 60));
    await screenshot(page, 'contracts-03-back-in-pre-hire');

    // Later a CDI, six months of follow-up, and the exit with the end-of-coaching letter.
    const employerId = (await api(page, 'GET', '/api/employers?limit=1')).json[0].id as string;
    const cdi = await api(page, 'POST', `/api/persons/${id}/contracts`, {
      employerId,
      type: 'cdi',
      signedOn: endDay,
      start: endDay,
      jobTitle: 'Magasinière',
      hoursPerWeek: 38,
    });
    expect(cdi.status).toBe(201);
    expect(cdi.json.person.phase).toBe('follow_up');
    const exitDay = await moveClock(server.url, 60 + 183);
    await login(page, server.url, COACH);
    const before = (await api(page, 'GET', `/api/persons/${id}`)).json;
    const exit = await api(page, 'POST', `/api/persons/${id}/transitions`, {
      transitionId: 'exit',
      fields: { date: exitDay, exitReason: 'consolidated_insertion' },
      version: before.version,
    });
    expect(exit.status).toBe(200);
    await page.goto(`${server.url}/people/${id}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('end-letter-pdf').click(),
    ]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pdf)).toContain('Verstraeten');
    await screenshot(page, 'contracts-04-exit');
    await context.close();
  });
});
