import type { DatabaseHandle } from '@jobcoach/db';
import { sql } from '@jobcoach/db';
import type { TestTarget } from '@jobcoach/db/testing';
import type { FastifyInstance, FastifyPluginAsync, InjectOptions } from 'fastify';
import { type BuildOptions, buildApp } from '../src/app.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { Clock } from '../src/clock.ts';
import { type Config, loadConfig } from '../src/config.ts';
import type { Jobs } from '../src/privacy/jobs.ts';
import { issueSetupToken } from '../src/setup/token.ts';

export const PASSWORD = 'correct horse battery staple';

/** A clock the test moves by seconds (the server's Clock otherwise follows the system's). */
export class ManualClock extends Clock {
  at = Date.now();
  override now() {
    return new Date(this.at);
  }
  advance(seconds: number) {
    this.at += seconds * 1000;
  }
}

export interface TestApp {
  app: FastifyInstance;
  handle: DatabaseHandle;
  clock: Clock;
  close(): Promise<void>;
}

export async function startTestApp(
  target: TestTarget,
  options: {
    config?: Partial<Config>;
    clock?: Clock;
    /** Routes a test adds to the application (registered before it is ready). */
    routes?: FastifyPluginAsync;
  } & Pick<BuildOptions, 'uncheckedReference'> = {},
): Promise<TestApp> {
  const handle = await target.open();
  const clock = options.clock ?? new Clock();
  const config = loadConfig({}, { allowTestClock: true, logLevel: 'silent', ...options.config });
  const app = await buildApp({
    database: handle,
    config,
    clock,
    web: false,
    logger: false,
    ...(options.uncheckedReference !== undefined ? { uncheckedReference: options.uncheckedReference } : {}),
  });
  if (options.routes) await app.register(options.routes);
  await app.ready();
  return {
    app,
    handle,
    clock,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const setCookie = res.cookies.find((c) => c.name === 'jc_session');
    if (setCookie) this.cookie = setCookie.value ? `jc_session=${setCookie.value}` : undefined;
    const json =
      res.body && res.headers['content-type']?.toString().includes('json') ? res.json() : undefined;
    if (json && typeof json === 'object' && 'csrfToken' in json) this.csrf = json.csrfToken as string;
    return { status: res.statusCode, json, headers: res.headers };
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);

  async login(email: string, password = PASSWORD) {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200)
      throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }
}

/** Runs first-run setup and returns the admin's client and the organisation's id. */
export async function setupInstallation(t: TestApp, orgName = 'CPAS de Fleurus') {
  const token = await issueSetupToken(t.handle.db);
  const status = await new Client(t.app).get('/api/setup/status');
  const basinId = (status.json.basins as { id: string; name: string }[]).find(
    (b) => b.name === 'Charleroi',
  )!.id;
  const admin = new Client(t.app);
  const res = await admin.post('/api/setup', {
    token,
    organisation: {
      name: orgName,
      kind: 'cpas',
      basinId,
      address: 'Rue du Collège 29, 6220 Fleurus',
      bce: '0212.345.668',
    },
    admin: { name: 'Ada Admin', email: 'admin@example.org', password: PASSWORD },
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${JSON.stringify(res.json)}`);
  return { admin, organisationId: res.json.currentOrganisationId as string, basinId };
}

/** Rows of a table, whatever their organisation (read on the test's own handle). */
export async function countRows(t: TestApp, table: 'vacancy' | 'employer'): Promise<number> {
  const row = await t.handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Creates a user directly in the database with a membership (fast path for tests). */
export async function addUser(
  t: TestApp,
  organisationId: string,
  email: string,
  role: 'coordinator' | 'jobcoach' | 'evaluator',
  fte = 1,
) {
  const user = await t.handle.db
    .insertInto('app_user')
    .values({ email, name: email.split('@')[0]!, password_hash: await cachedHash() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.handle.db
    .insertInto('membership')
    .values({ user_id: user.id, organisation_id: organisationId, role, fte })
    .execute();
  return user.id;
}

let hashed: Promise<string> | undefined;
const cachedHash = () => (hashed ??= hashPassword(PASSWORD));

export async function createOrganisation(admin: Client, name: string, basinId: string) {
  const res = await admin.post('/api/organisations', { name, kind: 'oisp_cisp', basinId });
  if (res.status !== 201) throw new Error(`create organisation failed: ${JSON.stringify(res.json)}`);
  return res.json.id as string;
}

/** Logs a user created with addUser in, on a fresh client. */
export async function loginAs(t: TestApp, email: string) {
  const client = new Client(t.app);
  await client.login(email);
  return client;
}

/** A minimal valid body for POST /api/persons; the referral is received on `receivedOn`. */
export function personBody(receivedOn: string, overrides: Record<string, unknown> = {}) {
  return {
    firstName: 'Hélène',
    lastName: 'Dupont',
    birthDate: '1975-04-12',
    sex: 'woman',
    referral: { kind: 'spontaneous', receivedOn },
    ...overrides,
  };
}

/** Creates a person through the API and returns its file; throws on any refusal. */
export async function createPerson(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/persons', body);
  if (res.status !== 201) throw new Error(`create person failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

/** Applies a transition through the API (reading the current version first); throws on refusal. */
export async function move(
  client: Client,
  personId: string,
  transitionId: string,
  fields: Record<string, unknown>,
) {
  let current = await client.get(`/api/persons/${personId}`);
  if (
    transitionId === 'enter_pre_hire' &&
    current.json.assessment?.decision !== 'accepted' &&
    current.json.phase === 'intake'
  ) {
    await acceptAsCoachable(client, personId, (fields.date as string) ?? current.json.referral.receivedOn);
    current = await client.get(`/api/persons/${personId}`);
  }
  const res = await client.post(`/api/persons/${personId}/transitions`, {
    transitionId,
    fields,
    version: current.json.version,
  });
  if (res.status !== 200)
    throw new Error(`${transitionId} failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

// ---- Employers, vacancies, matching and presentations ----

/** Sets an organisation's cap of candidates presented at once (creates the settings row if needed). */
export async function setPresentationCap(t: TestApp, organisationId: string, cap: number) {
  const { DEFAULT_CADENCE_SETTINGS } = await import('@jobcoach/domain');
  const { DEFAULT_TRUST_CONTRACT_TEMPLATE } = await import('../src/documents/template.ts');
  await t.handle.db
    .insertInto('organisation_settings')
    .values({
      organisation_id: organisationId,
      cadence: JSON.stringify(DEFAULT_CADENCE_SETTINGS),
      trust_contract_template: DEFAULT_TRUST_CONTRACT_TEMPLATE,
      presentation_cap: cap,
    })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ presentation_cap: cap }))
    .execute();
}

/** A minimal valid body for POST /api/employers. */
export function employerBody(overrides: Record<string, unknown> = {}) {
  return { name: 'Boulangerie Dumont', sector: 'private', status: 'prospect', ...overrides };
}

/** Creates an employer through the API and returns its file; throws on any refusal. */
export async function createEmployer(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/employers', body);
  if (res.status !== 201)
    throw new Error(`create employer failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

/** A minimal valid body for POST /api/vacancies. */
export function vacancyBody(employerId: string, openedOn: string, overrides: Record<string, unknown> = {}) {
  return {
    employerId,
    title: 'Magasinier',
    source: 'canvassing',
    contract: { type: 'cdi' },
    published: {},
    openedOn,
    ...overrides,
  };
}

/** Creates a vacancy through the API and returns its file; throws on any refusal. */
export async function createVacancy(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/vacancies', body);
  if (res.status !== 201) throw new Error(`create vacancy failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

/** Creates a person and moves them to pre-hire (trust contract signed `daysAgo` days before today). */
export async function createPreHirePerson(
  client: Client,
  today: string,
  overrides: Record<string, unknown> = {},
  daysAgo = 20,
) {
  const { addDays, COACHABILITY_CONDITIONS } = await import('@jobcoach/domain');
  const person = await createPerson(client, personBody(addDays(today, -daysAgo - 10), overrides));
  // Only a person assessed coachable enters pre-hire (method.md §3).
  const assessed = await client.post(`/api/persons/${person.id}/assessments`, {
    assessedOn: addDays(today, -daysAgo - 5),
    conditions: Object.fromEntries(COACHABILITY_CONDITIONS.map((c) => [c, { met: true }])),
    decision: 'accepted',
  });
  if (assessed.status !== 201)
    throw new Error(`assessment failed: ${assessed.status} ${JSON.stringify(assessed.json)}`);
  const date = addDays(today, -daysAgo);
  return move(client, person.id, 'enter_pre_hire', { date, trustContractSignedOn: date });
}

/** Polls an import job until it is no longer running; returns every status seen. */
export async function waitForImport(client: Client, jobId: string, timeoutMs = 120_000) {
  const seen: { status: string; processed: number }[] = [];
  const end = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/vacancies/import/${jobId}`);
    if (res.status !== 200)
      throw new Error(`import status failed: ${res.status} ${JSON.stringify(res.json)}`);
    seen.push({ status: res.json.status, processed: res.json.processed });
    if (res.json.status !== 'running') return { job: res.json, seen };
    if (Date.now() > end) throw new Error(`import ${jobId} still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Records an assessment that accepts the person (the four conditions met). */
export async function acceptAsCoachable(client: Client, personId: string, assessedOn: string) {
  const met = { met: true, comment: null };
  const res = await client.post(`/api/persons/${personId}/assessments`, {
    assessedOn,
    conditions: {
      aims_low_qualified_job: met,
      available_short_notice: met,
      faces_obstacles: met,
      volunteers_after_information: met,
    },
    decision: 'accepted',
  });
  if (res.status !== 201) throw new Error(`assessment failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

/**
 * Row counts of every table a refused request must leave alone (all but the audit log, the login
 * throttle and the sessions, which refusals may legitimately write): the fuzz tests compare them
 * before and after a 4xx to prove no partial write.
 */
export async function tableCounts(t: TestApp) {
  const tables = await sql<{ tablename: string }>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public'`.execute(t.handle.db);
  const counts: Record<string, number> = {};
  for (const { tablename } of tables.rows) {
    if (['audit_log', 'login_throttle', 'session'].includes(tablename)) continue;
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(tablename)}`.execute(
      t.handle.db,
    );
    counts[tablename] = r.rows[0]!.n;
  }
  return counts;
}

/** Sends a job to a queue and waits until the worker completed or failed it (at most `tries` × 100 ms). */
export async function runJob(jobs: Jobs, queue: string, tries = 300) {
  const jobId = await jobs.boss.send(queue, {});
  if (!jobId) throw new Error(`no job sent to ${queue}`);
  let job = await jobs.boss.getJobById(queue, jobId);
  for (let i = 0; i < tries && job?.state !== 'completed' && job?.state !== 'failed'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = await jobs.boss.getJobById(queue, jobId);
  }
  return job;
}
