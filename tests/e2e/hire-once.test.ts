import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login, moveClock } from './support/session.ts';

interface DemoPresentation {
  id: string;
  personId: string;
  vacancyId: string;
  employerName: string;
  vacancyTitle: string;
  allowedSteps: { step: string }[];
}

describe.skipIf(!hasBrowser)('browser: a hire entered once', () => {
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

  it('« Embauché·e » opens the contract filled from the offer; the follow-up then starts without typing it again', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'karim.benali@edit.demo');
    // A presentation of Karim's at the interview, for an offer with its terms.
    const all = (await api(page, 'GET', '/api/presentations?limit=500'))
      .json as unknown as DemoPresentation[];
    const candidate = all.find((p) => p.allowedSteps.some((s) => s.step === 'hired'));
    expect(candidate).toBeDefined();
    const presentation = candidate!;
    const vacancy = (await api(page, 'GET', `/api/vacancies/${presentation.vacancyId}`)).json;

    await page.goto(`${server.url}/people/${presentation.personId}?tab=offers`);
    const card = page.getByTestId('presentation').filter({ hasText: presentation.vacancyTitle });
    await card.getByTestId('step-hired').click();
    const step = page.getByRole('dialog');
    await step.getByRole('button', { name: /Enregistrer/ }).click();

    // The contract form, filled from the offer: employer, title, type and hours.
    const form = page.getByTestId('contract-form');
    await form.waitFor();
    expect(await page.getByTestId('contract-from-offer').count()).toBe(1);
    await expect
      .poll(() =>
        form
          .getByLabel('Employeur')
          .evaluate(
            (e) => (e as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text,
          ),
      )
      .toBe(presentation.employerName);
    expect(await form.getByLabel('Fonction').inputValue()).toBe(presentation.vacancyTitle);
    const expectedType = vacancy.contract.type === 'other' ? '' : vacancy.contract.type;
    expect(await form.getByLabel('Type de contrat').inputValue()).toBe(expectedType);
    if (vacancy.hoursPerWeek !== null) {
      expect(Number(await form.getByLabel('Heures par semaine').inputValue())).toBe(vacancy.hoursPerWeek);
    }
    if (!expectedType) await form.getByLabel('Type de contrat').selectOption('cdi');
    const today = ((await api(page, 'GET', '/api/my-day')).json as { today: string }).today;
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    await form.getByLabel('Début du contrat').fill(tomorrow);
    // A fixed-term contract needs its planned end: the offer's length gives it, else the coach types it.
    if (
      ['cdd', 'interim'].includes(vacancy.contract.type) &&
      !(await form.getByLabel(/Fin prévue/).inputValue())
    ) {
      await form.getByLabel(/Fin prévue/).fill(new Date(Date.UTC(y, m + 5, d)).toISOString().slice(0, 10));
    }
    await expectAccessible(page, 'contract from the offer');
    await screenshot(page, 'hire-once-01-contract-from-offer');
    await form.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    await form.waitFor({ state: 'detached' });

    // In hiring; the manual move to follow-up is not offered, and says why.
    await page.goto(`${server.url}/people/${presentation.personId}`);
    await expect.poll(() => page.getByTestId('phase-badge').first().textContent()).toContain('Embauche');
    expect(await page.getByTestId('transition-start_follow_up').count()).toBe(0);
    expect(await page.getByTestId('blocked-start_follow_up').count()).toBe(1);

    // On the contract's first day: one click, nothing asked.
    await moveClock(server.url, 1);
    try {
      await login(page, server.url, 'karim.benali@edit.demo');
      await page.goto(`${server.url}/people/${presentation.personId}`);
      await page.getByRole('button', { name: 'Démarrer le suivi en entreprise' }).click();
      await expect
        .poll(() => page.getByTestId('phase-badge').first().textContent())
        .toContain('Suivi en entreprise');
      expect(await page.getByRole('dialog').count()).toBe(0);
      await screenshot(page, 'hire-once-02-follow-up');
    } finally {
      await moveClock(server.url, 0);
    }
    await context.close();
  });
});
