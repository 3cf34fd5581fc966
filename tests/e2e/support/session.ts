import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The one password of every demo account (see the demo seed). */
export const DEMO_PASSWORD = 'demo-jobcoach-2002';

/** Logs in through the login page; the app may then return to the page asked for. */
export async function login(page: Page, url: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${url}/login`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: 'Menu utilisateur' }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await page.waitForURL(/\/login/);
}

/**
 * Moves the server's test clock, from outside any session; `days` is an absolute offset (0 puts
 * the clock back). Sessions age with the clock: log in again after a large move. Returns the
 * server's new "today".
 */
export async function moveClock(url: string, days: number): Promise<string> {
  const res = await fetch(`${url}/api/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ days }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { today: string }).today;
}

/** Calls the API from the logged-in page, as the web app does (session cookie and CSRF token). */
export async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      // biome-ignore lint/suspicious/noExplicitAny: the tests read a few fields of the API's JSON.
      return { status: res.status, json: (await res.json()) as Record<string, any> };
    },
    { method, path, body },
  );
}
