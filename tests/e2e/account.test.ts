import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { DEMO_PASSWORD, login, moveClock } from './support/session.ts';

const DAY = 86_400_000;

describe.skipIf(!hasBrowser)('browser: TOTP second factor', () => {
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

  it('enrols a second factor, then logs in with e-mail, password and a code; a wrong code is refused', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'sophie.lambert@ceppst.demo');

    await page.getByRole('button', { name: 'Menu utilisateur' }).click();
    await page.getByRole('menuitem', { name: 'Sécurité du compte' }).click();
    await page.waitForURL(/\/account/);
    await page.getByRole('button', { name: 'Activer la double authentification' }).click();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
    await page.getByLabel('Code de vérification').fill(totp.generate());
    await expectAccessible(page, 'account security');
    await screenshot(page, 'account-01-enrol');
    await page.getByRole('button', { name: "Confirmer l'activation" }).click();
    await expect.poll(() => page.getByTestId('totp-status').textContent()).toContain('Activée');
    await screenshot(page, 'account-02-enabled');
    await page.getByRole('button', { name: 'Menu utilisateur' }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/login/);

    // A day later (a fresh 30-second step: a code is accepted only once).
    await moveClock(server.url, 1);
    try {
      await page.getByLabel('Adresse e-mail').fill('sophie.lambert@ceppst.demo');
      await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      const code = page.getByLabel('Code de vérification');
      await code.fill('000000');
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await expect
        .poll(() => page.getByText('Code de vérification incorrect ou déjà utilisé.').count())
        .toBeGreaterThan(0);
      await screenshot(page, 'account-03-wrong-code');
      await code.fill(totp.generate({ timestamp: Date.now() + DAY }));
      await page.getByRole('button', { name: 'Vérifier' }).click();
      await page.waitForURL((u) => u.pathname !== '/login');
      const me = await page.evaluate(
        async () => (await (await fetch('/api/auth/me')).json()) as { user: { totpEnabled: boolean } },
      );
      expect(me.user.totpEnabled).toBe(true);
      await screenshot(page, 'account-04-logged-in');
    } finally {
      await moveClock(server.url, 0);
    }
    await context.close();
  });
});
