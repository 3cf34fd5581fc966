import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login } from './support/session.ts';

interface Vacancy {
  id: string;
  title: string;
  status: string;
  activePresentations: number;
}
interface Match {
  person: { id: string; firstName: string; lastName: string };
  capReached: { cap: number; candidates: { name: string | null; step: string }[] } | null;
}

describe.skipIf(!hasBrowser)('browser: the candidate cap per offer, the employer visit sheet', () => {
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

  it('an offer at its cap shows « Proposer » disabled with the candidate; a cap of 2 enables it', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    // EDIT Verviers presents one candidate at a time (the demo's setting).
    await login(page, server.url, 'coordination@edit.demo');
    const vacancies = (await api(page, 'GET', '/api/vacancies?status=open&limit=500'))
      .json as unknown as Vacancy[];
    let found: { vacancy: Vacancy; candidate: Match } | undefined;
    for (const vacancy of vacancies.filter((v) => v.activePresentations === 1)) {
      const matches = (await api(page, 'GET', `/api/vacancies/${vacancy.id}/matches?limit=500`))
        .json as unknown as Match[];
      const candidate = matches.find((m) => m.capReached !== null);
      if (candidate) {
        found = { vacancy, candidate };
        break;
      }
    }
    expect(found).toBeDefined();
    const { vacancy, candidate } = found!;
    const inProgress = candidate.capReached!.candidates[0]!;
    expect(inProgress.name).toBeTruthy();
    const who = `${candidate.person.firstName} ${candidate.person.lastName}`;

    await page.goto(`${server.url}/offers/${vacancy.id}`);
    const card = page.getByTestId('matches').locator('li').filter({ hasText: who }).first();
    const propose = card.getByTestId('propose');
    await propose.waitFor();
    expect(await propose.isDisabled()).toBe(true);
    const why = card.getByTestId('propose-cap');
    expect(await why.textContent()).toContain(inProgress.name!);
    expect(await why.textContent()).toMatch(/Limite de 1 candidat/);
    await expectAccessible(page, 'offer at its cap');
    await screenshot(page, 'cap-01-offer-at-cap');

    // The coordinator raises the cap to 2 on the settings page.
    await page.goto(`${server.url}/settings`);
    const field = page.getByLabel('Candidat·e·s présenté·e·s à la fois par offre');
    expect(await field.inputValue()).toBe('1');
    await field.fill('11');
    await page.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
    await expect.poll(() => page.getByText('Indiquez un nombre entier de 1 à 10.').count()).toBe(1);
    await field.fill('2');
    await expectAccessible(page, 'settings with the cap');
    await page.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
    await page.getByTestId('settings-saved').waitFor();

    await page.goto(`${server.url}/offers/${vacancy.id}`);
    const after = page.getByTestId('matches').locator('li').filter({ hasText: who }).first();
    await after.getByTestId('propose').waitFor();
    await expect.poll(() => after.getByTestId('propose').isEnabled()).toBe(true);
    expect(await after.getByTestId('propose-cap').count()).toBe(0);
    await context.close();
  });

  it('the main employer’s page lists the persons working there; its visit sheet prints on one A4 page', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'coordination@edit.demo');
    // The demo's main employer: the one where most of the organisation's persons work today.
    const employers = (await api(page, 'GET', '/api/employers?limit=500')).json as unknown as {
      id: string;
      name: string;
    }[];
    let main:
      | { id: string; name: string; persons: { firstName: string; lastName: string; discreet: boolean }[] }
      | undefined;
    for (const e of employers) {
      const persons = (await api(page, 'GET', `/api/employers/${e.id}/persons`))
        .json as unknown as NonNullable<typeof main>['persons'];
      if (!main || persons.length > main.persons.length) main = { ...e, persons };
    }
    expect(main!.persons.length).toBeGreaterThan(0);
    const { id, persons } = main!;

    await page.goto(`${server.url}/employers/${id}`);
    const section = page.getByTestId('employer-persons');
    await section.getByTestId('employer-person').first().waitFor();
    expect(await section.getByTestId('employer-person').count()).toBe(persons.length);
    const text = (await section.textContent()) ?? '';
    for (const p of persons) expect(text).toContain(`${p.firstName} ${p.lastName}`);
    expect(await section.getByRole('heading', { name: 'Vos personnes chez cet employeur' }).count()).toBe(1);
    const map = await page.getByTestId('employer-map').getAttribute('href');
    expect(map).toMatch(/^https:\/\/www\.openstreetmap\.org\/search\?query=/);
    await expectAccessible(page, 'employer page with its persons');
    await screenshot(page, 'visit-01-employer-persons');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'employer page with its persons at 390 px');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('link', { name: 'Fiche de visite' }).click();
    await page.getByTestId('visit-sheet').waitFor();
    await page.getByTestId('visit-sheet').getByTestId('employer-person').first().waitFor();
    const printed = persons.filter((p) => !p.discreet);
    expect(await page.getByTestId('visit-sheet').getByTestId('employer-person').count()).toBe(printed.length);
    await expectAccessible(page, 'visit sheet');
    await screenshot(page, 'visit-02-sheet');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF')).toBe(true);
    expect(raw.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
    await context.close();
  });

  it('« Ma journée » names each deadline and gives a tel: link for the person’s phone', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'karim.benali@edit.demo');
    const day = (await api(page, 'GET', '/api/my-day')).json as unknown as {
      deadlines: { lastName: string; deadlineKind: string | null; phone: string | null }[];
      overdue: { lastName: string; phone: string | null }[];
    };
    expect(day.deadlines.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/`);
    const rows = page.getByTestId('myday-deadlines').getByTestId('myday-person');
    await rows.first().waitFor();
    const labels: Record<string, string> = {
      pre_hire_24_months: 'Fin des 24 mois le ',
      follow_up_end: 'Fin du suivi le ',
      contract_end: 'Fin du CDD le ',
      overall_30_months: 'Limite de 30 mois le ',
    };
    for (const [i, p] of day.deadlines.entries()) {
      const text = (await rows.nth(i).textContent()) ?? '';
      expect(text).toContain(labels[p.deadlineKind!]);
      expect(text).not.toContain('Échéance le');
    }
    const withPhone = [...day.deadlines, ...day.overdue].filter((p) => p.phone);
    expect(withPhone.length).toBeGreaterThan(0);
    const tel = page.getByTestId('myday-tel').first();
    expect(await tel.getAttribute('href')).toMatch(/^tel:\+?\d+$/);
    await expectAccessible(page, 'my day with tel links');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'my day with tel links at 390 px');
    await context.close();
  });
});
