import { testTargets } from '@jobcoach/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createPerson,
  personBody,
  setupInstallation,
  startTestApp,
  type TestApp,
} from './helpers.ts';
import { pdfText } from './pdf-text.ts';

/** Dates at the edges of the calendar, and text that merely looks like a date. */
describe.each(testTargets())('dates at the edges ($driver)', (target) => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestApp(target);
    ({ admin } = await setupInstallation(t));
  });
  afterAll(() => t.close());

  it('filters the audit log up to the last day of year 9999 without a server error', async () => {
    const all = await admin.get('/api/audit?limit=1000');
    expect(all.status).toBe(200);
    const until = await admin.get('/api/audit?limit=1000&to=9999-12-31');
    expect(until.status).toBe(200);
    expect(until.json).toEqual(all.json);
    const from = await admin.get('/api/audit?limit=1000&from=0001-01-01&to=9999-12-31');
    expect(from.status).toBe(200);
    expect(from.json).toEqual(all.json);
    const csv = await admin.get('/api/audit.csv?to=9999-12-31');
    expect(csv.status).toBe(200);
  });

  it('refuses an impossible calendar day in the audit filter with a clear message', async () => {
    const res = await admin.get('/api/audit?to=2024-02-30');
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe('to');
  });

  it('renders the data-subject export when a text field holds an impossible date', async () => {
    const person = await createPerson(
      admin,
      personBody('2024-01-15', { notes: '2024-02-30', skillsKnowHow: '2023-13-01' }),
    );
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${person.id}/export.pdf`,
      headers: { cookie: admin.cookie! },
    });
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    // Text stays as typed; a real calendar date is shown in the Belgian format.
    expect(text).toContain('2024-02-30');
    expect(text).toContain('2023-13-01');
    expect(text).toContain('15/01/2024');
  });
});
