import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login } from './support/session.ts';

interface Coach {
  id: string;
  name: string;
  caseload: { activeCount: number };
  overdue: number;
  deadlines: number;
}
type DayPerson = { covered: boolean; coachName: string | null };
const own = (list: DayPerson[]) => list.filter((p) => !p.covered && p.coachName !== null).length;

describe.skipIf(!hasBrowser)('browser: the coordinator’s home', () => {
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

  it('lands a coordinator on the team with each coach’s counts; a coach opens that coach’s day', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'coordination@edit.demo');
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { name: "Vue d'ensemble", level: 1 }).waitFor();
    await page.getByTestId('team-coach').first().waitFor();

    const coaches = (await api(page, 'GET', '/api/team/overview')).json.coaches as Coach[];
    expect(coaches.length).toBeGreaterThan(1);
    expect(await page.getByTestId('team-coach').count()).toBe(coaches.length);
    for (const coach of coaches) {
      // The overview's counts are those of the coach's « Ma journée ».
      const day = (await api(page, 'GET', `/api/my-day?coachId=${coach.id}`)).json;
      expect(coach.caseload.activeCount, coach.name).toBe(day.caseload.activeCount);
      expect(coach.overdue, coach.name).toBe(own(day.overdue));
      expect(coach.deadlines, coach.name).toBe(own(day.deadlines));
      const card = page.locator(`[data-testid="team-coach"][data-coach-id="${coach.id}"]`);
      expect(await card.getByTestId('team-coach-link').textContent()).toBe(coach.name);
      expect(await card.getByTestId('team-coach-overdue').textContent()).toBe(`En retard : ${coach.overdue}`);
      expect(await card.getByTestId('team-coach-deadlines').textContent()).toBe(
        `Échéances à 60 jours : ${coach.deadlines}`,
      );
      expect(await card.getByTestId('team-coach-active').textContent()).toMatch(
        new RegExp(`^${coach.caseload.activeCount} personnes? actives? pour`),
      );
    }
    // The demo's coordinators and coaches have persons overdue somewhere: the counts are not all zero.
    expect(coaches.some((c) => c.overdue > 0)).toBe(true);

    await expectAccessible(page, 'team home');
    await screenshot(page, 'team-home-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'team home at 390 px');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'team-home-390');
    await page.setViewportSize({ width: 1280, height: 800 });

    // A click on a coach (another than the coordinator) opens that coach's day.
    const me = (await api(page, 'GET', '/api/auth/me')).json.user.id as string;
    const other = coaches.find((c) => c.id !== me && c.overdue > 0) ?? coaches.find((c) => c.id !== me)!;
    await page
      .locator(`[data-testid="team-coach"][data-coach-id="${other.id}"]`)
      .getByTestId('team-coach-link')
      .click();
    await page.waitForURL((u) => u.pathname === '/my-day' && u.searchParams.get('coachId') === other.id);
    await expect.poll(() => page.getByTestId('myday-today').textContent()).toContain(other.name);
    await expect
      .poll(() => page.getByTestId('myday-overdue').getByTestId('myday-person').count())
      .toBeGreaterThanOrEqual(other.overdue);
    await context.close();
  });

  it('shows the setup checklist until its items are done or set aside, accessible at both widths', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'coordination@edit.demo');
    const checklist = (await api(page, 'GET', '/api/team/checklist')).json;
    // The demo imported no history: the checklist is shown, with that item to do.
    expect(checklist.complete).toBe(false);
    const section = page.getByTestId('setup-checklist');
    await section.waitFor();
    const history = page.getByTestId('checklist-history');
    expect(await history.getAttribute('data-state')).toBe('todo');
    expect(await history.getByRole('link', { name: "Commencer l'import" }).getAttribute('href')).toBe(
      '/history-import',
    );
    await expectAccessible(page, 'setup checklist');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'setup checklist at 390 px');
    await screenshot(page, 'team-home-checklist-390');
    await page.setViewportSize({ width: 1280, height: 800 });

    await history.getByRole('button', { name: "Pas d'historique à importer" }).click();
    const after = (await api(page, 'GET', '/api/team/checklist')).json;
    expect(after.items.find((i: { key: string }) => i.key === 'history').dismissed).toBe(true);
    if (after.complete) {
      await expect.poll(() => section.count()).toBe(0);
    } else {
      await expect.poll(() => history.getAttribute('data-state')).toBe('dismissed');
    }
    // Once every item is done or set aside, the checklist is gone.
    for (const item of after.items as { key: string; done: boolean; dismissed: boolean }[]) {
      if (item.key === 'settings' && !item.done && !item.dismissed) {
        await api(page, 'POST', '/api/team/checklist/dismissals', { item: 'settings' });
      }
    }
    const final = (await api(page, 'GET', '/api/team/checklist')).json;
    if (final.complete) {
      await page.reload();
      await page.getByTestId('team-coach').first().waitFor();
      expect(await page.getByTestId('setup-checklist').count()).toBe(0);
    }
    await context.close();
  });

  it('the administration chooses a rule’s aid from the labelled list of the contract', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'admin@jobcoach.demo');
    await page.goto(`${server.url}/admin`);
    await page.getByRole('button', { name: 'Ajouter une règle' }).click();
    const aid = page.getByRole('dialog').getByLabel('Aide', { exact: true });
    await aid.waitFor();
    const labels = await aid.locator('option').allTextContents();
    expect(labels).toContain("Mise à l'emploi article 60 §7 (CPAS)");
    expect(labels).toContain('Impulsion -25 ans');
    await aid.selectOption({ label: 'Impulsion 55 ans +' });
    expect(await aid.inputValue()).toBe('impulsion_55_plus');
    await expectAccessible(page, 'hiring-aid rule form');
    await context.close();
  });
});
