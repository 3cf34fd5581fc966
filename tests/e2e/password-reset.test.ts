import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recipientOf, TestSmtp } from '../../apps/server/test/smtp.ts';
import { expectAccessible, hasBrowser, launchBrowser } from './support/browser.ts';
import { setUpInstallation } from './support/http.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { login } from './support/session.ts';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'une toute nouvelle phrase secrète';

/**
 * « Mot de passe oublié ? » as a user does it: the server started as in production with SMTP_URL,
 * a real SMTP server in the test process, the message's link opened in Chromium.
 */
describe.skipIf(!hasBrowser)('browser: a forgotten password reset by e-mail', () => {
  const smtp = new TestSmtp();
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await smtp.start();
    server = await startServer({
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Jobcoach <jobcoach@forma.example>' },
    });
    browser = await launchBrowser();
    expect((await setUpInstallation(server.url, server.setupLink()!, PASSWORD)).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp.stop();
  });

  it('sends a link from the login page that sets a new password once', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    // The login page has its own « Adresse e-mail »: fill the field once the new page shows.
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill('admin@forma.example');
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Si un compte actif existe pour admin@forma.example');
    await expectAccessible(page, 'password reset asked');

    // The background job sends it within about a minute.
    const [mail] = await smtp.waitFor(1, 150_000);
    expect(recipientOf(mail!)).toBe('admin@forma.example');
    const link = /(http:\/\/\S+\/reset-password\?token=\S+)/.exec(mail!.text ?? '')?.[1];
    expect(link?.startsWith(server.url)).toBe(true);

    await page.goto(link!);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirmer le nouveau mot de passe').fill(NEW_PASSWORD);
    await expectAccessible(page, 'new password from the link');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain('Votre mot de passe a été changé');

    // The link served once.
    await page.goto(link!);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(`${NEW_PASSWORD} bis`);
    await page.getByLabel('Confirmer le nouveau mot de passe').fill(`${NEW_PASSWORD} bis`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain("Ce lien n'est plus valable");

    // The new password signs in; the administrator sees nothing waiting.
    await login(page, server.url, 'admin@forma.example', NEW_PASSWORD);
    await page.goto(`${server.url}/admin`);
    const section = page.getByRole('region', { name: 'Courriels en attente' });
    await expect.poll(() => section.textContent()).toContain('Aucun courriel en attente.');
    await context.close();
  }, 240_000);
});
