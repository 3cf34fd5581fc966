import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../apps/server/test/pdf-text.ts';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { login, logout, moveClock } from './support/session.ts';

describe.skipIf(!hasBrowser)('browser: from a referral to pre-hire, contacts and an overdue person', () => {
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

  it('records a referral, assesses it, downloads the trust contract, enters pre-hire, logs a contact and shows the overdue person', async () => {
    const context = await browser.newContext({ locale: 'fr-BE', acceptDownloads: true });
    const page = await context.newPage();

    // The coordinator records a referral for Karim's caseload.
    await login(page, server.url, 'coordination@edit.demo');
    await page.getByRole('link', { name: 'Personnes' }).click();
    await page.getByRole('link', { name: 'Nouvelle orientation' }).click();
    await page.getByLabel('Prénom').fill('Yasmina');
    await page.getByLabel('Nom', { exact: true }).fill('Haddouchi');
    await page.getByLabel('Date de naissance').fill('1986-03-14');
    await page.getByLabel('Sexe (statistique)').selectOption('woman');
    await page.getByTestId('niss-input').fill('86031412345');
    await expect
      .poll(() =>
        page
          .getByText(/NISS/)
          .filter({ hasText: /invalide|contrôle/i })
          .count(),
      )
      .toBeGreaterThan(0);
    await page.getByTestId('niss-input').fill('86.03.14-123.23');
    await page.getByLabel('Téléphone').fill('+32 470 12 34 56');
    await page.getByLabel('Orientation', { exact: true }).selectOption('spontaneous');
    await page.getByLabel('Jobcoach', { exact: true }).selectOption({ label: 'Karim Benali' });
    await expectAccessible(page, 'new referral');
    await screenshot(page, 'trajectory-01-referral');
    await page.getByRole('button', { name: "Enregistrer l'orientation" }).click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}/);
    const personUrl = page.url();
    await logout(page);

    // The coach assesses coachability: accepted.
    await login(page, server.url, 'karim.benali@edit.demo');
    await page.goto(`${server.url}/`);
    await page
      .getByTestId('myday-referrals')
      .getByRole('link', { name: 'Yasmina Haddouchi', exact: true })
      .click();
    await page.waitForURL(personUrl);
    // Before an assessment accepts the person, pre-hire is not offered, and the page says why; the
    // buttons are exactly the moves the API offers.
    const personId = personUrl.split('/').at(-1)!;
    const offeredMoves = async () =>
      (
        (await (await page.request.get(`${server.url}/api/persons/${personId}`)).json()) as {
          allowedTransitions: { id: string }[];
        }
      ).allowedTransitions.map((m) => m.id);
    const shownMoves = async () =>
      (
        await page
          .locator('[data-testid^="transition-"]')
          .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')!.replace('transition-', '')))
      ).filter((id) => !id.includes('form'));
    await expect.poll(() => page.getByTestId('blocked-enter_pre_hire').count()).toBe(1);
    expect(await offeredMoves()).toEqual(['exit']);
    expect(await shownMoves()).toEqual(await offeredMoves());
    await page.getByRole('button', { name: 'Évaluer la coachabilité' }).click();
    const assessment = page.getByRole('dialog');
    for (const condition of [
      'Vise un emploi peu ou pas qualifié',
      'Disponible pour prendre un emploi à très court terme',
      "Rencontre des obstacles qui bloquent l'accès à l'emploi",
      'Est volontaire après avoir reçu une information claire sur la méthode, ses enjeux, avantages et risques',
    ]) {
      await assessment.getByRole('group', { name: condition }).getByRole('radio', { name: 'Oui' }).check();
    }
    await assessment.getByLabel('Décision').selectOption('accepted');
    await screenshot(page, 'trajectory-02-assessment');
    await assessment.getByRole('button', { name: "Enregistrer l'évaluation" }).click();
    await expect.poll(() => page.getByTestId('decision-badge').textContent()).toContain('Acceptée');
    // Accepted: pre-hire is offered, and the buttons still follow the API exactly.
    await expect.poll(() => page.getByTestId('transition-enter_pre_hire').count()).toBe(1);
    expect(await page.getByTestId('blocked-enter_pre_hire').count()).toBe(0);
    expect(await offeredMoves()).toEqual(['enter_pre_hire', 'exit']);
    expect(await shownMoves()).toEqual(await offeredMoves());

    // The trust contract PDF downloads and holds the person's name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('trust-pdf').click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const pdf = readFileSync(path);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pdf)).toContain('YasminaHaddouchi');

    // The person enters pre-hire.
    await page.getByTestId('transition-enter_pre_hire').click();
    const move = page.getByRole('dialog');
    const today = await page.evaluate(
      async () => ((await (await fetch('/api/my-day')).json()) as { today: string }).today,
    );
    await move.getByLabel('Date du changement de phase').fill(today);
    await move.getByLabel('Date de signature du contrat de confiance').fill(today);
    await move.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => page.getByTestId('phase-badge').first().textContent()).toContain('Pré-embauche');
    await expect.poll(() => page.getByTestId('clock').count()).toBeGreaterThan(0);

    // The coach logs a direct contact today.
    await page.getByRole('button', { name: 'Noter un contact' }).click();
    const contact = page.getByRole('dialog');
    await contact.getByLabel('Date du contact').fill(today);
    await contact.getByLabel('La personne', { exact: true }).selectOption('yes');
    await contact.getByLabel('Canal').selectOption('office_meeting');
    await contact.getByLabel('Durée (minutes)').fill('45');
    await contact.getByLabel('Notes').fill('Premier entretien : projet magasinier, permis B en cours.');
    await contact.getByRole('button', { name: 'Enregistrer le contact' }).click();
    await expect.poll(() => page.getByTestId('cadence-due').textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    await expectAccessible(page, 'person file');
    await screenshot(page, 'trajectory-03-person-file');

    // "Ma journée" shows the next due date, a week later.
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const due = new Date(Date.UTC(y, m - 1, d + 7));
    const dueText = `${String(due.getUTCDate()).padStart(2, '0')}/${String(due.getUTCMonth() + 1).padStart(2, '0')}/${due.getUTCFullYear()}`;
    await page.getByRole('link', { name: 'Ma journée' }).click();
    const planned = page
      .getByTestId('myday-planned')
      .getByTestId('myday-person')
      .filter({ hasText: 'Haddouchi' });
    await expect.poll(() => planned.textContent()).toContain(dueText);
    await expectAccessible(page, 'Ma journée');
    await screenshot(page, 'trajectory-04-myday');

    // Eight days later, the person is overdue.
    await moveClock(server.url, 8);
    try {
      await login(page, server.url, 'karim.benali@edit.demo');
      await page.goto(`${server.url}/`);
      const overdue = page
        .getByTestId('myday-overdue')
        .getByTestId('myday-person')
        .filter({ hasText: 'Haddouchi' });
      await expect.poll(() => overdue.textContent()).toContain('En retard de 1 jour');
      await screenshot(page, 'trajectory-05-overdue');
    } finally {
      await moveClock(server.url, 0);
    }

    // The coordinator sees who opened the file, and when.
    await logout(page);
    await login(page, server.url, 'coordination@edit.demo');
    await page.goto(`${personUrl}?tab=timeline`);
    const reads = page.getByTestId('access-log-row').filter({ hasText: 'Karim Benali' });
    await expect.poll(() => reads.count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('access-log').textContent()).toContain('Document produit (PDF)');
    await screenshot(page, 'trajectory-06-access-log');
    await context.close();
  });
});
