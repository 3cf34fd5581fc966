import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { login } from './support/session.ts';

async function takeStep(
  page: Page,
  step: string,
  fill?: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>,
) {
  await page.getByTestId(`step-${step}`).first().click();
  const dialog = page.getByTestId('step-form');
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: "Enregistrer l'étape" }).click();
  await expect.poll(() => page.getByTestId('presentation').first().getAttribute('data-step')).toBe(step);
}

describe.skipIf(!hasBrowser)('browser: from an employer to a hired candidate', () => {
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

  it('creates an employer and an objectified vacancy, ranks persons with reasons, and presents one through to hired', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'karim.benali@edit.demo');

    // A new employer of the Verviers basin.
    await page.getByRole('link', { name: 'Employeurs' }).click();
    await page.getByRole('link', { name: 'Nouvel employeur' }).click();
    await page.getByLabel("Nom de l'employeur").fill('Logistique des Fagnes');
    await page.getByTestId('bce-input').fill('0456.789.034');
    await page.getByLabel('Commune').fill('Verviers');
    await page.getByLabel('Nom et prénom').fill('Anne Klinkenberg');
    await page.getByLabel('Statut').selectOption('prospect');
    await expectAccessible(page, 'new employer');
    await page.getByRole('button', { name: "Créer l'employeur" }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Logistique des Fagnes');
    await screenshot(page, 'employers-01-employer');

    // A vacancy whose over-demanding offer is objectified with the employer.
    await page
      .getByRole('button', { name: 'Nouvelle offre' })
      .or(page.getByRole('link', { name: 'Nouvelle offre' }))
      .first()
      .click();
    const form = page.getByTestId('vacancy-form');
    await form.getByLabel('Intitulé du poste').fill('Magasinier');
    await form.getByLabel('Type de contrat').selectOption('cdi');
    const published = form.getByRole('group', { name: 'Exigences publiées' });
    await published
      .getByLabel("Texte de l'offre")
      .fill('Magasinier parlant allemand, permis B, 3 ans d’expérience');
    await published.getByLabel('Permis de conduire demandé').check();
    await page.getByTestId('copy-published').click();
    const objectified = form.getByRole('group', { name: "Exigences objectivées avec l'employeur" });
    await objectified
      .getByLabel('Description fine des tâches')
      .fill('Préparer les commandes, lire les étiquettes en allemand, ranger le stock. Pas de conduite.');
    await objectified.getByLabel('Permis de conduire demandé').uncheck();
    await screenshot(page, 'employers-02-vacancy-form');
    await form.getByRole('button', { name: "Créer l'offre" }).click();
    await page.waitForURL(/\/offers\/[0-9a-f-]{36}$/);

    // The matching list ranks the organisation's persons in pre-hire, with reasons.
    const matches = page.getByTestId('match');
    await expect.poll(() => matches.count()).toBeGreaterThan(0);
    const candidate = page.locator('[data-testid="match"][data-compatible="true"]').first();
    // Worded from the French catalog: the offer is a CDI, a strength listed before the rest.
    await expect
      .poll(() => candidate.getByTestId('match-reasons').textContent())
      .toContain('CDI : emploi durable');
    expect(await candidate.getByTestId('match-score').textContent()).toMatch(/\d+\/100/);
    const name = ((await candidate.getByTestId('match-name').textContent()) ?? '').trim();
    await expectAccessible(page, 'vacancy matches');
    await screenshot(page, 'employers-03-matches');

    // The presentation goes through to hired.
    await candidate.getByTestId('propose').click();
    await expect.poll(() => page.getByTestId('presentation').count()).toBeGreaterThan(0);
    await takeStep(page, 'discussed');
    await takeStep(page, 'applied');
    await takeStep(page, 'introduced', (dialog) =>
      dialog
        .getByLabel('Comment la personne est présentée')
        .selectOption('cv')
        .then(() => undefined),
    );
    await takeStep(page, 'interview');
    await takeStep(page, 'hired');
    await screenshot(page, 'employers-04-hired');

    // The person is now in hiring.
    const phase = await page.evaluate(async (who) => {
      const res = await fetch(`/api/persons?q=${encodeURIComponent(who)}`);
      const list = (await res.json()) as { firstName: string; lastName: string; phase: string }[];
      return list.find((p) => `${p.firstName} ${p.lastName}` === who)?.phase;
    }, name);
    expect(phase).toBe('hiring');
    await context.close();
  });
});
