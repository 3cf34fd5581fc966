import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login, logout } from './support/session.ts';

describe.skipIf(!hasBrowser)('browser: joining another organisation takes its owner’s acceptance', () => {
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

  it('invites an existing account like a new one; its owner accepts at the next login, without losing their organisation', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();

    // EDIT Verviers's coordinator adds Sophie Lambert's e-mail (she works at CEPPST Arlon).
    await login(page, server.url, 'coordination@edit.demo');
    await page.getByRole('link', { name: 'Équipe' }).click();
    await page.getByRole('button', { name: 'Ajouter un membre' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom', { exact: true }).fill('Sophie L.');
    await dialog.getByLabel('Adresse e-mail').fill('sophie.lambert@ceppst.demo');
    await dialog.getByLabel('Rôle').selectOption('jobcoach');
    await dialog.getByLabel('ETP').fill('0,5');
    await dialog.getByLabel('Mot de passe temporaire').fill('provisoire-2026-invitee');
    await dialog.getByRole('button', { name: 'Inviter' }).click();
    // The same notice as for a new e-mail; the row shows what the coordinator typed, nothing else.
    await expect
      .poll(() => page.getByTestId('team-notice').textContent())
      .toContain('Sophie L. est invité·e');
    const row = page.getByTestId('pending-invitations').getByRole('row', { name: /Sophie L\./ });
    await row.waitFor();
    expect(await row.count()).toBe(1);
    expect(await page.getByText('Sophie Lambert').count()).toBe(0);
    await expectAccessible(page, 'team page with an invitation');
    await screenshot(page, 'invitation-01-team');
    await logout(page);

    // Sophie logs in with her own password: the confirmation comes first.
    await login(page, server.url, 'sophie.lambert@ceppst.demo');
    await page.waitForURL(/\/invitations/);
    await page.getByRole('heading', { name: 'Rejoindre « EDIT Verviers »' }).waitFor();
    await expect
      .poll(() => page.getByTestId('invitation').textContent())
      .toContain('vous invite à rejoindre son équipe sur Jobcoach, avec le rôle « Jobcoach »');
    await expectAccessible(page, 'invitation confirmation');
    await screenshot(page, 'invitation-02-confirmation');
    // Until she accepts, her organisation is as it was.
    const before = await api(page, 'GET', '/api/auth/me');
    expect(before.json.memberships.map((m: { organisationName: string }) => m.organisationName)).toEqual([
      'CEPPST Arlon',
    ]);

    // Put off, then accepted from the user menu.
    await page.getByRole('button', { name: 'Décider plus tard' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('button', { name: 'Menu utilisateur' }).click();
    await page.getByRole('menuitem', { name: 'Invitations en attente (1)' }).click();
    await page.waitForURL(/\/invitations/);
    await page.getByRole('button', { name: 'Accepter' }).click();
    await page.waitForURL((u) => u.pathname === '/');

    // She now works in both, still in CEPPST Arlon by default.
    const after = await api(page, 'GET', '/api/auth/me');
    expect(
      after.json.memberships.map((m: { organisationName: string }) => m.organisationName).sort(),
    ).toEqual(['CEPPST Arlon', 'EDIT Verviers']);
    expect(after.json.invitations).toEqual([]);
    const switcher = page.getByRole('combobox', { name: 'Organisation' });
    await expect.poll(() => switcher.locator('option:checked').textContent()).toBe('CEPPST Arlon');
    await screenshot(page, 'invitation-03-accepted');
    await context.close();
  });
});
