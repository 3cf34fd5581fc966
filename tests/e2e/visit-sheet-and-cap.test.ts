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
});
