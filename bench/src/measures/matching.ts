import pg from 'pg';
import { postgresCpuMs, processCpuMs } from '../cpu.ts';
import { log, withClient } from '../database.ts';
import { BENCH_PASSWORD } from '../scales.ts';
import { login, startBenchServer, timedGets } from '../server-process.ts';
import { type Measure, percentile } from '../table.ts';

const ORGANISATIONS = 20;
const PER_ORGANISATION = 10;

/**
 * Matching (the persons are the logged-in coach's own: a jobcoach reaches their own caseload):
 * ranked vacancies for a person (GET /api/persons/:id/matches) and ranked persons for a
 * vacancy (GET /api/vacancies/:id/matches), one request at a time, over a few hundred persons and
 * vacancies picked deterministically. Baseline: the candidate rows the ranking reads, fetched with
 * one query straight from PostgreSQL (what the route cannot do faster than).
 */
export async function measureMatching(databaseUrl: string): Promise<Measure[]> {
  const picks = await withClient(databaseUrl, async (c) => {
    const orgs = (
      await c.query<{ id: string; email: string; coach: string }>(
        `SELECT DISTINCT ON (o.id) o.id, u.email, u.id AS coach FROM organisation o
           JOIN membership m ON m.organisation_id = o.id AND m.role = 'jobcoach'
           JOIN app_user u ON u.id = m.user_id
          ORDER BY o.id, u.email`,
      )
    ).rows;
    const step = Math.max(1, Math.floor(orgs.length / ORGANISATIONS));
    const chosen = orgs.filter((_, i) => i % step === 0).slice(0, ORGANISATIONS);
    const out = [];
    for (const org of chosen) {
      const persons = await c.query<{ id: string }>(
        `SELECT id FROM person WHERE organisation_id = $1 AND coach_id = $2 AND phase = 'pre_hire'
            AND deleted_at IS NULL
          ORDER BY id LIMIT $3`,
        [org.id, org.coach, PER_ORGANISATION],
      );
      const vacancies = await c.query<{ id: string }>(
        `SELECT id FROM vacancy WHERE organisation_id = $1 AND status = 'open' ORDER BY id LIMIT $2`,
        [org.id, PER_ORGANISATION],
      );
      out.push({
        ...org,
        persons: persons.rows.map((r) => r.id),
        vacancies: vacancies.rows.map((r) => r.id),
      });
    }
    return out;
  });

  const server = await startBenchServer(databaseUrl);
  try {
    const personRequests: { path: string; cookie: string }[] = [];
    // The first request for an organisation's persons reads its open vacancies; the next ones find
    // them held (apps/server/src/matching/open-vacancies.ts): both are also reported apart.
    const firstOfOrganisation: boolean[] = [];
    const vacancyRequests: { path: string; cookie: string }[] = [];
    for (const org of picks) {
      const cookie = await login(server.url, org.email, BENCH_PASSWORD);
      org.persons.forEach((id, i) => {
        personRequests.push({ path: `/api/persons/${id}/matches`, cookie });
        firstOfOrganisation.push(i === 0);
      });
      for (const id of org.vacancies) vacancyRequests.push({ path: `/api/vacancies/${id}/matches`, cookie });
    }
    log(`matching: ${personRequests.length} persons, ${vacancyRequests.length} vacancies`);
    await timedGets(server.url, [...personRequests.slice(0, 20), ...vacancyRequests.slice(0, 20)]);
    // CPU per answer of the server and of PostgreSQL's backends beside the latencies.
    const withCpu = async <T>(work: () => Promise<T>) => {
      const before = { server: processCpuMs(server.pid), postgres: postgresCpuMs(databaseUrl) };
      const result = await work();
      const spent = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
      return {
        result,
        serverMs: spent(before.server, processCpuMs(server.pid)),
        postgresMs: spent(before.postgres, postgresCpuMs(databaseUrl)),
      };
    };
    const persons = await withCpu(() => timedGets(server.url, personRequests));
    const vacancies = await withCpu(() => timedGets(server.url, vacancyRequests));

    // Baseline: the candidate rows straight from PostgreSQL, same organisations, same count.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const time = async (text: string, values: unknown[]) => {
      const t0 = performance.now();
      await client.query(text, values);
      return performance.now() - t0;
    };
    const basePersons: number[] = [];
    const baseVacancies: number[] = [];
    const basePostgresBefore = postgresCpuMs(databaseUrl);
    for (const org of picks) {
      for (const _ of org.persons) {
        basePersons.push(
          await time(
            `SELECT v.*, e.name, e.commune, e.nace_code FROM vacancy v JOIN employer e ON e.id = v.employer_id
              WHERE v.organisation_id = $1 AND v.status = 'open'`,
            [org.id],
          ),
        );
      }
      for (const _ of org.vacancies) {
        baseVacancies.push(
          await time(
            `SELECT * FROM person WHERE organisation_id = $1 AND phase = 'pre_hire' AND deleted_at IS NULL`,
            [org.id],
          ),
        );
      }
    }
    const basePostgresAfter = postgresCpuMs(databaseUrl);
    await client.end();
    // The baseline's backend answers both kinds of query: its CPU per query, both kinds together.
    const basePostgresMs =
      basePostgresBefore === null || basePostgresAfter === null
        ? null
        : (basePostgresAfter - basePostgresBefore) / (basePersons.length + baseVacancies.length);
    const cpu = (name: string, ms: number | null, answers: number, baseline: number | null): Measure => {
      const ours = ms === null ? Number.NaN : ms / answers;
      return {
        name,
        unit: 'ms',
        ours,
        baseline,
        baselineName: 'candidate rows by one query',
        ratio: baseline === null ? null : ours / baseline,
        budget: null,
        pass: null,
      };
    };
    const measure = (name: string, ours: number[], base: number[]): Measure => {
      const a = percentile(ours, 95);
      const b = percentile(base, 95);
      return {
        name,
        unit: 'ms',
        ours: a,
        baseline: b,
        baselineName: 'candidate rows by one query',
        ratio: a / b,
        budget: '≤ 50 ms',
        pass: a <= 50,
      };
    };
    // Information beside the budget: the first request of each organisation (its open vacancies
    // read) and the others. The warm-up above already asked for the first organisations' persons.
    const apart = (name: string, first: boolean): Measure => ({
      name,
      unit: 'ms',
      ours: percentile(
        persons.result.filter((_, i) => firstOfOrganisation[i] === first),
        95,
      ),
      baseline: null,
      ratio: null,
      budget: null,
      pass: null,
    });
    return [
      measure('Matching: vacancies for a person, p95', persons.result, basePersons),
      apart('Matching: vacancies for a person, first of an organisation, p95', true),
      apart('Matching: vacancies for a person, the next ones, p95', false),
      measure('Matching: persons for a vacancy, p95', vacancies.result, baseVacancies),
      cpu(
        'Matching: vacancies for a person, server CPU per answer',
        persons.serverMs,
        persons.result.length,
        null,
      ),
      cpu(
        'Matching: vacancies for a person, PostgreSQL CPU per answer',
        persons.postgresMs,
        persons.result.length,
        basePostgresMs,
      ),
      cpu(
        'Matching: persons for a vacancy, server CPU per answer',
        vacancies.serverMs,
        vacancies.result.length,
        null,
      ),
      cpu(
        'Matching: persons for a vacancy, PostgreSQL CPU per answer',
        vacancies.postgresMs,
        vacancies.result.length,
        basePostgresMs,
      ),
    ];
  } finally {
    await server.stop();
  }
}
