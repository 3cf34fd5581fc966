import { testTargets } from '@jobcoach/db/testing';
import { addDays, addMonths } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { Clock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import {
  addUser,
  type Client,
  createEmployer,
  createPerson,
  createVacancy,
  employerBody,
  loginAs,
  move,
  personBody,
  setupInstallation,
  type TestApp,
  vacancyBody,
} from './helpers.ts';

/**
 * The statements a page runs do not grow with what it shows (no N+1): « Ma journée » and the
 * person's file are read with the same number of statements for a coach with two persons and for
 * one with ten, and for a person with one contact and one with twelve. A jobcoach's person scope
 * (the colleagues covered today, the sensitive right) comes with the session (auth/sessions.ts).
 * Every statement is counted, those the query builder makes and those compiled once alike.
 */
class StatementCounter {
  count = 0;
  /** OpenOptions.onQuery: every statement run, built by the query builder or compiled once. */
  onQuery = () => {
    this.count++;
  };
}

describe.each(testTargets())('statements per page on $driver', (target) => {
  let t: TestApp;
  const counter = new StatementCounter();
  let few: Client;
  let many: Client;
  let coordinator: Client;
  let organisation: string;
  let today: string;
  const personOf: Record<string, string> = {};

  async function statements(client: Client, url: string) {
    counter.count = 0;
    const res = await client.get(url);
    expect(res.status).toBe(200);
    return counter.count;
  }

  async function caseload(coach: Client, n: number, prefix: string) {
    for (let i = 0; i < n; i++) {
      const start = addMonths(today, -3);
      const p = await createPerson(
        coach,
        personBody(start, { firstName: `${prefix}${i}`, lastName: 'Test' }),
      );
      await move(coach, p.id, 'enter_pre_hire', { date: start, trustContractSignedOn: start });
      const contacts = i === 0 ? (prefix === 'Many' ? 12 : 1) : 1;
      for (let c = 0; c < contacts; c++) {
        await coach.post(`/api/persons/${p.id}/contacts`, {
          date: addDays(today, -c - 1),
          channel: 'phone',
          notes: `Appel ${c}`,
        });
      }
      if (i === 0) personOf[prefix] = p.id;
    }
  }

  beforeAll(async () => {
    // Every statement the application runs is counted once.
    const handle = await target.open({ onQuery: counter.onQuery });
    const clock = new Clock();
    const config = loadConfig({}, { allowTestClock: true, logLevel: 'silent' });
    const app = await buildApp({ database: handle, config, clock, web: false, logger: false });
    await app.ready();
    t = {
      app,
      handle,
      clock,
      close: async () => {
        await app.close();
        await handle.close();
      },
    };
    today = clock.today();
    const { organisationId } = await setupInstallation(t);
    organisation = organisationId;
    await addUser(t, organisationId, 'coordinator@example.org', 'coordinator');
    coordinator = await loginAs(t, 'coordinator@example.org');
    await addUser(t, organisationId, 'few@example.org', 'jobcoach');
    await addUser(t, organisationId, 'many@example.org', 'jobcoach');
    few = await loginAs(t, 'few@example.org');
    many = await loginAs(t, 'many@example.org');
    await caseload(few, 2, 'Few');
    await caseload(many, 10, 'Many');
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('reads « Ma journée » with a fixed number of statements, whatever the caseload', async () => {
    const small = await statements(few, '/api/my-day');
    const large = await statements(many, '/api/my-day');
    expect(large).toBe(small);
    // The session (read, and its last activity written now and then), then the coach's whole day
    // in one statement (myday/queries.ts), both compiled once.
    expect(small).toBeLessThanOrEqual(4);
  });

  it('reads a person’s file with a fixed number of statements, whatever its history', async () => {
    const small = await statements(few, `/api/persons/${personOf.Few}`);
    const large = await statements(many, `/api/persons/${personOf.Many}`);
    expect(large).toBe(small);
    // The session, with the coach's caseload (absences covered, sensitive right); the scope check,
    // once although both the guard under person-level routes (http/scope.ts) and the use case ask
    // it; then the file's nine reads side by side (persons/file.ts): the person with the
    // partner's, the creator's and the coach's names and the two settings it reads, assessments,
    // contacts, events, documents, presentation steps, contracts, employment periods, and the
    // planned contacts (which the page asked for apart until they came with the file); and the
    // audit entry of the read.
    expect(small).toBeLessThanOrEqual(12);
  });

  it('reads a person’s file over the whole organisation without a separate scope check', async () => {
    // The session, then the file's nine reads: for a coordinator the file's own read of the
    // person is the check (an id outside the organisation finds nobody: 404); and the audit entry.
    expect(await statements(coordinator, `/api/persons/${personOf.Many}`)).toBeLessThanOrEqual(11);
    const other = await coordinator.get('/api/persons/00000000-0000-4000-8000-000000000000');
    expect(other.status).toBe(404);
  });

  it('reads the planned contacts of a person with one scope check', async () => {
    // The session (with the caseload), the scope check asked by the guard and answered again from
    // the request's memo in the use case, the plans, the audit entry of the read.
    expect(await statements(few, `/api/persons/${personOf.Few}/planned-contacts`)).toBeLessThanOrEqual(4);
  });

  it('ranks vacancies and candidates with a fixed number of statements, the cap read with the full offers', async () => {
    const employer = await createEmployer(coordinator, employerBody());
    const vacancies = [];
    for (let i = 0; i < 3; i++) {
      vacancies.push(
        await createVacancy(
          coordinator,
          vacancyBody(employer.id, addDays(today, -i), { title: `Offre ${i}` }),
        ),
      );
    }
    // The session, the scope check; then side by side the person with the stamp of the open
    // vacancies, the open vacancies (when no list is held for the organisation), the person's
    // presentations, the hiring-aid rules and the offers at their cap with the cap itself, and the
    // audit entry. The next request finds the list held with the stamp it reads, and does not read
    // the open vacancies again (matching/open-vacancies.ts).
    expect(await statements(few, `/api/persons/${personOf.Few}/matches`)).toBeLessThanOrEqual(8);
    expect(await statements(few, `/api/persons/${personOf.Few}/matches`)).toBeLessThanOrEqual(7);
    // The session (which brings the caseload); then side by side the vacancy, the rules, its
    // presentations, the candidates with their summary and matching facts in one statement, the
    // organisation's cadence, and the offer's candidates if it is at its cap (the cap read within);
    // then the audit entry.
    expect(await statements(few, `/api/vacancies/${vacancies[0].id}/matches`)).toBeLessThanOrEqual(8);
  });

  it('reads the team overview with a fixed number of statements, whatever the number of coaches', async () => {
    const before = await statements(coordinator, '/api/team/overview');
    await addUser(t, organisation, 'third@example.org', 'jobcoach');
    await caseload(await loginAs(t, 'third@example.org'), 3, 'Third');
    const after = await statements(coordinator, '/api/team/overview');
    expect(after).toBe(before);
    // The session, then the coaches, the persons with their contracts, the absences and the
    // settings side by side (team/use-cases/overview.ts).
    expect(before).toBeLessThanOrEqual(7);
  });
});
