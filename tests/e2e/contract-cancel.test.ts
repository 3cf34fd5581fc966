import { addDays, addMonths } from '@jobcoach/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, hasBrowser, launchBrowser, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { api, login, moveClock } from './support/session.ts';

const COACH = 'karim.benali@edit.demo';

describe.skipIf(!hasBrowser)('browser: a contract entered by mistake is cancelled, not deleted', () => {
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

  it('asks for a reason, asks before throwing it away, and keeps the contract struck « annulé »', async () => {
    const context = await browser.newContext({ locale: 'fr-BE' });
    const page = await context.newPage();
    const today = await moveClock(server.url, 0);
    await login(page, server.url, COACH);

    // A person in pre-hire for 90 days, with a CDD that moved her to follow-up (through the API).
    const entry = addDays(today, -90);
    const created = await api(page, 'POST', '/api/persons', {
      firstName: 'Odile',
      lastName: 'Vandenberghe',
      birthDate: '1981-03-14',
      sex: 'woman',
      referral: { kind: 'spontaneous', receivedOn: addDays(entry, -10) },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const met = { met: true };
    const assessed = await api(page, 'POST', `/api/persons/${id}/assessments`, {
      assessedOn: addDays(entry, -5),
      conditions: {
        aims_low_qualified_job: met,
        available_short_notice: met,
        faces_obstacles: met,
        volunteers_after_information: met,
      },
      decision: 'accepted',
    });
    expect(assessed.status).toBe(201);
    const file = await api(page, 'GET', `/api/persons/${id}`);
    const moved = await api(page, 'POST', `/api/persons/${id}/transitions`, {
      transitionId: 'enter_pre_hire',
      fields: { date: entry, trustContractSignedOn: entry },
      version: file.json.version,
    });
    expect(moved.status).toBe(200);
    const employerId = (await api(page, 'GET', '/api/employers?limit=1')).json[0].id as string;
    const signed = await api(page, 'POST', `/api/persons/${id}/contracts`, {
      employerId,
      type: 'cdd',
      signedOn: addDays(today, -10),
      start: addDays(today, -10),
      plannedEnd: addDays(today, 50),
      jobTitle: 'Caissière',
    });
    expect(signed.status).toBe(201);
    expect(signed.json.person.phase).toBe('follow_up');

    await page.goto(`${server.url}/people/${id}`);
    const row = page.getByTestId('contract-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: 'Annuler ce contrat' }).click();
    const form = page.getByTestId('contract-cancel-form');
    await form.waitFor();
    await form.getByLabel('Motif').fill('Contrat saisi sur le mauvais dossier');

    // Escape: the dialog asks before the reason is thrown away, and « Annuler » keeps it.
    await page.keyboard.press('Escape');
    await page.getByTestId('unsaved-confirm').waitFor();
    await page.getByTestId('unsaved-keep').click();
    expect(await form.getByLabel('Motif').inputValue()).toBe('Contrat saisi sur le mauvais dossier');
    await expectAccessible(page, 'contract cancel dialog');
    await screenshot(page, 'contract-cancel-01-dialog');

    await form.getByRole('button', { name: 'Annuler le contrat' }).click();
    await page.getByTestId('contract-cancel-form').waitFor({ state: 'detached' });
    // The contract stays, struck and badged « annulé » with its reason; nothing is offered on it.
    await row.getByTestId('contract-cancelled-badge').waitFor();
    expect(await row.getAttribute('data-status')).toBe('cancelled');
    expect(await row.getByTestId('contract-cancelled-badge').textContent()).toBe('Annulé');
    expect(await row.getByTestId('contract-cancelled-reason').textContent()).toContain(
      'Contrat saisi sur le mauvais dossier',
    );
    expect(await row.getByRole('button').count()).toBe(0);
    await screenshot(page, 'contract-cancel-02-cancelled');

    // The person is back in pre-hire since her entry; the clock suspends nothing.
    const after = (await api(page, 'GET', `/api/persons/${id}`)).json;
    expect(after).toMatchObject({ phase: 'pre_hire', phaseSince: entry });
    expect(after.clock).toMatchObject({ suspendedDays: 0, deadline: addMonths(entry, 24) });
    await context.close();
  });
});
