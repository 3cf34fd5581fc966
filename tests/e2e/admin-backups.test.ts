import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { setUpInstallation } from './support/http.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { login } from './support/session.ts';

const PASSWORD = 'correct horse battery staple';

describe.skipIf(!hasBrowser)('browser: the administrator sees the backups', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    expect((await setUpInstallation(server.url, server.setupLink()!, PASSWORD)).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows that none exists yet, takes one on demand, then shows its date and size', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'admin@forma.example', PASSWORD);
    await page.goto(`${server.url}/admin`);
    const section = page.getByRole('region', { name: 'Sauvegardes' });
    await expect.poll(() => section.textContent(), { timeout: 10_000 }).toContain('Aucune sauvegarde pour l');
    expect(await section.textContent()).toContain('Chaque nuit à 2 h');
    expect(await section.textContent()).toContain(
      'Les 14 dernières sauvegardes sont gardées (0 actuellement)',
    );
    await expectAccessible(page, 'admin page with backups');

    await section.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await expect.poll(() => section.textContent(), { timeout: 30_000 }).toContain('Sauvegarde effectuée');
    const last = await page.getByTestId('last-backup').textContent();
    expect(last).toMatch(/^Dernière sauvegarde : \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(\d+(,\d)? Mo\)\.$/);
    expect(await section.textContent()).toContain('(1 actuellement)');
    await screenshot(page, 'admin-backups');
    await context.close();
  });
});
