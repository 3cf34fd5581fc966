import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recipientOf, TestSmtp } from '../../apps/server/test/smtp.ts';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { setUpInstallation } from './support/http.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login, logout } from './support/session.ts';

const PASSWORD = 'correct horse battery staple';
const CHOSEN = 'ma phrase à moi pour Jobcoach';

/**
 * An invitation as a coordinator and the new member live it: the server started as in production
 * with SMTP_URL, a real SMTP server in the test process, the e-mail's link opened in Chromium.
 */
describe.skipIf(!hasBrowser)('browser: a new member joins through the invitation e-mail', () => {
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

  it('invites by e-mail without a temporary password; the link sets the password once, and the member signs in', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'admin@forma.example', PASSWORD);
    await page.getByRole('link', { name: 'Équipe' }).click();
    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom', { exact: true }).fill('Inès Martin');
    await dialog.getByLabel('Adresse e-mail').fill('ines.martin@forma.example');
    await dialog.getByLabel('Rôle').selectOption('jobcoach');
    // No temporary password: the invitation goes by e-mail.
    await dialog.getByRole('button', { name: 'Inviter' }).click();
    await expect
      .poll(() => page.getByTestId('team-notice').textContent())
      .toContain('Inès Martin est invité·e : un courriel lui est envoyé');
    await logout(page);

    // The background job sends it within about a minute.
    const [mail] = await smtp.waitFor(1, 150_000);
    expect(recipientOf(mail!)).toBe('ines.martin@forma.example');
    expect(mail!.subject).toBe('Jobcoach : invitation à rejoindre une équipe');
    expect(mail!.text).toContain('« FORMA Namur »');
    const link = /(http:\/\/\S+\/invitation\?token=\S+)/.exec(mail!.text ?? '')?.[1];
    expect(link?.startsWith(server.url)).toBe(true);

    await page.goto(link!);
    await page.getByRole('heading', { name: "Rejoindre l'équipe" }).waitFor();
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(CHOSEN);
    await page.getByLabel('Confirmer le nouveau mot de passe').fill(CHOSEN);
    await expectAccessible(page, 'invitation link');
    await screenshot(page, 'invitation-email-01-password');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toContain("Votre mot de passe est enregistré et vous faites partie de l'équipe");

    // The link served once.
    await page.goto(link!);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(`${CHOSEN} bis`);
    await page.getByLabel('Confirmer le nouveau mot de passe').fill(`${CHOSEN} bis`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('plus valable');

    // She signs in with her password, a member of FORMA Namur, nothing left to accept.
    await login(page, server.url, 'ines.martin@forma.example', CHOSEN);
    const me = await api(page, 'GET', '/api/auth/me');
    expect(
      me.json.memberships.map((m: { organisationName: string; role: string }) => [
        m.organisationName,
        m.role,
      ]),
    ).toEqual([['FORMA Namur', 'jobcoach']]);
    expect(me.json.invitations).toEqual([]);
    expect(me.json.user.mustChangePassword).toBe(false);
    await screenshot(page, 'invitation-email-02-signed-in');

    // On her account page she asks for the morning digest, in Dutch.
    await page.goto(`${server.url}/account`);
    const section = page.getByRole('region', { name: 'Courriels' });
    await section
      .getByRole('switch', { name: 'Recevoir chaque matin ouvrable le résumé de ma journée' })
      .click();
    await expect
      .poll(async () => (await api(page, 'GET', '/api/auth/preferences')).json.morningDigest)
      .toBe(true);
    await section.getByLabel('Langue des courriels').selectOption('nl');
    await expect
      .poll(async () => (await api(page, 'GET', '/api/auth/preferences')).json)
      .toEqual({ morningDigest: true, language: 'nl' });
    await expectAccessible(page, 'account mail preferences');
    await screenshot(page, 'invitation-email-03-mail-preferences');
    await context.close();
  }, 240_000);
});
