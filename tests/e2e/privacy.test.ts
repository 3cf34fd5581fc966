import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login } from './support/session.ts';

const COORDINATOR = 'coordination@edit.demo';
const JOBCOACH = 'karim.benali@edit.demo';

interface Summary {
  id: string;
  firstName: string;
  lastName: string;
  coachName: string | null;
}

describe.skipIf(!hasBrowser)(
  'browser: a person’s personal data, consent, hand-off, export and erasure',
  () => {
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

    it('records a sharing consent, hands off to the partner, exports JSON and PDF, then erases the person', async () => {
      const context = await browser.newContext({ locale: 'fr-BE', acceptDownloads: true });
      const page = await context.newPage();
      await login(page, server.url, COORDINATOR);

      // The partner comes from the organisation's directory; the person is one of the caseload.
      const partnerName = 'CPAS de Dison';
      const partner = await api(page, 'POST', '/api/partners', { name: partnerName, type: 'cpas' });
      expect(partner.status).toBe(201);
      const persons = (await api(page, 'GET', '/api/persons')).json as unknown as Summary[];
      // One whose name is nobody else's, not even a jobcoach's, so its absence can be checked.
      const person = persons.find(
        (p) =>
          !p.firstName.startsWith('Personne effacée') &&
          !persons.some((q) => q.coachName?.includes(p.lastName) || (q !== p && q.lastName === p.lastName)),
      );
      if (!person) throw new Error('the demo has persons');

      await page.goto(`${server.url}/people/${person.id}`);
      await page.getByRole('tab', { name: 'Données personnelles' }).click();
      await page.waitForURL(/tab=privacy/);

      // A consent to sharing with that partner.
      const consents = page.getByTestId('privacy-consents');
      await consents.getByLabel('Finalité', { exact: true }).click();
      await page.getByRole('option', { name: 'Transmission à un partenaire' }).click();
      await consents.getByLabel(/^Partenaire/).click();
      await page.getByRole('option', { name: partnerName }).click();
      await consents.getByLabel('Information donnée').fill('Séance d’information, notice version 2');
      await consents.getByRole('button', { name: 'Enregistrer' }).click();
      const consentRow = consents.getByTestId('consents').getByRole('row', { name: new RegExp(partnerName) });
      await expect.poll(() => consentRow.count()).toBe(1);
      expect(await consentRow.textContent()).toContain('En vigueur');

      // The hand-off to that partner: the summary to send shows, and the hand-off is listed.
      const handoffs = page.getByTestId('privacy-handoffs');
      await handoffs.getByLabel(/^Partenaire/).click();
      await page.getByRole('option', { name: partnerName }).click();
      await handoffs.getByLabel('Note (facultative)').fill('Orientation vers le service social.');
      await handoffs.getByRole('button', { name: 'Préparer la transmission' }).click();
      const summary = handoffs.getByTestId('handoff-summary');
      await expect.poll(() => summary.count()).toBe(1);
      expect(await summary.inputValue()).toContain(person.lastName);
      await expect.poll(() => handoffs.getByText(`à ${partnerName} (`).count()).toBe(1);
      await expectAccessible(page, 'privacy tab after hand-off');
      await screenshot(page, 'privacy-01-handoff');

      // The data-subject export: JSON that parses and names the person, and a PDF.
      const rights = page.getByTestId('privacy-rights');
      const downloading = page.waitForEvent('download');
      await rights.getByRole('link', { name: 'Télécharger les données (JSON)' }).click();
      const download = await downloading;
      const path = await download.path();
      const exported = JSON.parse(await readFile(path, 'utf8'));
      expect(JSON.stringify(exported)).toContain(person.lastName);
      expect(JSON.stringify(exported)).toContain(person.firstName);
      const pdfHref = await rights
        .getByRole('link', { name: 'Télécharger les données (PDF)' })
        .getAttribute('href');
      const pdf = await context.request.get(`${server.url}${pdfHref}`);
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');

      // The erasure, with a reason and a confirmation.
      const erase = rights.getByRole('button', { name: 'Effacer les données de la personne' });
      expect(await erase.isDisabled()).toBe(true);
      await rights.getByLabel('Motif de l’effacement').fill('Demande écrite du 3 mars');
      await erase.click();
      await expectAccessible(page, 'erasure confirmation');
      await screenshot(page, 'privacy-02-confirm');
      await rights.getByRole('button', { name: 'Effacer', exact: true }).click();
      await expect
        .poll(() => rights.getByText('Les données de la personne ont été effacées.').count())
        .toBe(1);

      // Afterwards the page shows the erased label, and the name is gone from the list.
      await page.goto(`${server.url}/people/${person.id}`);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toContain('Personne effacée');
      expect(await page.locator('main').textContent()).not.toContain(person.lastName);
      await screenshot(page, 'privacy-03-erased');
      await page.getByRole('navigation').getByRole('link', { name: 'Personnes' }).click();
      await page.waitForURL(/\/people$/);
      const table = page.getByTestId('people-table');
      await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(1);
      expect(await table.textContent()).not.toContain(person.lastName.toLocaleUpperCase('fr'));
      await expectAccessible(page, 'persons list after erasure');
      await context.close();
    });

    it('shows « Accès restreint » on the sensitive fields to a jobcoach without the right', async () => {
      const context = await browser.newContext({ locale: 'fr-BE' });
      const page = await context.newPage();
      await login(page, server.url, JOBCOACH);
      const persons = (await api(page, 'GET', '/api/persons')).json as unknown as Summary[];
      const person = persons.find(
        (p) => p.coachName === 'Karim Benali' && !p.firstName.startsWith('Personne'),
      );
      if (!person) throw new Error('Karim has a caseload in the demo');
      const file = (await api(page, 'GET', `/api/persons/${person.id}`)).json;
      expect(file.restricted.length).toBeGreaterThan(0);

      await page.goto(`${server.url}/people/${person.id}`);
      await page.getByRole('tab', { name: 'Identité et situation' }).click();
      await page.waitForURL(/tab=identity/);
      for (const field of file.restricted as string[]) {
        const input = page.getByTestId(`restricted-${field}`);
        await expect.poll(() => input.count()).toBe(1);
        expect(await input.inputValue()).toBe('Accès restreint');
      }
      await expectAccessible(page, 'identity tab (jobcoach without the sensitive right)');
      await screenshot(page, 'privacy-04-restricted');
      await context.close();
    });
  },
);
