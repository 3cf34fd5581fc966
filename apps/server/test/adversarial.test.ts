import { testTargets } from '@jobcoach/db/testing';
import { addDays } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type Call, personLevelCalls, type World } from './caseload-scope-fixture.ts';
import { startTestApp, type TestApp } from './helpers.ts';

/**
 * What each route of the route table is, for an adversary:
 * - person: a person-level record of organisation A (its id in the path or the body);
 * - org: a record of organisation A that is not a person (organisation, members, settings, partner,
 *   vacancy, absence, import job…);
 * - basin: the employer registry shared by the basin (B reads A's employer facts, never A's notes,
 *   contacts or persons);
 * - admin: the installation admin's routes (403 for anyone else);
 * - own: the caller's own data (session, account, lists of the caller's organisation, reports of
 *   the caller's organisation): no id of A, and nothing of A in the answer;
 * - public: no session needed (setup, login, test clock): not called.
 */
type Kind = 'person' | 'org' | 'basin' | 'admin' | 'own' | 'public';

/** The world, with what the adversary's bodies need. */
type AWorld = World & { settingsBody: unknown; importJobId: string; invitationId: string };

interface Entry {
  kind: Kind;
  call?: (w: AWorld) => Call;
}

const UUID = '00000000-0000-4000-8000-000000000000';

/** A's ids for a person-level route (Karim's person, Sophie's contract and presentation). */
const person =
  (key: string): ((w: World) => Call) =>
  (w) =>
    personLevelCalls(w, {
      personId: w.karimPerson.id,
      contractId: w.contractId,
      presentationId: w.presentationId,
      periodId: w.periodId,
    })[key]!;

/** Every route of the API; a route missing here fails the test. */
const ROUTES: Record<string, Entry> = {
  'GET /api/health': { kind: 'public' },
  'GET /api/health/live': { kind: 'public' },
  'GET /api/health/ready': { kind: 'public' },
  'GET /api/setup/status': { kind: 'public' },
  'POST /api/setup': { kind: 'public' },
  'POST /api/auth/login': { kind: 'public' },
  'POST /api/auth/password-reset': { kind: 'public' },
  'POST /api/auth/password-reset/confirm': { kind: 'public' },
  'POST /api/auth/invitation-link': { kind: 'public' },
  'GET /api/auth/preferences': { kind: 'own', call: () => ({ url: '/api/auth/preferences' }) },
  'PATCH /api/auth/preferences': {
    kind: 'own',
    call: () => ({ url: '/api/auth/preferences', body: { morningDigest: false } }),
  },
  'POST /api/test/clock': { kind: 'public' },
  'POST /api/auth/logout': { kind: 'public' }, // ends the caller's own session: not called
  'GET /api/auth/me': { kind: 'own', call: () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/password': {
    kind: 'own',
    call: () => ({
      url: '/api/auth/password',
      body: { currentPassword: 'wrong password 123', newPassword: 'x' },
    }),
  },
  'POST /api/auth/organisation': {
    kind: 'org',
    call: (w) => ({ url: '/api/auth/organisation', body: { organisationId: w.orgA } }),
  },
  'GET /api/auth/sessions': { kind: 'own', call: () => ({ url: '/api/auth/sessions' }) },
  'GET /api/auth/offline-key': { kind: 'own', call: () => ({ url: '/api/auth/offline-key' }) },
  'GET /api/calendar-feed': { kind: 'own', call: () => ({ url: '/api/calendar-feed' }) },
  'POST /api/calendar-feed': { kind: 'own', call: () => ({ url: '/api/calendar-feed', body: {} }) },
  'POST /api/calendar-feed/revoke': {
    kind: 'own',
    call: () => ({ url: '/api/calendar-feed/revoke', body: {} }),
  },
  // Read by calendar applications with the token in the address (agenda.test.ts).
  'GET /api/calendar/:file': { kind: 'public' },
  'PATCH /api/planned-contacts/:id': {
    kind: 'org',
    call: (w) => ({
      url: `/api/planned-contacts/${w.planId}`,
      body: { date: addDays(w.today, 3), time: '11:00', channel: 'visit', version: 1 },
    }),
  },
  'POST /api/planned-contacts/:id/cancel': {
    kind: 'org',
    call: (w) => ({ url: `/api/planned-contacts/${w.planId}/cancel`, body: { version: 1 } }),
  },
  'DELETE /api/auth/sessions/:id': { kind: 'own', call: () => ({ url: `/api/auth/sessions/${UUID}` }) },
  'GET /api/users/:userId/sessions': {
    kind: 'admin',
    call: (w) => ({ url: `/api/users/${w.users.karimId}/sessions` }),
  },
  'DELETE /api/users/:userId/sessions': {
    kind: 'admin',
    call: (w) => ({ url: `/api/users/${w.users.karimId}/sessions` }),
  },
  'POST /api/auth/totp/setup': { kind: 'own', call: () => ({ url: '/api/auth/totp/setup' }) },
  'POST /api/auth/totp/enable': {
    kind: 'own',
    call: () => ({ url: '/api/auth/totp/enable', body: { code: '000000' } }),
  },
  'POST /api/auth/totp/disable': {
    kind: 'own',
    call: () => ({ url: '/api/auth/totp/disable', body: { currentPassword: 'wrong password 123' } }),
  },
  'DELETE /api/users/:userId/totp': {
    kind: 'admin',
    call: (w) => ({ url: `/api/users/${w.users.karimId}/totp` }),
  },
  'GET /api/backups': { kind: 'admin', call: () => ({ url: '/api/backups' }) },
  'POST /api/backups': { kind: 'admin', call: () => ({ url: '/api/backups', body: {} }) },
  'GET /api/outbox': { kind: 'admin', call: () => ({ url: '/api/outbox' }) },
  'GET /api/basins': { kind: 'own', call: () => ({ url: '/api/basins' }) },
  'POST /api/basins': {
    kind: 'admin',
    call: () => ({ url: '/api/basins', body: { name: 'Bassin pirate' } }),
  },
  'PATCH /api/basins/:id': {
    kind: 'admin',
    call: (w) => ({ url: `/api/basins/${w.basinId}`, body: { version: 1 } }),
  },
  'GET /api/organisations': { kind: 'own', call: () => ({ url: '/api/organisations' }) },
  'POST /api/organisations': {
    kind: 'admin',
    call: (w) => ({ url: '/api/organisations', body: { name: 'Pirate', kind: 'cpas', basinId: w.basinId } }),
  },
  'GET /api/organisations/:id': { kind: 'org', call: (w) => ({ url: `/api/organisations/${w.orgA}` }) },
  'PATCH /api/organisations/:id': {
    kind: 'org',
    call: (w) => ({ url: `/api/organisations/${w.orgA}`, body: { name: 'Pris', version: 1 } }),
  },
  'GET /api/organisations/:orgId/users': {
    kind: 'org',
    call: (w) => ({ url: `/api/organisations/${w.orgA}/users` }),
  },
  'GET /api/organisations/:orgId/colleagues': {
    kind: 'org',
    call: (w) => ({ url: `/api/organisations/${w.orgA}/colleagues` }),
  },
  'POST /api/organisations/:orgId/users': {
    kind: 'org',
    call: (w) => ({
      url: `/api/organisations/${w.orgA}/users`,
      body: {
        name: 'Intrus',
        email: 'intrus@example.org',
        role: 'coordinator',
        temporaryPassword: 'temporary password 2002',
      },
    }),
  },
  'GET /api/organisations/:orgId/invitations': {
    kind: 'org',
    call: (w) => ({ url: `/api/organisations/${w.orgA}/invitations` }),
  },
  'DELETE /api/organisations/:orgId/invitations/:invitationId': {
    kind: 'org',
    call: (w) => ({ url: `/api/organisations/${w.orgA}/invitations/${w.invitationId}` }),
  },
  // Someone else's invitation into A: answered like an unknown one.
  'POST /api/auth/invitations/:invitationId/accept': {
    kind: 'org',
    call: (w) => ({ url: `/api/auth/invitations/${w.invitationId}/accept` }),
  },
  'POST /api/auth/invitations/:invitationId/decline': {
    kind: 'org',
    call: (w) => ({ url: `/api/auth/invitations/${w.invitationId}/decline` }),
  },
  'PATCH /api/organisations/:orgId/users/:userId': {
    kind: 'org',
    call: (w) => ({
      url: `/api/organisations/${w.orgA}/users/${w.users.karimId}`,
      body: { sensitiveAccess: true, version: 1 },
    }),
  },
  'POST /api/organisations/:orgId/users/:userId/password': {
    kind: 'org',
    call: (w) => ({
      url: `/api/organisations/${w.orgA}/users/${w.users.karimId}/password`,
      body: { temporaryPassword: 'temporary password 2002' },
    }),
  },
  'GET /api/audit': { kind: 'admin', call: () => ({ url: '/api/audit' }) },
  'GET /api/audit.csv': { kind: 'admin', call: () => ({ url: '/api/audit.csv' }) },
  'GET /api/partners': { kind: 'own', call: () => ({ url: '/api/partners' }) },
  'POST /api/partners': {
    kind: 'own',
    call: () => ({ url: '/api/partners', body: { name: 'ALE de Gosselies', type: 'ale' } }),
  },
  'PATCH /api/partners/:id': {
    kind: 'org',
    call: (w) => ({ url: `/api/partners/${w.partnerId}`, body: { name: 'Pris', version: 1 } }),
  },
  'GET /api/absences': { kind: 'own', call: () => ({ url: '/api/absences' }) },
  'POST /api/absences': {
    kind: 'org',
    call: (w) => ({
      url: '/api/absences',
      body: { coachId: w.users.karimId, from: w.today, to: w.today, coverCoachId: w.users.sophieId },
    }),
  },
  'DELETE /api/absences/:id': { kind: 'org', call: (w) => ({ url: `/api/absences/${w.absenceId}` }) },
  'GET /api/my-day': { kind: 'own', call: () => ({ url: '/api/my-day' }) },
  'GET /api/team/overview': { kind: 'own', call: () => ({ url: '/api/team/overview' }) },
  'GET /api/team/checklist': { kind: 'own', call: () => ({ url: '/api/team/checklist' }) },
  'POST /api/team/checklist/dismissals': {
    kind: 'own',
    call: () => ({ url: '/api/team/checklist/dismissals', body: { item: 'history' } }),
  },
  'GET /api/organisations/:id/settings': {
    kind: 'org',
    call: (w) => ({ url: `/api/organisations/${w.orgA}/settings` }),
  },
  'PUT /api/organisations/:id/settings': {
    kind: 'org',
    call: (w) => ({ url: `/api/organisations/${w.orgA}/settings`, body: w.settingsBody }),
  },
  'GET /api/organisations/:id/contract-settings': {
    kind: 'org',
    call: (w) => ({ url: `/api/organisations/${w.orgA}/contract-settings` }),
  },
  'PUT /api/organisations/:id/contract-settings': {
    kind: 'org',
    call: (w) => ({
      url: `/api/organisations/${w.orgA}/contract-settings`,
      body: { cddAlertDays: 10, version: 0 },
    }),
  },
  // The basin's shared employer registry.
  'GET /api/employers': { kind: 'basin', call: () => ({ url: '/api/employers' }) },
  'GET /api/employers/lookup': {
    kind: 'basin',
    call: () => ({ url: '/api/employers/lookup?bce=0212.345.668' }),
  },
  'POST /api/employers': {
    kind: 'basin',
    call: () => ({
      url: '/api/employers',
      body: { name: 'Garage Bertrand', sector: 'private', status: 'prospect' },
    }),
  },
  'GET /api/employers/:id': { kind: 'basin', call: (w) => ({ url: `/api/employers/${w.employerId}` }) },
  // The caller's own organisation's persons at a basin employer: B gets its own (none), never A's.
  'GET /api/employers/:id/persons': {
    kind: 'basin',
    call: (w) => ({ url: `/api/employers/${w.employerId}/persons` }),
  },
  'PATCH /api/employers/:id': {
    kind: 'basin',
    call: (w) => ({ url: `/api/employers/${w.employerId}`, body: { version: 999 } }),
  },
  'POST /api/employers/:id/contacts': {
    kind: 'basin',
    call: (w) => ({
      url: `/api/employers/${w.employerId}/contacts`,
      // About A's person: refused, since that person is not B's.
      body: { date: w.today, channel: 'phone', purpose: 'follow_up', personId: w.karimPerson.id },
    }),
  },
  'GET /api/vacancies': { kind: 'own', call: () => ({ url: '/api/vacancies' }) },
  'POST /api/vacancies': {
    kind: 'basin', // a vacancy of B's own, at an employer of the shared registry
    call: (w) => ({
      url: '/api/vacancies',
      body: {
        employerId: w.employerId,
        title: 'Cariste',
        source: 'canvassing',
        contract: { type: 'cdi' },
        published: {},
        openedOn: w.today,
      },
    }),
  },
  'GET /api/vacancies/:id': { kind: 'org', call: (w) => ({ url: `/api/vacancies/${w.vacancyId}` }) },
  'PATCH /api/vacancies/:id': {
    kind: 'org',
    call: (w) => ({ url: `/api/vacancies/${w.vacancyId}`, body: { version: 1 } }),
  },
  'POST /api/vacancies/import/preview': { kind: 'own' },
  'POST /api/vacancies/import': { kind: 'own' },
  'GET /api/vacancies/import/:jobId': {
    kind: 'org',
    call: (w) => ({ url: `/api/vacancies/import/${w.importJobId}` }),
  },
  'GET /api/vacancies/:id/matches': {
    kind: 'org',
    call: (w) => ({ url: `/api/vacancies/${w.vacancyId}/matches` }),
  },
  'GET /api/vacancies/:id/basin-requests': {
    kind: 'org',
    call: (w) => ({ url: `/api/vacancies/${w.vacancyId}/basin-requests` }),
  },
  'POST /api/basin-requests/:id/decision': {
    kind: 'org',
    call: () => ({ url: `/api/basin-requests/${UUID}/decision`, body: { decision: 'accepted' } }),
  },
  'GET /api/hiring-aids/rules': { kind: 'own', call: () => ({ url: '/api/hiring-aids/rules' }) },
  'POST /api/hiring-aids/rules': {
    kind: 'admin',
    call: () => ({
      url: '/api/hiring-aids/rules',
      body: {
        code: 'other',
        name: 'Aide pirate',
        authority: 'other',
        conditions: {},
        amount: '1 € par mois',
        monthlyAmount: 1,
        durationMonths: null,
        validFrom: '2020-01-01',
        validTo: null,
        source: 'Aucune source',
      },
    }),
  },
  'PATCH /api/hiring-aids/rules/:id': {
    kind: 'admin',
    call: () => ({ url: `/api/hiring-aids/rules/${UUID}`, body: { version: 1 } }),
  },
  'GET /api/presentations': {
    kind: 'own', // a list: filtered to the caller's organisation and scope
    call: (w) => ({ url: `/api/presentations?vacancyId=${w.vacancyId}&personId=${w.sophiePerson.id}` }),
  },
  'GET /api/persons': { kind: 'own', call: () => ({ url: '/api/persons?q=Karimsky' }) },
  'POST /api/persons': {
    kind: 'own',
    call: (w) => ({
      url: '/api/persons',
      body: {
        firstName: 'Bérénice',
        lastName: 'Deb',
        birthDate: null,
        sex: 'woman',
        referral: { kind: 'partner', partnerId: w.partnerId, receivedOn: w.today },
      },
    }),
  },
  'GET /api/persons/:id/access-log': {
    kind: 'person',
    call: (w) => ({ url: `/api/persons/${w.karimPerson.id}/access-log` }),
  },
  // Reports (aggregates of the caller's organisation) and the history import.
  'GET /api/reports/scopes': { kind: 'own', call: () => ({ url: '/api/reports/scopes' }) },
  'GET /api/reports/steering': {
    kind: 'org',
    call: (w) => ({
      url: `/api/reports/steering?from=${addDays(w.today, -365)}&to=${w.today}&organisationIds=${w.orgA}`,
    }),
  },
  'GET /api/reports/steering.csv': {
    kind: 'org',
    call: (w) => ({
      url: `/api/reports/steering.csv?from=${addDays(w.today, -365)}&to=${w.today}&organisationIds=${w.orgA}`,
    }),
  },
  'GET /api/reports/steering.xlsx': {
    kind: 'org',
    call: (w) => ({
      url: `/api/reports/steering.xlsx?from=${addDays(w.today, -365)}&to=${w.today}&organisationIds=${w.orgA}`,
    }),
  },
  'GET /api/reports/steering.pdf': {
    kind: 'org',
    call: (w) => ({
      url: `/api/reports/steering.pdf?from=${addDays(w.today, -365)}&to=${w.today}&organisationIds=${w.orgA}`,
    }),
  },
  'PATCH /api/contacts/:id': {
    kind: 'org',
    call: (w) => ({
      url: `/api/contacts/${w.contactId}`,
      body: { notes: 'x', reason: 'Correction', version: 1 },
    }),
  },
  'POST /api/contacts/:id/cancel': {
    kind: 'org',
    call: (w) => ({ url: `/api/contacts/${w.contactId}/cancel`, body: { reason: 'Saisi par erreur' } }),
  },
  'POST /api/history-imports': { kind: 'own' },
  'POST /api/history-imports/inspect': { kind: 'own' },
  'GET /api/history-imports': { kind: 'own', call: () => ({ url: '/api/history-imports' }) },
  'POST /api/history-imports/:id/undo': {
    kind: 'org',
    call: () => ({ url: `/api/history-imports/${UUID}/undo`, body: {} }),
  },
  'GET /api/history-imports/template.xlsx': {
    kind: 'own',
    call: () => ({ url: '/api/history-imports/template.xlsx' }),
  },
  'GET /api/history-imports/documentation': {
    kind: 'own',
    call: () => ({ url: '/api/history-imports/documentation' }),
  },
  'GET /api/history-imports/:id': { kind: 'org', call: () => ({ url: `/api/history-imports/${UUID}` }) },
  'GET /api/privacy/retention-runs': { kind: 'own', call: () => ({ url: '/api/privacy/retention-runs' }) },
  'GET /api/organisations/:id/retention-settings': {
    kind: 'org',
    call: (w) => ({ url: `/api/organisations/${w.orgA}/retention-settings` }),
  },
  'PUT /api/organisations/:id/retention-settings': {
    kind: 'org',
    call: (w) => ({
      url: `/api/organisations/${w.orgA}/retention-settings`,
      body: { retentionYears: 1, version: 0 },
    }),
  },
};

/** Every person-level route of the shared table (caseload-scope-fixture.ts) is a person route. */
const PERSON_KEYS = [
  'GET /api/persons/:id',
  'PATCH /api/persons/:id',
  'POST /api/persons/:id/assessments',
  'PUT /api/persons/:id/trust-contract',
  'GET /api/persons/:id/trust-contract.pdf',
  'POST /api/persons/:id/transitions',
  'POST /api/persons/:id/transitions/:eventId/cancel',
  'POST /api/persons/:id/employment-periods',
  'DELETE /api/persons/:id/employment-periods/:periodId',
  'POST /api/persons/:id/contacts',
  'GET /api/persons/:id/planned-contacts',
  'POST /api/persons/:id/planned-contacts',
  'GET /api/persons/:id/matches',
  'GET /api/persons/:id/basin-offers',
  'POST /api/basin-requests',
  'GET /api/presentations/:id/hire',
  'GET /api/persons/:id/contracts',
  'POST /api/persons/:id/contracts',
  'GET /api/persons/:id/end-letter.pdf',
  'PATCH /api/contracts/:id',
  'POST /api/contracts/:id/start-follow-up',
  'POST /api/contracts/:id/cancel',
  'PUT /api/contracts/:id/follow-up',
  'POST /api/presentations',
  'POST /api/presentations/:id/steps',
  'POST /api/presentations/:id/steps/:stepId/cancel',
  'GET /api/persons/:id/consents',
  'POST /api/persons/:id/consents',
  'POST /api/persons/:id/consents/:consentId/withdraw',
  'GET /api/persons/:id/handoffs',
  'POST /api/persons/:id/handoffs',
  'GET /api/persons/:id/export.json',
  'GET /api/persons/:id/export.pdf',
  'POST /api/persons/:id/erasure',
  'DELETE /api/persons/:id',
];
for (const key of PERSON_KEYS) ROUTES[key] = { kind: 'person', call: person(key) };
// Hard deletion is the installation admin's alone.
ROUTES['DELETE /api/persons/:id']!.kind = 'admin';

/** The world's unique markers (codes such as an origin also label the reports' aggregate rows). */
const unique = (markers: string[]) => markers.filter((m) => /\d|[A-Z]/.test(m));

describe.each(testTargets())('adversarial route table on $driver', (target) => {
  let t: TestApp;
  let w: AWorld;

  beforeAll(async () => {
    t = await startTestApp(target);
    const world = await buildWorld(t);
    const settings = (await world.clients.admin.get(`/api/organisations/${world.orgA}/settings`)).json;
    const { personsPerFte, cadence, trustContractTemplate, version } = settings;
    // An import job of A: a failed one is enough (its id is what an adversary would try).
    const job = await t.handle.db
      .selectFrom('import_job')
      .select('id')
      .where('organisation_id', '=', world.orgA)
      .executeTakeFirst();
    // An invitation into A, waiting for its answer.
    const invitation = await world.clients.admin.post(`/api/organisations/${world.orgA}/users`, {
      name: 'Invitée de A',
      email: 'invitee@fleurus.example',
      role: 'jobcoach',
      temporaryPassword: 'temporary password 2002',
    });
    w = {
      ...world,
      settingsBody: { personsPerFte, cadence, trustContractTemplate, version },
      importJobId: job?.id ?? UUID,
      invitationId: invitation.json.id as string,
    };
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const keyOf = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
  const text = (json: unknown) => JSON.stringify(json ?? '');

  it('knows every route of the route table (a new route must be added here with its policy)', () => {
    const missing = t.app.routeTable.map(keyOf).filter((key) => !(key in ROUTES));
    expect(missing, `routes without an adversarial policy: ${missing.join(', ')}`).toEqual([]);
    for (const [key, entry] of Object.entries(ROUTES)) {
      if (
        entry.kind !== 'public' &&
        !entry.call &&
        ![
          'POST /api/vacancies/import/preview',
          'POST /api/vacancies/import',
          'POST /api/history-imports',
          'POST /api/history-imports/inspect',
        ].includes(key)
      ) {
        throw new Error(`${key} has no call`);
      }
    }
  });

  it('gives another organisation’s coordinator 404 (403 on the admin’s routes) and none of A’s data', async () => {
    const b = w.clients.bernard;
    const aMarkers = [...w.personMarkers, ...w.employerNoteMarkers, ...unique(w.sensitiveMarkers), w.orgA];
    for (const r of t.app.routeTable) {
      const key = keyOf(r);
      const entry = ROUTES[key];
      if (!entry?.call) continue;
      const call = entry.call(w);
      const res = await b.request(r.method as 'GET', call.url, call.body);
      const body = text(res.json);
      expect(res.status, `${key} ${body}`).toBeLessThan(500);
      if (entry.kind === 'admin') expect(res.status, key).toBe(403);
      if (entry.kind === 'person' || entry.kind === 'org') {
        // An id of A in a body is refused like an unknown one (400 naming the field, or 404).
        expect([400, 403, 404], `${key}: ${res.status} ${body}`).toContain(res.status);
        if (r.url.includes(':') || key === 'POST /api/auth/organisation') {
          expect(res.status, `${key}: ${body}`).toBe(404);
        }
      }
      // Nothing of A: no person, no note, no sensitive value, not even A's organisation id,
      // except that an answer may repeat the id it was asked about.
      const asked = call.url + text(call.body);
      for (const marker of aMarkers.filter((m) => !asked.includes(m))) {
        expect(body, `${key} leaks ${marker}`).not.toContain(marker);
      }
    }
  });

  it('shares the basin’s employer facts with B, never A’s notes, contacts or persons', async () => {
    const b = w.clients.bernard;
    const employer = await b.get(`/api/employers/${w.employerId}`);
    expect(employer.status).toBe(200);
    expect(employer.json.name).toBe('Entrepôts Quérulus');
    expect(employer.json.notes).toBeNull();
    expect(employer.json.contacts).toEqual([]);
    const list = text((await b.get('/api/employers')).json);
    expect(list).toContain('Entrepôts Quérulus');
    for (const marker of [...w.employerNoteMarkers, ...w.personMarkers]) expect(list).not.toContain(marker);
    // A contact about A's person cannot be logged by B.
    const about = await b.post(`/api/employers/${w.employerId}/contacts`, {
      date: w.today,
      channel: 'phone',
      purpose: 'follow_up',
      personId: w.karimPerson.id,
    });
    expect(about.status).toBe(404);
    expect(about.json.error).toEqual({
      code: 'not_found',
      message: 'Personne introuvable.',
      field: 'personId',
      key: 'not_found',
      params: { record: 'person' },
    });
  });

  it('never gives an evaluator person-level data, on any route', async () => {
    const eva = w.clients.eva;
    for (const r of t.app.routeTable) {
      const key = keyOf(r);
      const entry = ROUTES[key];
      if (!entry?.call) continue;
      const call = entry.call(w);
      const res = await eva.request(r.method as 'GET', call.url, call.body);
      const body = text(res.json);
      expect(res.status, `${key} ${body}`).toBeLessThan(500);
      if (entry.kind === 'person') expect([403, 404], `${key}: ${res.status}`).toContain(res.status);
      if (entry.kind === 'admin') expect(res.status, key).toBe(403);
      if (res.status < 300) {
        const asked = call.url + text(call.body);
        for (const marker of [...w.personMarkers, ...unique(w.sensitiveMarkers)].filter(
          (m) => !asked.includes(m),
        )) {
          expect(body, `${key} gives an evaluator ${marker}`).not.toContain(marker);
        }
      }
    }
  });
});
