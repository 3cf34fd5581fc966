import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login } from './support/session.ts';

const shift = (iso: string, years: number, days: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d + days)).toISOString().slice(0, 10);
};

describe.skipIf(!hasBrowser)('browser: matching on real constraints, hiring aids and the basin', () => {
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

  it('a coach picks « préparateur de commandes » from the referential, sees the aids and the cost on a presentation, and a basin colleague’s offer', async () => {
    // A colleague of another organisation of the Verviers basin publishes an offer.
    const colleague = await browser.newContext({ locale: 'fr-BE' });
    const other = await colleague.newPage();
    await login(other, server.url, 'thomas.kessler@mire-verviers.demo');
    const employer = await api(other, 'POST', '/api/employers', {
      name: 'Entrepôts de la Vesdre',
      sector: 'private',
      status: 'prospect',
      commune: 'Dison',
    });
    expect(employer.status).toBe(201);
    const today = ((await api(other, 'GET', '/api/my-day')).json as { today: string }).today;
    const basinOffer = await api(other, 'POST', '/api/vacancies', {
      employerId: employer.json.id,
      title: 'Cariste de nuit',
      source: 'canvassing',
      contract: { type: 'cdi' },
      hoursPerWeek: 38,
      published: { languages: [{ code: 'fr', speak: 'good' }] },
      openedOn: today,
    });
    expect(basinOffer.status, JSON.stringify(basinOffer.json)).toBe(201);
    await colleague.close();

    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'karim.benali@edit.demo');
    // A young person of Karim's, in pre-hire: 24 years old, 8 months without a job, living in Verviers.
    const created = await api(page, 'POST', '/api/persons', {
      firstName: 'Yasmine',
      lastName: 'Aidée',
      birthDate: shift(today, -24, -40),
      sex: 'woman',
      postcode: '4800',
      commune: 'Verviers',
      monthsWithoutJob: 8,
      languages: [{ code: 'fr', understand: 'fluent', speak: 'fluent', read: 'good', write: 'good' }],
      wishedJobs: ['cariste'],
      referral: { kind: 'spontaneous', receivedOn: shift(today, 0, -30) },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const personId = created.json.id as string;
    const met = { met: true };
    const assessed = await api(page, 'POST', `/api/persons/${personId}/assessments`, {
      assessedOn: shift(today, 0, -25),
      conditions: {
        aims_low_qualified_job: met,
        available_short_notice: met,
        faces_obstacles: met,
        volunteers_after_information: met,
      },
      decision: 'accepted',
    });
    expect(assessed.status, JSON.stringify(assessed.json)).toBe(201);
    const file = (await api(page, 'GET', `/api/persons/${personId}`)).json;
    const moved = await api(page, 'POST', `/api/persons/${personId}/transitions`, {
      transitionId: 'enter_pre_hire',
      fields: { date: shift(today, 0, -20), trustContractSignedOn: shift(today, 0, -20) },
      version: file.version,
    });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);

    // A new offer whose title is picked from the occupations referential while typing.
    await page.goto(`${server.url}/offers/new`);
    const form = page.getByTestId('vacancy-form');
    await form.getByLabel('Employeur').selectOption({ index: 1 });
    await form.getByLabel('Intitulé du poste').fill('prépa');
    await page.getByRole('option', { name: 'préparateur de commandes' }).click();
    expect(await form.getByLabel('Intitulé du poste').inputValue()).toBe('préparateur de commandes');
    // The referential gives the activity (NACE section H, transport and storage).
    expect(await form.getByLabel(/NACE/).inputValue()).toBe('H');
    await form.getByLabel('Heures par semaine').fill('38');
    await screenshot(page, 'matching-constraints-01-referential');
    await form.getByRole('button', { name: "Créer l'offre" }).click();
    await page.waitForURL(/\/offers\/[0-9a-f-]{36}$/);

    // Yasmine is proposed from the candidates list; her aids are named beside the match.
    const match = page.getByTestId('match').filter({ hasText: 'Yasmine' });
    await expect.poll(() => match.count(), { timeout: 15_000 }).toBe(1);
    expect(await match.getByTestId('hiring-aids').textContent()).toContain('Impulsion -25 ans');
    await match.getByTestId('propose').click();
    const presentation = page.getByTestId('presentation').filter({ hasText: 'Yasmine' });
    await expect.poll(() => presentation.count()).toBe(1);

    // On the presentation: the aids with their source, then the estimated cost at 14,50 € gross an hour.
    await presentation.getByTestId('hire-toggle').click();
    const hire = presentation.getByTestId('hire-panel');
    await expect.poll(() => hire.getByTestId('hire-aid').count()).toBeGreaterThan(0);
    const aids = (await hire.getByTestId('hire-aids').textContent()) ?? '';
    expect(aids).toContain('Impulsion -25 ans');
    expect(aids).toContain('Décret wallon du 2 février 2017');
    await hire.getByTestId('hire-wage').fill('14,50');
    await hire.getByTestId('hire-estimate').click();
    const cost = hire.getByTestId('hire-cost');
    await cost.waitFor();
    expect(await cost.textContent()).toMatch(/Estimation pour en parler avec l’employeur/);
    expect(await hire.getByTestId('hire-assumptions').textContent()).toContain('Paramètres en vigueur au');
    expect(await hire.getByTestId('hire-cost-after').textContent()).toMatch(/\d/);
    // 14,50 × 38 × 52/12 = 2 387,67 € gross a month.
    expect(await cost.textContent()).toMatch(/2\s?387,67/);
    await expectAccessible(page, 'presentation hire');
    await screenshot(page, 'matching-constraints-02-aids-and-cost');

    // The basin colleague's offer in Yasmine's matching list, with the organisation to contact.
    await page.goto(`${server.url}/people/${personId}?tab=offers`);
    const basin = page.getByTestId('basin-offer').filter({ hasText: 'Cariste de nuit' });
    await basin.waitFor();
    expect(await basin.getByTestId('basin-organisation').textContent()).toContain(
      "Mission régionale pour l'emploi de Verviers",
    );
    await page
      .getByRole('button', { name: 'Demander à présenter la personne pour : Cariste de nuit' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('basin-note').fill('Cariste certifiée, disponible de nuit.');
    await dialog.getByTestId('basin-send').click();
    await expect
      .poll(() => page.getByTestId('basin-request-status').first().textContent())
      .toContain('Demande envoyée');
    await expectAccessible(page, 'basin offers');
    await screenshot(page, 'matching-constraints-03-basin');
    await context.close();

    // The administrator keeps the dated rules, with their sources.
    const adminContext = await browser.newContext({ locale: 'fr-BE' });
    const adminPage = await adminContext.newPage();
    await login(adminPage, server.url, 'admin@jobcoach.demo');
    await adminPage.goto(`${server.url}/admin`);
    const rules = adminPage.getByTestId('hiring-aid-rules');
    await rules.waitFor();
    const table = (await rules.textContent()) ?? '';
    expect(table).toContain('Impulsion -25 ans');
    expect(table).toContain('moins de 25 ans');
    expect(table).toContain('Plan Activa');
    await adminPage.getByRole('button', { name: 'Modifier la règle : Impulsion -25 ans' }).click();
    const edit = adminPage.getByRole('dialog');
    expect(await edit.getByLabel('Moins de … ans').inputValue()).toBe('25');
    await expectAccessible(adminPage, 'hiring-aid rules');
    await screenshot(adminPage, 'matching-constraints-04-admin-rules');
    await adminContext.close();
  });
});
