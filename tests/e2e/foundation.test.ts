import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

const ADMIN_PASSWORD = 'une phrase de passe solide';
const TEMPORARY = 'provisoire-2026-coach';
const COACH_PASSWORD = 'le jobcoach marche vite';

describe.skipIf(!hasBrowser)('browser: first run, a coach, login and logout', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sets up the installation, creates a coach who logs in, changes the temporary password and logs out', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    // A first visit without the link explains where to find it.
    await page.goto(server.url);
    await page.waitForURL(/\/setup/);
    await screenshot(page, '01-setup-without-token');

    const link = server.setupLink();
    expect(link).toBeTruthy();
    await page.goto(link!);
    await page.getByLabel("Nom de l'organisation").fill('CPAS de Fleurus');
    await page.getByLabel("Type d'organisation").selectOption('cpas');
    await page.getByLabel("Bassin d'emploi").selectOption({ label: 'Charleroi' });
    await page.getByLabel('Adresse', { exact: true }).fill('Rue du Collège 29, 6220 Fleurus');
    await page.getByLabel("Numéro d'entreprise (BCE)").fill('0212.345.668');
    await page.getByLabel('Votre nom').fill('Nathalie Dubois');
    await page.getByLabel('Adresse e-mail').fill('nathalie@cpas-fleurus.example');
    await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByLabel('Confirmer le mot de passe').fill(ADMIN_PASSWORD);
    await expectAccessible(page, 'setup page');
    await screenshot(page, '02-setup-filled');
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByTestId('home-organisation').textContent()).toContain('CPAS de Fleurus');
    await screenshot(page, '03-home-after-setup');

    // The coordinator (admin) invites a coach, with a temporary password for a new account.
    await page.getByRole('link', { name: 'Équipe' }).click();
    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom', { exact: true }).fill('Fatima El Idrissi');
    await dialog.getByLabel('Adresse e-mail').fill('fatima@cpas-fleurus.example');
    await dialog.getByLabel('Rôle').selectOption('jobcoach');
    await dialog.getByLabel('ETP').fill('0,8');
    await dialog.getByLabel('Mot de passe temporaire').fill(TEMPORARY);
    await screenshot(page, '04-create-coach');
    await dialog.getByRole('button', { name: 'Inviter' }).click();
    // She waits among the invitations until she accepts.
    const invitations = page.getByTestId('pending-invitations');
    await invitations.getByRole('row', { name: /Fatima El Idrissi/ }).waitFor();
    await expect.poll(() => page.getByTestId('temporary-password').textContent()).toBe(TEMPORARY);
    await expectAccessible(page, 'team page');
    await screenshot(page, '05-team');

    await page.getByRole('button', { name: 'Menu utilisateur' }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/login/);

    // The coach logs in and must change the temporary password first.
    await page.getByLabel('Adresse e-mail').fill('fatima@cpas-fleurus.example');
    await page.getByLabel('Mot de passe', { exact: true }).fill(TEMPORARY);
    await expectAccessible(page, 'login page');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/password/);
    await page.getByLabel('Mot de passe actuel').fill(TEMPORARY);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(COACH_PASSWORD);
    await page.getByLabel('Confirmer le nouveau mot de passe').fill(COACH_PASSWORD);
    await screenshot(page, '06-change-temporary-password');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // Then she joins the organisation by accepting its invitation.
    await page.waitForURL(/\/invitations/);
    await page.getByRole('heading', { name: 'Rejoindre « CPAS de Fleurus »' }).waitFor();
    await expectAccessible(page, 'invitation of a new account');
    await screenshot(page, '06b-accept-invitation');
    await page.getByRole('button', { name: 'Accepter' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByTestId('home-role').textContent()).toMatch(/Jobcoach/i);
    await screenshot(page, '07-coach-home');

    await page.getByRole('button', { name: 'Menu utilisateur' }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/login/);
    await screenshot(page, '08-logged-out');

    // Logged out: the API refuses the old session.
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);

    // A wrong password shows the French message, the same as for an unknown e-mail.
    await page.getByLabel('Adresse e-mail').fill('fatima@cpas-fleurus.example');
    await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect
      .poll(() => page.getByText('Adresse e-mail ou mot de passe incorrect.').count())
      .toBeGreaterThan(0);
    await context.close();
  });
});
