import { type Database, type Kysely, sql } from '@jobcoach/db';
import { testTargets } from '@jobcoach/db/testing';
import { addDays, addMonths } from '@jobcoach/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETENTION_QUEUE, startJobs } from '../src/privacy/jobs.ts';
import { runRetention } from '../src/privacy/retention.ts';
import { buildSteeringDocument, type SteeringDocument } from '../src/reports/document.ts';
import {
  addUser,
  type Client,
  createEmployer,
  createOrganisation,
  createPerson,
  createVacancy,
  employerBody,
  loginAs,
  move,
  personBody,
  runJob,
  setupInstallation,
  startTestApp,
  type TestApp,
  tableCounts,
  vacancyBody,
} from './helpers.ts';
import { importHistory } from './history-import-helpers.ts';
import { pdfText, squash } from './pdf-text.ts';

/** Identity of the person whose data the tests follow (unlikely to appear anywhere by chance). */
const ZEPH = {
  firstName: 'Zéphyrine',
  lastName: 'Quastenbroek',
  niss: '75041212353',
  email: 'zephyrine.quastenbroek@example.net',
  phone: '0471 98 76 54',
  address: 'Rue des Glycines 17',
};
const NEEDLES = [
  ZEPH.firstName,
  ZEPH.lastName,
  ZEPH.niss,
  ZEPH.email,
  ZEPH.phone,
  '0471987654',
  ZEPH.address,
];

/**
 * Every place in the database (our schema and pg-boss's) where one of the needles appears: every
 * column of every table, cast to text (bytea decoded), searched case-insensitively.
 */
async function searchEverywhere(db: Kysely<Database>, needles: string[]) {
  const columns = await sql<{
    table_schema: string;
    table_name: string;
    column_name: string;
    data_type: string;
  }>`
    SELECT c.table_schema, c.table_name, c.column_name, c.data_type
    FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema IN ('public', 'pgboss')
    ORDER BY c.table_schema, c.table_name, c.ordinal_position`.execute(db);
  const tables = new Map<string, { schema: string; table: string; exprs: string[] }>();
  for (const c of columns.rows) {
    const key = `${c.table_schema}.${c.table_name}`;
    if (!tables.has(key)) tables.set(key, { schema: c.table_schema, table: c.table_name, exprs: [] });
    const col = `"${c.column_name}"`;
    tables.get(key)!.exprs.push(c.data_type === 'bytea' ? `encode(${col}, 'escape')` : `${col}::text`);
  }
  const patterns = needles.map((n) => `%${n.toLowerCase()}%`);
  const hits: { table: string; needle: string; count: number }[] = [];
  for (const { schema, table, exprs } of tables.values()) {
    for (const [i, pattern] of patterns.entries()) {
      const q = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.raw(`"${schema}"."${table}"`)}
        WHERE ${sql.join(
          exprs.map((e) => sql`lower(${sql.raw(e)}) LIKE ${pattern}`),
          sql` OR `,
        )}`.execute(db);
      const n = q.rows[0]!.n;
      if (n > 0) hits.push({ table: `${schema}.${table}`, needle: needles[i]!, count: n });
    }
  }
  return hits;
}

/**
 * The whole steering committee report as the API and the exports build it (headline and every
 * table, the longitudinal outcome and practice tables included), without hiding small cells, over
 * the last eight years (every person of these tests entered within them).
 */
function fullReport(db: Kysely<Database>, organisationId: string, today: string) {
  return buildSteeringDocument(
    db,
    { organisationIds: [organisationId], from: addMonths(today, -12 * 8), to: today, today },
    { aggregatesOnly: false, generatedAt: new Date(0) },
  );
}

/**
 * The report split in two: the cells that count contacts with employers (a hard deletion keeps
 * those contacts, detached from the person), and all the rest.
 */
function employerSide(doc: SteeringDocument) {
  const rest = structuredClone(doc);
  const employer: Record<string, unknown> = { headline: rest.headline.employersContacted };
  rest.headline.employersContacted = null;
  for (const table of rest.tables) {
    for (const row of table.rows) {
      for (const key of Object.keys(row.values)) {
        if (key.startsWith('employer') || row.key === 'employers_contacted') {
          employer[`${table.id}/${row.key}/${key}`] = row.values[key];
          row.values[key] = null;
        }
      }
    }
  }
  return { employer, rest };
}

/**
 * Facts of the trajectory log and of the contracts that the report does not show one by one
 * (every event's date and reason, returns to pre-hire, contract ends): kept by an erasure too.
 */
async function recordedFacts(db: Kysely<Database>, organisationId: string) {
  const events = await sql<Record<string, unknown>>`
    SELECT transition_id, from_phase, to_phase, reason, date, count(*)::int AS n FROM trajectory_event
    WHERE organisation_id = ${organisationId} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`.execute(db);
  const contracts = await sql<Record<string, unknown>>`
    SELECT k.type, p.sex, k.signed_on, k.start_on, k.planned_end_on, k.actual_end_on, k.end_reason,
      count(*)::int AS n
    FROM contract k JOIN person p ON p.id = k.person_id
    WHERE k.organisation_id = ${organisationId} GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`.execute(
    db,
  );
  return { events: events.rows, contracts: contracts.rows };
}

/** A CSV file of the historical import (docs/import.md), `;`-separated. */
function csv(header: string[], ...rows: (string | number | null)[][]) {
  return `${[header.join(';'), ...rows.map((r) => r.map((v) => v ?? '').join(';'))].join('\n')}\n`;
}

const PERSON_COLUMNS = [
  'external_id',
  'first_name',
  'last_name',
  'birth_date',
  'sex',
  'niss',
  'address',
  'postcode',
  'commune',
  'phone',
  'email',
  'origin',
  'studies',
  'months_without_job',
  'referral_date',
  'referral_partner',
  'coach_email',
  'notes',
];
const PERSON_CONTACT_COLUMNS = ['external_id', 'person_external_id', 'date', 'channel', 'with_whom', 'notes'];

/**
 * Zéphyrine's history as the organisation's spreadsheet has it: the organisation keys its persons by
 * their NISS (an external id that is personal data), a first phone call with a note naming her.
 */
function zephHistory(start: string, overrides: { sex?: string; notes?: string } = {}) {
  return {
    'persons.csv': csv(PERSON_COLUMNS, [
      ZEPH.niss,
      ZEPH.firstName,
      ZEPH.lastName,
      '1975-04-12',
      overrides.sex ?? 'woman',
      ZEPH.niss,
      ZEPH.address,
      '6220',
      'Fleurus',
      ZEPH.phone,
      ZEPH.email,
      'foreign_or_foreign_origin',
      'cesi',
      30,
      start,
      'Médiation de dettes Sud',
      'coach@example.org',
      overrides.notes ?? 'Note de suivi sur Quastenbroek',
    ]),
    'person_contacts.csv': csv(PERSON_CONTACT_COLUMNS, [
      'ZQ-K1',
      ZEPH.niss,
      addDays(start, 1),
      'phone',
      'person',
      'Premier appel de Zéphyrine',
    ]),
  };
}

describe.each(testTargets())('data protection on $driver', (target) => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let coach: Client;
  let coordinator: Client;
  let otherCoordinator: Client;
  let today: string;
  let partnerId: string;
  let zephId: string;
  let zephStart: string;
  let employerId: string;
  let vacancyId: string;
  let contractId: string;
  let presentationId: string;
  let sharingConsentId: string;

  beforeAll(async () => {
    t = await startTestApp(target);
    let basinId: string;
    ({ admin, organisationId: orgId, basinId } = await setupInstallation(t));
    const orgB = await createOrganisation(admin, 'EDIT Verviers', basinId);
    await addUser(t, orgId, 'coach@example.org', 'jobcoach');
    await addUser(t, orgId, 'coord@example.org', 'coordinator');
    await addUser(t, orgB, 'coord@edit.example', 'coordinator');
    coach = await loginAs(t, 'coach@example.org');
    coordinator = await loginAs(t, 'coord@example.org');
    otherCoordinator = await loginAs(t, 'coord@edit.example');
    today = t.clock.today();
    const partner = await coach.post('/api/partners', {
      name: 'Médiation de dettes Sud',
      type: 'debt_mediation',
    });
    expect(partner.status).toBe(201);
    partnerId = partner.json.id;

    // A person with every kind of data. Her history comes through the historical import (an
    // attempt in error first, whose messages quote her), the rest through the API.
    const start = addDays(today, -120);
    zephStart = start;
    const failedImport = await importHistory(coordinator, zephHistory(start, { sex: ZEPH.firstName }), {
      dryRun: true,
      validOnly: true,
    });
    expect(failedImport.job.errors[0].message).toContain(ZEPH.firstName);
    expect(failedImport.job.skipped[0].message).toContain(ZEPH.niss);
    const imported = await importHistory(coordinator, zephHistory(start));
    expect(imported.job.errors).toEqual([]);
    expect(imported.job.counts.person).toMatchObject({ created: 1 });
    expect(imported.job.counts.person_contact).toMatchObject({ created: 1 });
    const key = await t.handle.db
      .selectFrom('history_import_key')
      .select('entity_id')
      .where('organisation_id', '=', orgId)
      .where('entity', '=', 'person')
      .where('external_id', '=', ZEPH.niss)
      .executeTakeFirstOrThrow();
    zephId = key.entity_id;
    const importedFile = await coach.get(`/api/persons/${zephId}`);
    expect(importedFile.status).toBe(200);
    // The coordinator may write the sensitive fields (physical limits).
    const completed = await coordinator.patch(`/api/persons/${zephId}`, {
      version: importedFile.json.version,
      languages: ['français', 'néerlandais'],
      wishedJobs: ['Vendeuse en boulangerie'],
      physicalLimitsNote: 'Zéphyrine ne peut pas porter de charges',
      skillsKnowHow: 'Caisse et accueil',
      skillsSoft: 'Ponctuelle',
      scheduleHours: 'Avant 16 h (enfants)',
      referral: { informationSessionOn: start, consentOn: start, consentScope: 'Accord pour le suivi' },
    });
    expect(completed.status, JSON.stringify(completed.json)).toBe(200);
    const assessed = await coach.post(`/api/persons/${zephId}/assessments`, {
      assessedOn: addDays(start, 2),
      conditions: {
        aims_low_qualified_job: { met: true, comment: 'Zéphyrine vise la vente' },
        available_short_notice: { met: true },
        faces_obstacles: { met: true },
        volunteers_after_information: { met: true },
      },
      decision: 'accepted',
    });
    expect(assessed.status).toBe(201);
    await move(coach, zephId, 'enter_pre_hire', {
      date: addDays(start, 5),
      trustContractSignedOn: addDays(start, 5),
    });
    const contact = await coach.post(`/api/persons/${zephId}/contacts`, {
      date: addDays(start, 10),
      channel: 'office_meeting',
      notes: 'Entretien avec Zéphyrine Quastenbroek au 0471 98 76 54',
    });
    expect(contact.status).toBe(201);
    const employer = await createEmployer(
      coach,
      employerBody({ name: 'Boulangerie Dumont', status: 'contacted' }),
    );
    employerId = employer.id;
    const vacancy = await createVacancy(
      coach,
      vacancyBody(employer.id, addDays(start, 20), { title: 'Vendeuse' }),
    );
    vacancyId = vacancy.id;
    const employerContact = await coach.post(`/api/employers/${employer.id}/contacts`, {
      date: addDays(start, 40),
      channel: 'visit',
      purpose: 'vacancy',
      personId: zephId,
      notes: 'Parlé de Zéphyrine avec le patron',
    });
    expect(employerContact.status).toBe(201);
    const signed = await coach.post(`/api/persons/${zephId}/contracts`, {
      employerId: employer.id,
      type: 'cdd',
      signedOn: addDays(start, 50),
      start: addDays(start, 50),
      plannedEnd: addDays(start, 80),
      hoursPerWeek: 30,
      jobTitle: 'Vendeuse en boulangerie',
      arrangement: { mode: 'bilateral', notes: 'Zéphyrine souhaite un appel le lundi' },
    });
    expect(signed.status).toBe(201);
    contractId = signed.json.contract.id;
    const ended = await coach.patch(`/api/contracts/${signed.json.contract.id}`, {
      version: signed.json.contract.version,
      actualEnd: addDays(start, 80),
      endReason: 'term_reached',
      endDetail: 'Fin du CDD de Quastenbroek',
    });
    expect(ended.status).toBe(200);
    const presented = await coach.post('/api/presentations', { personId: zephId, vacancyId: vacancy.id });
    expect(presented.status).toBe(201);
    presentationId = presented.json.id;
    let version = presented.json.version as number;
    for (const step of [
      { step: 'discussed' },
      { step: 'applied' },
      { step: 'introduced', channel: 'cv' },
      { step: 'refused', reason: 'Quastenbroek préfère un autre horaire' },
    ] as const) {
      const res = await coach.post(`/api/presentations/${presented.json.id}/steps`, {
        ...step,
        date: today,
        version,
      });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      version = res.json.version;
    }
    const consent = await coach.post(`/api/persons/${zephId}/consents`, {
      purpose: 'sharing_with_partner',
      partnerId,
      givenOn: addDays(start, 90),
      informationOn: addDays(start, 90),
      notice: 'Notice d’information v2',
      note: 'Zéphyrine accepte la transmission',
    });
    expect(consent.status).toBe(201);
    sharingConsentId = consent.json.find((c: { purpose: string }) => c.purpose === 'sharing_with_partner').id;
    const handoff = await coach.post(`/api/persons/${zephId}/handoffs`, {
      partnerId,
      purpose: 'referral_to_service',
      sections: ['identity', 'contact', 'trajectory'],
      note: 'Orientation de Zéphyrine vers la médiation',
    });
    expect(handoff.status).toBe(201);
    await move(coach, zephId, 'exit', {
      date: today,
      exitReason: 'left_voluntarily',
      reasonDetail: 'Zéphyrine déménage chez sa sœur',
    });
    expect((await coach.get(`/api/persons/${zephId}/trust-contract.pdf`)).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  }, 60_000);

  it('records consent per purpose, migrates the intake consent, and refuses a hand-off without consent', async () => {
    const list = await coach.get(`/api/persons/${zephId}/consents`);
    expect(list.status).toBe(200);
    expect(list.json.map((c: { purpose: string }) => c.purpose).sort()).toEqual([
      'processing',
      'sharing_with_partner',
    ]);
    const other = await coach.post('/api/partners', { name: 'CPAS voisin', type: 'cpas' });
    const refused = await coach.post(`/api/persons/${zephId}/handoffs`, {
      partnerId: other.json.id,
      purpose: 'report_to_prescriber',
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('consent_required');
    expect(refused.json.error.message).toContain('CPAS voisin');
    const handoffs = await coach.get(`/api/persons/${zephId}/handoffs`);
    expect(handoffs.json).toHaveLength(1);
    expect(handoffs.json[0]).toMatchObject({
      partnerName: 'Médiation de dettes Sud',
      purpose: 'referral_to_service',
    });

    // A fresh person: no sharing consent → refused; consent given → accepted with a summary; withdrawn → refused.
    const p = await createPerson(coach, personBody(today, { firstName: 'Anatole', lastName: 'Verbrugghe' }));
    const body = { partnerId, purpose: 'joint_follow_up', sections: ['identity'] };
    expect((await coach.post(`/api/persons/${p.id}/handoffs`, body)).status).toBe(409);
    const given = await coach.post(`/api/persons/${p.id}/consents`, {
      purpose: 'sharing_with_partner',
      partnerId,
      givenOn: today,
      notice: 'Notice v2',
    });
    expect(given.status).toBe(201);
    const twice = await coach.post(`/api/persons/${p.id}/consents`, {
      purpose: 'sharing_with_partner',
      partnerId,
      givenOn: today,
      notice: 'Notice v2',
    });
    expect(twice.status).toBe(409);
    const noPartner = await coach.post(`/api/persons/${p.id}/consents`, {
      purpose: 'sharing_with_partner',
      givenOn: today,
      notice: 'Notice v2',
    });
    expect(noPartner.status).toBe(400);
    expect(noPartner.json.error.field).toBe('partnerId');
    const accepted = await coach.post(`/api/persons/${p.id}/handoffs`, body);
    expect(accepted.status).toBe(201);
    expect(accepted.json.summary).toContain('Anatole Verbrugghe');
    expect(accepted.json.summary).toContain('Médiation de dettes Sud');
    const consentId = given.json.find((c: { purpose: string }) => c.purpose === 'sharing_with_partner').id;
    const withdrawn = await coach.post(`/api/persons/${p.id}/consents/${consentId}/withdraw`, {
      withdrawnOn: today,
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json.find((c: { id: string }) => c.id === consentId)).toMatchObject({
      active: false,
      withdrawnOn: today,
    });
    expect((await coach.post(`/api/persons/${p.id}/handoffs`, body)).status).toBe(409);
    // Every change is audited, with ids only.
    const audit = await admin.get(`/api/audit?entity=person&action=handoff`);
    expect(audit.status).toBe(200);
    expect(audit.json.length).toBeGreaterThanOrEqual(2);
  });

  it('exports everything held about the person, as JSON and as a readable PDF (coordinators only)', async () => {
    expect((await coach.get(`/api/persons/${zephId}/export.json`)).status).toBe(403);
    expect((await otherCoordinator.get(`/api/persons/${zephId}/export.json`)).status).toBe(404);
    const res = await coordinator.get(`/api/persons/${zephId}/export.json`);
    expect(res.status).toBe(200);
    const data = res.json;
    expect(data.person).toMatchObject({
      firstName: ZEPH.firstName,
      lastName: ZEPH.lastName,
      niss: ZEPH.niss,
      email: ZEPH.email,
      phone: ZEPH.phone,
      address: ZEPH.address,
      birthDate: '1975-04-12',
      physicalLimitsNote: 'Zéphyrine ne peut pas porter de charges',
      notes: 'Note de suivi sur Quastenbroek',
      referralPartnerName: 'Médiation de dettes Sud',
      phase: 'exited',
    });
    expect(data.assessments[0].conditions.aims_low_qualified_job.comment).toBe('Zéphyrine vise la vente');
    expect(data.contacts.map((c: { notes: string }) => c.notes)).toContain(
      'Entretien avec Zéphyrine Quastenbroek au 0471 98 76 54',
    );
    expect(data.trajectoryEvents.map((e: { transitionId: string }) => e.transitionId)).toEqual([
      'enter_pre_hire',
      'start_hiring',
      'start_follow_up',
      'return_to_pre_hire',
      'exit',
    ]);
    expect(data.trajectoryEvents.at(-1).detail).toBe('Zéphyrine déménage chez sa sœur');
    expect(data.documents.map((d: { kind: string }) => d.kind)).toContain('trust_contract');
    expect(data.presentations[0]).toMatchObject({
      vacancyTitle: 'Vendeuse',
      employerName: 'Boulangerie Dumont',
    });
    expect(data.presentations[0].steps.map((s: { reason: string | null }) => s.reason)).toContain(
      'Quastenbroek préfère un autre horaire',
    );
    expect(data.contracts[0]).toMatchObject({
      jobTitle: 'Vendeuse en boulangerie',
      endDetail: 'Fin du CDD de Quastenbroek',
    });
    expect(data.contracts[0].arrangement.notes).toBe('Zéphyrine souhaite un appel le lundi');
    expect(data.employerContacts[0]).toMatchObject({
      notes: 'Parlé de Zéphyrine avec le patron',
      employerName: 'Boulangerie Dumont',
    });
    expect(data.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual([
      'processing',
      'sharing_with_partner',
    ]);
    expect(data.handoffs[0]).toMatchObject({
      partnerName: 'Médiation de dettes Sud',
      note: 'Orientation de Zéphyrine vers la médiation',
    });
    expect(data.recipients).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'partner', name: 'Médiation de dettes Sud' }),
        expect.objectContaining({ kind: 'employer', name: 'Boulangerie Dumont' }),
      ]),
    );
    expect(
      data.accessLog.some(
        (a: { action: string; document: string | null }) => a.document === 'trust_contract',
      ),
    ).toBe(true);

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/persons/${zephId}/export.pdf`,
      headers: { cookie: coordinator.cookie! },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = squash(pdfText(pdf.rawPayload));
    for (const expected of [
      'Zéphyrine',
      'Quastenbroek',
      'Vendeuseenboulangerie',
      'BoulangerieDumont',
      'Médiationdedettes',
      'Consentements',
      'Destinatairesdesdonnées',
    ]) {
      expect(text).toContain(expected);
    }
    // Both exports are in the file's access log.
    const log = await coordinator.get(`/api/persons/${zephId}/access-log`);
    const documents = log.json.map((e: { document: string | null }) => e.document);
    expect(documents).toEqual(expect.arrayContaining(['data_export_json', 'data_export_pdf']));
  });

  it('erases on request: the name appears nowhere in the database and the report stays the same', async () => {
    const db = t.handle.db;
    const report = await fullReport(db, orgId, today);
    const facts = await recordedFacts(db, orgId);
    // The report counts her: coached (over 45, foreign origin, CESI), a CDD, an exit.
    expect(report.headline).toMatchObject({ personsCoached: 1, contractsSigned: 1, cdd: 1 });
    const bySex = report.tables.find((x) => x.id === 'by_sex')!;
    expect(bySex.rows.find((r) => r.key === 'age_over_45')?.values.women).toBe(1);
    expect(bySex.rows.find((r) => r.key === 'origin_foreign_or_foreign_origin')?.values.women).toBe(1);
    expect(report.tables.map((x) => x.id)).toEqual(
      expect.arrayContaining(['headline', 'by_sex', 'by_organisation', 'per_coach']),
    );
    expect(report.tables.length).toBeGreaterThanOrEqual(8);
    // Before: every identifier is found (the search works), the import's tables included.
    const found = await searchEverywhere(db, NEEDLES);
    for (const needle of NEEDLES.filter((n) => n !== '0471987654')) {
      expect(found.some((h) => h.needle === needle)).toBe(true);
    }
    const tablesFound = found.map((h) => h.table);
    expect(tablesFound).toContain('public.history_import_key');
    expect(tablesFound).toContain('public.import_job');

    expect(
      (await coach.post(`/api/persons/${zephId}/erasure`, { reason: 'Demande écrite du 3 mars' })).status,
    ).toBe(403);
    expect(
      (await otherCoordinator.post(`/api/persons/${zephId}/erasure`, { reason: 'Demande écrite du 3 mars' }))
        .status,
    ).toBe(404);
    const short = await coordinator.post(`/api/persons/${zephId}/erasure`, { reason: 'court' });
    expect(short.status).toBe(400);
    expect(short.json.error.field).toBe('reason');
    const named = await coordinator.post(`/api/persons/${zephId}/erasure`, {
      reason: 'Demande de Zéphyrine par écrit',
    });
    expect(named.status).toBe(400);
    expect(named.json.error.field).toBe('reason');

    const erased = await coordinator.post(`/api/persons/${zephId}/erasure`, {
      reason: 'Demande écrite du 3 mars',
    });
    expect(erased.status).toBe(200);
    expect(erased.json.alreadyErased).toBe(false);

    expect(await searchEverywhere(db, NEEDLES)).toEqual([]);
    expect(await fullReport(db, orgId, today)).toEqual(report);
    expect(await recordedFacts(db, orgId)).toEqual(facts);
    // The import's mapping rows stay (under a digest of the external id), without their content digest.
    const keys = await db
      .selectFrom('history_import_key')
      .select(['entity', 'external_id', 'content_hash'])
      .where('organisation_id', '=', orgId)
      .where('entity_id', 'in', [
        zephId,
        ...(
          await db.selectFrom('contact_person').select('contact_id').where('person_id', '=', zephId).execute()
        ).map((c) => c.contact_id),
      ])
      .execute();
    expect(keys.map((k) => k.entity).sort()).toEqual(['person', 'person_contact']);
    for (const k of keys) {
      expect(k.external_id).toMatch(/^erased:[0-9a-f]{64}$/);
      expect(k.content_hash).toBe('erased');
    }
    const row = await db.selectFrom('person').selectAll().where('id', '=', zephId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      sex: 'woman',
      origin: 'foreign_or_foreign_origin',
      studies: 'cesi',
      erasure_kind: 'request',
    });
    expect(row.first_name).toBe('Personne effacée');
    expect(row.entry_age).toBeGreaterThan(45);
    // The file still opens, emptied of its content; the contract facts stay.
    const file = await coordinator.get(`/api/persons/${zephId}`);
    expect(file.status).toBe(200);
    expect(file.json.contracts[0]).toMatchObject({ jobTitle: 'Vendeuse en boulangerie', type: 'cdd' });

    // Idempotent.
    const again = await coordinator.post(`/api/persons/${zephId}/erasure`, {
      reason: 'Demande écrite du 3 mars',
    });
    expect(again.status).toBe(200);
    expect(again.json.alreadyErased).toBe(true);
    expect(again.json.erasedAt).toBe(erased.json.erasedAt);
    // Nothing can be handed off any more.
    expect(
      (await coach.post(`/api/persons/${zephId}/handoffs`, { partnerId, purpose: 'joint_follow_up' })).status,
    ).toBe(409);
  });

  it('does not bring an erased person back when the old files are imported again', async () => {
    const db = t.handle.db;
    const persons = async () =>
      (
        await db
          .selectFrom('person')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('organisation_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n;
    const before = { persons: Number(await persons()), report: await fullReport(db, orgId, today) };
    // The same files, then the row changed since: neither recreates nor updates her.
    for (const files of [zephHistory(zephStart), zephHistory(zephStart, { notes: 'Autre note' })]) {
      const { job } = await importHistory(coordinator, files);
      expect(job.errors).toEqual([]);
      expect(job).toMatchObject({ status: 'done' });
      expect(job.counts.person).toMatchObject({ created: 0, updated: 0, unchanged: 0, skipped: 1 });
      expect(job.counts.person_contact).toMatchObject({ created: 0, updated: 0, unchanged: 0, skipped: 1 });
      expect(job.skipped.map((x: { message: string }) => x.message)).toEqual([
        expect.stringContaining('a été effacée'),
        expect.stringContaining('a été effacée'),
      ]);
    }
    expect(Number(await persons())).toBe(before.persons);
    expect(await fullReport(db, orgId, today)).toEqual(before.report);
    expect(await searchEverywhere(db, NEEDLES)).toEqual([]);
    const row = await db.selectFrom('person').selectAll().where('id', '=', zephId).executeTakeFirstOrThrow();
    expect(row.notes).toBeNull();
  });

  it('refuses every change to an erased person’s file (409 person_erased), writing nothing', async () => {
    const db = t.handle.db;
    const file = await coordinator.get(`/api/persons/${zephId}`);
    expect(file.status).toBe(200);
    const contract = await db
      .selectFrom('contract')
      .selectAll()
      .where('id', '=', contractId)
      .executeTakeFirstOrThrow();
    const presentation = await db
      .selectFrom('presentation')
      .selectAll()
      .where('id', '=', presentationId)
      .executeTakeFirstOrThrow();
    const before = await tableCounts(t);
    const attempts: [string, () => ReturnType<Client['post']>][] = [
      [
        'patch',
        () => coach.patch(`/api/persons/${zephId}`, { version: file.json.version, notes: 'Nouvelle note' }),
      ],
      [
        'contact',
        () =>
          coach.post(`/api/persons/${zephId}/contacts`, {
            date: today,
            channel: 'phone',
            notes: 'Appel',
          }),
      ],
      [
        'transition',
        () =>
          coach.post(`/api/persons/${zephId}/transitions`, {
            transitionId: 'enter_pre_hire',
            fields: { date: today, trustContractSignedOn: today },
            version: file.json.version,
          }),
      ],
      [
        'assessment',
        () =>
          coach.post(`/api/persons/${zephId}/assessments`, {
            assessedOn: today,
            conditions: {
              aims_low_qualified_job: { met: true },
              available_short_notice: { met: true },
              faces_obstacles: { met: true },
              volunteers_after_information: { met: true },
            },
            decision: 'accepted',
          }),
      ],
      [
        'employment period',
        () => coach.post(`/api/persons/${zephId}/employment-periods`, { kind: 'cdi', start: today }),
      ],
      ['trust contract', () => coach.put(`/api/persons/${zephId}/trust-contract`, { signedOn: today })],
      [
        'new contract',
        () =>
          coach.post(`/api/persons/${zephId}/contracts`, {
            employerId,
            type: 'cdi',
            signedOn: today,
            start: today,
            hoursPerWeek: 38,
            jobTitle: 'Vendeuse',
          }),
      ],
      [
        'contract change',
        () => coach.patch(`/api/contracts/${contractId}`, { version: contract.version, hoursPerWeek: 20 }),
      ],
      [
        'follow-up arrangement',
        () => coach.put(`/api/contracts/${contractId}/follow-up`, { mode: 'phone', version: 1 }),
      ],
      [
        'contract cancellation',
        () => coach.post(`/api/contracts/${contractId}/cancel`, { reason: 'Saisi par erreur' }),
      ],
      ['presentation', () => coach.post('/api/presentations', { personId: zephId, vacancyId })],
      [
        'presentation step',
        () =>
          coach.post(`/api/presentations/${presentationId}/steps`, {
            step: 'discussed',
            date: today,
            version: presentation.version,
          }),
      ],
      [
        'consent',
        () =>
          coach.post(`/api/persons/${zephId}/consents`, {
            purpose: 'employer_contact',
            givenOn: today,
            notice: 'Notice v2',
          }),
      ],
      [
        'consent withdrawal',
        () =>
          coach.post(`/api/persons/${zephId}/consents/${sharingConsentId}/withdraw`, { withdrawnOn: today }),
      ],
      [
        'hand-off',
        () => coach.post(`/api/persons/${zephId}/handoffs`, { partnerId, purpose: 'joint_follow_up' }),
      ],
      [
        'employer contact about her',
        () =>
          coach.post(`/api/employers/${employerId}/contacts`, {
            date: today,
            channel: 'phone',
            purpose: 'follow_up',
            personId: zephId,
          }),
      ],
    ];
    for (const [what, attempt] of attempts) {
      const res = await attempt();
      expect([what, res.status, res.json?.error?.code]).toEqual([what, 409, 'person_erased']);
      expect(res.json.error.message).toContain('effacées');
    }
    expect(await tableCounts(t)).toEqual(before);
    const after = await coordinator.get(`/api/persons/${zephId}`);
    expect(after.json.version).toBe(file.json.version);
    expect(await searchEverywhere(db, NEEDLES)).toEqual([]);
  });

  it('keeps the append-only tables append-only outside an erasure', async () => {
    const db = t.handle.db;
    await expect(sql`UPDATE trajectory_event SET detail = NULL`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE presentation_step SET reason = NULL`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET details = NULL`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM trajectory_event`.execute(db)).rejects.toThrow(/append-only/);
    // Even within a redaction, only the free text may change.
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('jobcoach.redaction', 'on', true)`.execute(trx);
        await sql`UPDATE trajectory_event SET to_phase = 'exited'`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('jobcoach.redaction', 'on', true)`.execute(trx);
        await sql`DELETE FROM audit_log`.execute(trx);
      }),
    ).rejects.toThrow(/append-only/);
  });

  it('deletes a person for good only for the admin, with a reason, audited; the report loses them', async () => {
    const db = t.handle.db;
    // The report before the person existed; then the person, brought by the historical import
    // (keyed by their name), in pre-hire with a contract and a visit to a new employer about them.
    const reportBefore = await fullReport(db, orgId, today);
    const [d0, d1, d2] = [addDays(today, -60), addDays(today, -50), addDays(today, -40)];
    const { job } = await importHistory(coordinator, {
      'employers.csv': csv(['external_id', 'name'], ['OB-E1', 'Garage Lenoir']),
      'persons.csv': csv(
        ['external_id', 'first_name', 'last_name', 'birth_date', 'sex', 'referral_date', 'coach_email'],
        ['OSTROWIECKI-B', 'Barnabé', 'Ostrowiecki', '1990-01-01', 'man', d0, 'coach@example.org'],
      ),
      'events.csv': csv(
        ['external_id', 'person_external_id', 'date', 'event'],
        ['OB-V1', 'OSTROWIECKI-B', d1, 'enter_pre_hire'],
      ),
      'contracts.csv': csv(
        ['external_id', 'person_external_id', 'employer_external_id', 'type', 'start', 'job_title'],
        ['OB-C1', 'OSTROWIECKI-B', 'OB-E1', 'cdi', d2, 'Mécanicien'],
      ),
      'person_contacts.csv': csv(PERSON_CONTACT_COLUMNS, [
        'OB-K1',
        'OSTROWIECKI-B',
        d1,
        'office_meeting',
        'person',
        'Entretien avec Barnabé',
      ]),
      'employer_contacts.csv': csv(
        ['external_id', 'employer_external_id', 'date', 'channel', 'purpose', 'person_external_id', 'notes'],
        ['OB-X1', 'OB-E1', d2, 'visit', 'vacancy', 'OSTROWIECKI-B', 'Présenté Barnabé Ostrowiecki'],
      ),
    });
    expect(job.errors).toEqual([]);
    expect(job.status).toBe('done');
    const p = {
      id: (
        await db
          .selectFrom('history_import_key')
          .select('entity_id')
          .where('organisation_id', '=', orgId)
          .where('entity', '=', 'person')
          .where('external_id', '=', 'OSTROWIECKI-B')
          .executeTakeFirstOrThrow()
      ).entity_id,
    };
    const reportWith = await fullReport(db, orgId, today);
    expect(reportWith.headline.personsCoached).toBe((reportBefore.headline.personsCoached as number) + 1);
    expect(reportWith.headline.cdi).toBe((reportBefore.headline.cdi as number) + 1);
    expect(reportWith.headline.employersContacted).toBe(
      (reportBefore.headline.employersContacted as number) + 1,
    );
    expect(
      (await coordinator.request('DELETE', `/api/persons/${p.id}`, { reason: 'Dossier créé par erreur' }))
        .status,
    ).toBe(403);
    const short = await admin.request('DELETE', `/api/persons/${p.id}`, { reason: 'erreur' });
    expect(short.status).toBe(400);
    const named = await admin.request('DELETE', `/api/persons/${p.id}`, {
      reason: 'Ostrowiecki créé deux fois',
    });
    expect(named.status).toBe(400);
    const done = await admin.request('DELETE', `/api/persons/${p.id}`, {
      reason: 'Dossier créé deux fois par erreur',
    });
    expect(done.status).toBe(204);
    for (const table of ['person', 'contact_person', 'coachability_assessment', 'person_consent'] as const) {
      const column = table === 'person' ? 'id' : 'person_id';
      const r = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${p.id}`.execute(db);
      expect(r.rows[0]!.n).toBe(0);
    }
    const audit = await admin.get(`/api/audit?entity=person&action=hard_delete`);
    expect(audit.json).toHaveLength(1);
    expect(audit.json[0]).toMatchObject({ entityId: p.id });
    const entry = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'hard_delete')
      .where('entity_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(entry.details).toEqual({ reason: 'Dossier créé deux fois par erreur' });
    expect(await searchEverywhere(db, ['Barnabé', 'Ostrowiecki'])).toEqual([]);
    expect(
      (await admin.request('DELETE', `/api/persons/${p.id}`, { reason: 'Dossier créé deux fois par erreur' }))
        .status,
    ).toBe(404);
    // The historical import forgets the person and their records; the kept employer contact keeps
    // its mapping.
    const keys = await db
      .selectFrom('history_import_key')
      .select('external_id')
      .where('organisation_id', '=', orgId)
      .where('external_id', 'in', ['OSTROWIECKI-B', 'OB-V1', 'OB-C1', 'OB-K1', 'OB-X1', 'OB-E1'])
      .orderBy('external_id')
      .execute();
    expect(keys.map((k) => k.external_id)).toEqual(['OB-E1', 'OB-X1']);
    // What the test asserts of the report: a hard-deleted person leaves it entirely, as if never
    // entered (persons coached, profile, contracts, cohorts, exits, caseload, presentations all as
    // before the import), except the contacts with employers about them, which are kept detached:
    // the cells counting employer contacts stay as they were with the person.
    const reportAfter = await fullReport(db, orgId, today);
    expect(employerSide(reportAfter).rest).toEqual(employerSide(reportBefore).rest);
    expect(employerSide(reportAfter).employer).toEqual(employerSide(reportWith).employer);
    expect(employerSide(reportWith).rest).not.toEqual(employerSide(reportBefore).rest);
  });

  it('runs the retention job through pg-boss: anonymises only persons past the limit and reports it', async () => {
    // Exited six years ago (due with 5 years), exited a year ago, still in pre-hire.
    // The one due comes from the historical import, keyed by her name.
    const old = addMonths(today, -12 * 7);
    const imported = await importHistory(coordinator, {
      'persons.csv': csv(
        [
          'external_id',
          'first_name',
          'last_name',
          'birth_date',
          'sex',
          'referral_date',
          'coach_email',
          'notes',
        ],
        [
          'VANDERSMISSEN Eulalie',
          'Eulalie',
          'Vandersmissen',
          '1980-06-15',
          'woman',
          old,
          'coach@example.org',
          'Eulalie préfère les matinées',
        ],
      ),
      'events.csv': csv(
        ['external_id', 'person_external_id', 'date', 'event', 'reason'],
        ['EV-1', 'VANDERSMISSEN Eulalie', addDays(old, 10), 'enter_pre_hire', ''],
        ['EV-2', 'VANDERSMISSEN Eulalie', addMonths(today, -12 * 6), 'exit', 'moved_away'],
      ),
    });
    expect(imported.job.errors).toEqual([]);
    const oldPerson = {
      id: (
        await t.handle.db
          .selectFrom('history_import_key')
          .select('entity_id')
          .where('organisation_id', '=', orgId)
          .where('entity', '=', 'person')
          .where('external_id', '=', 'VANDERSMISSEN Eulalie')
          .executeTakeFirstOrThrow()
      ).entity_id,
    };
    const recent = await createPerson(
      coach,
      personBody(addMonths(today, -24), { firstName: 'Fulbert', lastName: 'Récent' }),
    );
    await move(coach, recent.id, 'enter_pre_hire', {
      date: addMonths(today, -23),
      trustContractSignedOn: addMonths(today, -23),
    });
    await move(coach, recent.id, 'exit', { date: addMonths(today, -12), exitReason: 'moved_away' });
    const active = await createPerson(coach, personBody(old, { firstName: 'Gontran', lastName: 'Actif' }));
    await move(coach, active.id, 'enter_pre_hire', {
      date: addDays(today, -30),
      trustContractSignedOn: addDays(today, -30),
    });

    const settings = await coordinator.get(`/api/organisations/${orgId}/retention-settings`);
    expect(settings.json).toMatchObject({ retentionYears: 5 });
    const bad = await coordinator.put(`/api/organisations/${orgId}/retention-settings`, {
      retentionYears: 0,
      version: settings.json.version,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe('retentionYears');
    expect(
      (
        await coach.put(`/api/organisations/${orgId}/retention-settings`, {
          retentionYears: 4,
          version: settings.json.version,
        })
      ).status,
    ).toBe(403);

    const dry = await runRetention(t.app.deps.database, {
      today,
      now: () => t.clock.now(),
      trigger: 'command_line',
      dryRun: true,
    });
    expect(dry.organisations.find((o) => o.organisationId === orgId)?.anonymised).toBe(1);
    expect((await t.handle.db.selectFrom('retention_run').select('id').execute()).length).toBe(0);

    const reportBefore = await fullReport(t.handle.db, orgId, today);
    expect(reportBefore.tables.find((x) => x.id === 'headline')).toBeTruthy();
    const jobs = await startJobs(
      { database: t.app.deps.database, clock: t.clock },
      { schedule: false, pollingIntervalSeconds: 0.5 },
    );
    try {
      const job = await runJob(jobs, RETENTION_QUEUE, 200);
      expect(job?.state).toBe('completed');
      expect((job?.output as { anonymised?: number } | undefined)?.anonymised).toBe(1);
    } finally {
      await jobs.stop();
    }
    const rows = await t.handle.db
      .selectFrom('person')
      .select(['id', 'erased_at', 'erasure_kind', 'first_name'])
      .where('id', 'in', [oldPerson.id, recent.id, active.id])
      .execute();
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[oldPerson.id]).toMatchObject({ erasure_kind: 'retention', first_name: 'Personne effacée' });
    expect(byId[recent.id]!.erased_at).toBeNull();
    expect(byId[active.id]!.erased_at).toBeNull();
    expect(await searchEverywhere(t.handle.db, ['Eulalie', 'Vandersmissen'])).toEqual([]);
    // The whole report is the same after the anonymisation.
    expect(await fullReport(t.handle.db, orgId, today)).toEqual(reportBefore);

    const runs = await coordinator.get('/api/privacy/retention-runs');
    expect(runs.status).toBe(200);
    expect(runs.json[0]).toMatchObject({ trigger: 'schedule', anonymised: 1 });
    expect(runs.json[0].organisations).toEqual([
      expect.objectContaining({
        organisationId: orgId,
        retentionYears: 5,
        anonymised: 1,
        cutoff: addMonths(today, -60),
      }),
    ]);
    const adminRuns = await admin.get('/api/privacy/retention-runs');
    expect(adminRuns.json[0].organisations).toHaveLength(2);
    expect((await coach.get('/api/privacy/retention-runs')).status).toBe(403);
    // A second run finds nobody new.
    const second = await runRetention(t.app.deps.database, {
      today,
      now: () => t.clock.now(),
      trigger: 'command_line',
    });
    expect(second.anonymised).toBe(0);
  }, 60_000);
});
