import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login } from './support/session.ts';

interface Contract {
  employerId: string;
  employerName: string;
  start: string;
  plannedEnd: string | null;
  actualEnd: string | null;
}

describe.skipIf(!hasBrowser)('browser: a visit entered once', () => {
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

  /** « Employeurs contactés » today in the coordinator's steering report. */
  async function employersContactedToday(page: Page, today: string) {
    const report = (await api(page, 'GET', `/api/reports/steering?from=${today}&to=${today}`)).json;
    const headline = (
      report.tables as { id: string; rows: { key: string; values: { value: number } }[] }[]
    ).find((x) => x.id === 'headline')!;
    return headline.rows.find((r) => r.key === 'employers_contacted')!.values.value;
  }

  it('a visit logged on the person’s file shows on the employer’s page and counts among « Employeurs contactés »; cancelling it takes it back', async () => {
    const coordinatorContext = await browser.newContext({ locale: 'fr-BE' });
    const coordinator = await coordinatorContext.newPage();
    await login(coordinator, server.url, 'coordination@edit.demo');
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    await login(page, server.url, 'karim.benali@edit.demo');
    // The server's today (Brussels), which the form's date defaults to: not the test machine's UTC day.
    const day = ((await api(page, 'GET', '/api/my-day')).json as { today: string }).today;

    // One of Karim's persons in follow-up, at an employer nobody of the organisation met today.
    const persons = (await api(page, 'GET', '/api/persons?phase=follow_up')).json as unknown as {
      id: string;
    }[];
    let found: { personId: string; contract: Contract } | undefined;
    for (const p of persons) {
      const file = (await api(page, 'GET', `/api/persons/${p.id}`)).json;
      const contract = (file.contracts as Contract[]).find(
        (c) => c.start <= day && (c.actualEnd ?? c.plannedEnd ?? day) >= day,
      );
      if (!contract) continue;
      const employer = (await api(page, 'GET', `/api/employers/${contract.employerId}`)).json;
      const metToday = (employer.contacts as { date: string; direct: boolean; status: string }[]).some(
        (c) => c.date === day && c.direct && c.status !== 'cancelled',
      );
      if (!metToday) {
        found = { personId: p.id, contract };
        break;
      }
    }
    expect(found).toBeDefined();
    const { personId, contract } = found!;
    const before = await employersContactedToday(coordinator, day);

    // « Noter un contact » on the person's file: a visit is at the current employer's by default.
    await page.goto(`${server.url}/people/${personId}`);
    await page.getByRole('button', { name: 'Noter un contact' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Canal').selectOption('visit');
    await expect
      .poll(() =>
        dialog
          .getByLabel('Employeur')
          .evaluate(
            (e) => (e as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text,
          ),
      )
      .toBe(`${contract.employerName} (employeur actuel)`);
    await dialog.getByLabel('Notes').fill('Visite de suivi sur le lieu de travail, tout va bien.');
    await dialog.getByRole('button', { name: 'Enregistrer le contact' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The same visit on the employer's page, and once in the report.
    await page.goto(`${server.url}/employers/${contract.employerId}`);
    const row = page
      .getByTestId('employer-contacts-table')
      .getByRole('row')
      .filter({ hasText: 'tout va bien' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Contact direct');
    await expectAccessible(page, 'employer page with a visit logged from a person file');
    await screenshot(page, 'visit-once-employer');
    expect(await employersContactedToday(coordinator, day)).toBe(before + 1);

    // Entered by mistake: cancelled, with a reason; it stays, marked, and counts no more.
    await row.getByRole('button', { name: 'Annuler ce contact' }).click();
    const cancel = page.getByRole('dialog');
    await cancel.getByLabel('Motif').fill('Visite notée deux fois');
    await cancel.getByRole('button', { name: 'Annuler le contact' }).click();
    await cancel.waitFor({ state: 'detached' });
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('annulé');
    expect(await employersContactedToday(coordinator, day)).toBe(before);

    await page.goto(`${server.url}/people/${personId}?tab=timeline`);
    const entry = page.getByTestId('timeline-contact').filter({ hasText: 'Visite notée deux fois' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('annulé');
    await context.close();
    await coordinatorContext.close();
  });
});
