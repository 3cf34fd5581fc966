import { randomUUID } from 'node:crypto';
import { sql } from '@jobcoach/db';
import { addDays, COACHABILITY_CONDITIONS } from '@jobcoach/domain';
import type { PersonRecord, RecordReference } from '../src/http/references.ts';
import {
  addUser,
  type Client,
  createEmployer,
  createOrganisation,
  createPerson,
  createPreHirePerson,
  createVacancy,
  employerBody,
  loginAs,
  personBody,
  setupInstallation,
  type TestApp,
  tableCounts,
  vacancyBody,
} from './helpers.ts';

/**
 * Two organisations of one basin, users of every role, and one of every entity in the first:
 * the ground the record-scope, sensitive-field and adversarial tests stand on.
 *
 * Organisation A (CPAS de Fleurus): the admin (coordinator), Karim and Sophie (jobcoaches), Eva
 * (evaluator). Karim coaches `karimPerson`; Sophie coaches `sophiePerson` (with a contract, a
 * presentation, an employment period, a signed trust contract); `intakePerson` waits in intake
 * without a coach. Organisation B (Mission régionale de Charleroi, same basin): Bernard
 * (coordinator) and Béa (jobcoach).
 */
export async function buildWorld(t: TestApp) {
  const today = t.clock.today();
  const { admin, organisationId: orgA, basinId } = await setupInstallation(t);
  const orgB = await createOrganisation(admin, 'Mission régionale de Charleroi', basinId);
  const karimId = await addUser(t, orgA, 'karim@fleurus.example', 'jobcoach');
  const sophieId = await addUser(t, orgA, 'sophie@fleurus.example', 'jobcoach');
  const evaId = await addUser(t, orgA, 'eva@fleurus.example', 'evaluator');
  const bernardId = await addUser(t, orgB, 'bernard@mirec.example', 'coordinator');
  const beaId = await addUser(t, orgB, 'bea@mirec.example', 'jobcoach');
  const karim = await loginAs(t, 'karim@fleurus.example');
  const sophie = await loginAs(t, 'sophie@fleurus.example');
  const eva = await loginAs(t, 'eva@fleurus.example');
  const bernard = await loginAs(t, 'bernard@mirec.example');
  const bea = await loginAs(t, 'bea@mirec.example');

  const partner = await must(
    karim.post('/api/partners', { name: 'Médiation de dettes Zéphyr', type: 'cpas' }),
    201,
  );
  const employer = await createEmployer(
    karim,
    employerBody({ name: 'Entrepôts Quérulus', commune: 'Charleroi', notes: 'NOTE-EMPLOYEUR-A-7731' }),
  );
  await must(
    karim.post(`/api/employers/${employer.id}/contacts`, {
      date: today,
      channel: 'visit',
      purpose: 'canvassing',
      notes: 'CONTACT-EMPLOYEUR-A-5512',
    }),
    201,
  );
  const vacancy = await createVacancy(karim, vacancyBody(employer.id, addDays(today, -30)));

  // The sensitive values are unique markers: a test looks for them in every response.
  const karimPerson = await createPreHirePerson(karim, today, {
    firstName: 'Wendelin',
    lastName: 'Karimsky',
    physicalLimits: ['heavy_loads'],
    physicalLimitsNote: 'SANTE-MARQUEUR-4471 ne peut porter plus de 10 kg',
    origin: 'foreign_or_foreign_origin',
    residenceStatus: 'asylum_seeker',
    debtSettlementPlan: true,
    notes: 'NOTE-CONFIDENTIELLE-9902',
  });
  const sophiePerson = await createPreHirePerson(sophie, today, {
    firstName: 'Ysolde',
    lastName: 'Sophiani',
    physicalLimitsNote: 'SANTE-MARQUEUR-8830',
  });
  const intakePerson = await createPerson(
    admin,
    personBody(addDays(today, -2), { firstName: 'Ulrich', lastName: 'Sansréférent' }),
  );
  // A coordinator marks Karim's person's notes confidential.
  const marked = await must(
    admin.patch(`/api/persons/${karimPerson.id}`, { notesConfidential: true, version: karimPerson.version }),
    200,
  );
  // Contacts: a confidential one by Sophie, an ordinary one by Karim.
  await must(
    sophie.post(`/api/persons/${sophiePerson.id}/contacts`, {
      date: today,
      channel: 'phone',
      notes: 'CONTACT-CONFIDENTIEL-3318',
      confidential: true,
    }),
    201,
  );
  const karimFile = await must(
    karim.post(`/api/persons/${karimPerson.id}/contacts`, {
      date: today,
      channel: 'office_meeting',
      notes: 'Entretien ordinaire',
    }),
    201,
  );
  const contactId = (karimFile.timeline as { type: string; entity: { id: string } | null }[]).find(
    (e) => e.type === 'contact',
  )!.entity!.id;
  // A visit Karim planned with his person (the agenda).
  const plan = await must(
    karim.post(`/api/persons/${karimPerson.id}/planned-contacts`, {
      date: addDays(today, 1),
      time: '10:00',
      durationMinutes: 45,
      channel: 'visit',
    }),
    201,
  );
  const period = await must(
    sophie.post(`/api/persons/${sophiePerson.id}/employment-periods`, {
      kind: 'cdd',
      start: addDays(today, -200),
      end: addDays(today, -150),
    }),
    201,
  );
  const periodId = (period.employmentPeriods as { id: string }[])[0]!.id;
  const presentation = await must(
    sophie.post('/api/presentations', { personId: sophiePerson.id, vacancyId: vacancy.id }),
    201,
  );
  const contract = await must(
    sophie.post(`/api/persons/${sophiePerson.id}/contracts`, {
      employerId: employer.id,
      type: 'cdd',
      signedOn: today,
      start: today,
      plannedEnd: addDays(today, 90),
      hoursPerWeek: 38,
      jobTitle: 'Magasinière',
    }),
    201,
  );
  const absence = await must(
    admin.post('/api/absences', {
      coachId: sophieId,
      from: addDays(today, 10),
      to: addDays(today, 20),
      coverCoachId: karimId,
    }),
    201,
  );

  // The trust contract signed on entering pre-hire is one of Sophie's person's documents.
  const document = await t.handle.db
    .selectFrom('person_document')
    .select('id')
    .where('person_id', '=', sophiePerson.id)
    .executeTakeFirstOrThrow();

  return {
    today,
    orgA,
    orgB,
    basinId,
    clients: { admin, karim, sophie, eva, bernard, bea },
    users: { karimId, sophieId, evaId, bernardId, beaId },
    partnerId: partner.id as string,
    employerId: employer.id as string,
    vacancyId: vacancy.id as string,
    karimPerson: { id: karimPerson.id as string, version: marked.version as number },
    sophiePerson: { id: sophiePerson.id as string },
    intakePerson: { id: intakePerson.id as string },
    periodId,
    presentationId: presentation.id as string,
    contractId: contract.contract.id as string,
    /** An ordinary contact of Karim's about his person. */
    contactId,
    /** A visit Karim planned with his person. */
    planId: plan.id as string,
    documentId: document.id,
    absenceId: absence.id as string,
    /** Names and markers of A's persons and notes that must never reach the wrong caller. */
    personMarkers: [
      'Wendelin',
      'Karimsky',
      'Ysolde',
      'Sophiani',
      'Ulrich',
      'Sansréférent',
      karimPerson.id as string,
      sophiePerson.id as string,
      intakePerson.id as string,
    ],
    sensitiveMarkers: [
      'SANTE-MARQUEUR-4471',
      'SANTE-MARQUEUR-8830',
      'NOTE-CONFIDENTIELLE-9902',
      'CONTACT-CONFIDENTIEL-3318',
      'asylum_seeker',
      'foreign_or_foreign_origin',
    ],
    employerNoteMarkers: ['NOTE-EMPLOYEUR-A-7731', 'CONTACT-EMPLOYEUR-A-5512'],
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

/** The request's JSON when its status is the expected one; throws with the answer otherwise. */
export async function must(
  pending: Promise<{ status: number; json: unknown }>,
  status: number,
  // biome-ignore lint/suspicious/noExplicitAny: API answers are checked by the assertions
): Promise<any> {
  const res = await pending;
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

/** An assessment body that accepts the person. */
export function acceptedAssessment(on: string) {
  return {
    assessedOn: on,
    conditions: Object.fromEntries(COACHABILITY_CONDITIONS.map((c) => [c, { met: true }])),
    decision: 'accepted',
  };
}

export type { Client };

export interface Call {
  url: string;
  body?: unknown;
}

/**
 * Every person-level route, called for the person `personId` (and the contract, presentation and
 * employment period given), with a body that passes validation: a refusal is then the scope's.
 */
export function personLevelCalls(
  w: World,
  ids: { personId: string; contractId: string; presentationId: string; periodId: string },
): Record<string, Call> {
  const { today } = w;
  const p = `/api/persons/${ids.personId}`;
  const c = `/api/contracts/${ids.contractId}`;
  // Destructive routes come last: a caller within the scope really deletes.
  return {
    'GET /api/persons/:id': { url: p },
    'PATCH /api/persons/:id': { url: p, body: { version: 999 } },
    'POST /api/persons/:id/assessments': { url: `${p}/assessments`, body: acceptedAssessment(today) },
    'PUT /api/persons/:id/trust-contract': { url: `${p}/trust-contract`, body: { signedOn: today } },
    'GET /api/persons/:id/trust-contract.pdf': { url: `${p}/trust-contract.pdf` },
    'POST /api/persons/:id/transitions': {
      url: `${p}/transitions`,
      body: { transitionId: 'exit', fields: { date: today, exitReason: 'left_voluntarily' }, version: 999 },
    },
    'POST /api/persons/:id/transitions/:eventId/cancel': {
      url: `${p}/transitions/00000000-0000-4000-8000-000000000000/cancel`,
      body: { reason: 'Saisi par erreur', version: 999 },
    },
    'POST /api/persons/:id/employment-periods': {
      url: `${p}/employment-periods`,
      body: { kind: 'cdd', start: addDays(today, -400), end: addDays(today, -390) },
    },
    'POST /api/persons/:id/contacts': {
      url: `${p}/contacts`,
      body: { date: today, channel: 'phone' },
    },
    'GET /api/persons/:id/planned-contacts': { url: `${p}/planned-contacts` },
    'POST /api/persons/:id/planned-contacts': {
      url: `${p}/planned-contacts`,
      body: { date: addDays(today, 2), time: '09:30', channel: 'phone' },
    },
    'GET /api/persons/:id/matches': { url: `${p}/matches` },
    'GET /api/persons/:id/basin-offers': { url: `${p}/basin-offers` },
    'POST /api/basin-requests': {
      url: '/api/basin-requests',
      body: { personId: ids.personId, basinVacancyId: w.vacancyId, note: 'Profil de magasinier' },
    },
    'GET /api/persons/:id/contracts': { url: `${p}/contracts` },
    'POST /api/persons/:id/contracts': {
      url: `${p}/contracts`,
      // A planned end before the start: refused after the scope check, nothing signed.
      body: {
        employerId: w.employerId,
        type: 'cdd',
        signedOn: today,
        start: today,
        plannedEnd: addDays(today, -5),
        jobTitle: 'Magasinière',
      },
    },
    'GET /api/persons/:id/end-letter.pdf': { url: `${p}/end-letter.pdf` },
    'PATCH /api/contracts/:id': { url: c, body: { version: 999 } },
    'PUT /api/contracts/:id/follow-up': { url: `${c}/follow-up`, body: { version: 999 } },
    'POST /api/presentations': {
      url: '/api/presentations',
      body: { personId: ids.personId, vacancyId: w.vacancyId },
    },
    'POST /api/presentations/:id/steps/:stepId/cancel': {
      url: `/api/presentations/${ids.presentationId}/steps/00000000-0000-4000-8000-000000000000/cancel`,
      body: { reason: 'Saisi par erreur', version: 999 },
    },
    'POST /api/presentations/:id/steps': {
      url: `/api/presentations/${ids.presentationId}/steps`,
      body: { step: 'withdrawn', date: today, version: 999 },
    },
    'GET /api/presentations/:id/hire': {
      url: `/api/presentations/${ids.presentationId}/hire?grossHourly=15`,
    },
    // Consents, hand-offs and the data subject's rights (privacy/): the guard covers them too.
    'GET /api/persons/:id/consents': { url: `${p}/consents` },
    'POST /api/persons/:id/consents': {
      url: `${p}/consents`,
      body: { purpose: 'processing', givenOn: addDays(today, -400), notice: 'Notice 2002' },
    },
    'POST /api/persons/:id/consents/:consentId/withdraw': {
      url: `${p}/consents/00000000-0000-4000-8000-000000000000/withdraw`,
      body: { withdrawnOn: today },
    },
    'GET /api/persons/:id/handoffs': { url: `${p}/handoffs` },
    'POST /api/persons/:id/handoffs': {
      url: `${p}/handoffs`,
      body: { partnerId: '00000000-0000-4000-8000-000000000000', purpose: 'report_to_prescriber' },
    },
    'GET /api/persons/:id/export.json': { url: `${p}/export.json` },
    'GET /api/persons/:id/export.pdf': { url: `${p}/export.pdf` },
    'POST /api/persons/:id/erasure': {
      url: `${p}/erasure`,
      body: { reason: 'Demande écrite de la personne' },
    },
    'GET /api/persons/:id/access-log': { url: `${p}/access-log` },
    'POST /api/contracts/:id/start-follow-up': { url: `${c}/start-follow-up` },
    'DELETE /api/persons/:id/employment-periods/:periodId': {
      url: `${p}/employment-periods/${ids.periodId}`,
    },
    // A valid reason: only the scope stands between the caller and the cancellation.
    'POST /api/contracts/:id/cancel': { url: `${c}/cancel`, body: { reason: 'Saisi par erreur' } },
    'DELETE /api/persons/:id': { url: p, body: { reason: 'Demande écrite de la personne' } },
  };
}

/** The 404 the record scope answers (as for another organisation's id). */
export function isScopeRefusal(res: { status: number; json: unknown }): boolean {
  const message = (res.json as { error?: { message?: string } } | undefined)?.error?.message ?? '';
  return res.status === 404 && /^(Personne|Contrat|Présentation) introuvable\.$/.test(message);
}

/**
 * For every route whose body or query string names a person-level record (the route table's
 * `references`), a call within Karim's reach that passes validation: the probe below puts another
 * id in one field at a time. A route with references missing here fails the probe, naming it.
 */
export function referenceCalls(w: World): Record<string, Call> {
  const { today } = w;
  return {
    'POST /api/employers/:id/contacts': {
      url: `/api/employers/${w.employerId}/contacts`,
      body: { date: today, channel: 'phone', purpose: 'follow_up', personId: w.karimPerson.id },
    },
    'GET /api/presentations': {
      url: `/api/presentations?vacancyId=${w.vacancyId}&personId=${w.karimPerson.id}`,
    },
    'POST /api/presentations': {
      url: '/api/presentations',
      body: { personId: w.karimPerson.id, vacancyId: w.vacancyId },
    },
    'POST /api/basin-requests': {
      url: '/api/basin-requests',
      body: { personId: w.karimPerson.id, basinVacancyId: w.vacancyId, note: 'Profil de magasinier' },
    },
    'POST /api/persons/:id/contracts': {
      url: `/api/persons/${w.karimPerson.id}/contracts`,
      // A planned end before the start: refused after the scope check, nothing signed.
      body: {
        employerId: w.employerId,
        type: 'cdd',
        signedOn: today,
        start: today,
        plannedEnd: addDays(today, -5),
        jobTitle: 'Magasinier',
        presentationId: null,
      },
    },
  };
}

/** A record of Sophie's person, which Karim does not reach (before the cover starts). */
export function outOfScopeId(w: World, record: PersonRecord): string {
  return {
    person: w.sophiePerson.id,
    contract: w.contractId,
    presentation: w.presentationId,
    document: w.documentId,
  }[record];
}

/** The value `path` leads to in `node` set to `id` (a list of one id for an "…Ids" field). */
function setAt(node: unknown, path: readonly string[], id: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return id;
  if (head === '[]') {
    const items = Array.isArray(node) && node.length > 0 ? node : [{}];
    return items.map((item) => setAt(item, rest, id));
  }
  const object = { ...((node ?? {}) as Record<string, unknown>) };
  object[head] = rest.length === 0 && /Ids$/.test(head) ? [id] : setAt(object[head], rest, id);
  return object;
}

function withReference(call: Call, ref: RecordReference, id: string): Call {
  if (ref.location === 'querystring') {
    const url = new URL(call.url, 'http://localhost');
    url.searchParams.set(ref.path.filter((p) => p !== '[]').join('.'), id);
    return { ...call, url: url.pathname + url.search };
  }
  return { ...call, body: setAt(call.body, ref.path, id) };
}

async function writes(t: TestApp) {
  const audit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(t.handle.db);
  return { ...(await tableCounts(t)), audit_log: audit.rows[0]!.n };
}

/**
 * The record scope on ids given in a body or a query string, route by route and field by field:
 * as Karim, a jobcoach who does not coach Sophie's person, each field gets an unknown id, then one
 * of Sophie's person's records. Both must get one same answer (status and body), which names the
 * field (the refusal is that field's, not an earlier one's), and neither may write anything (no
 * row, no audit entry). Returns what failed.
 */
export async function probeReferences(
  t: TestApp,
  w: World,
  client: Client,
  calls: Record<string, Call> = referenceCalls(w),
): Promise<string[]> {
  const failures: string[] = [];
  for (const route of t.app.routeTable) {
    const key = `${route.method} ${route.url}`;
    for (const ref of route.references) {
      const field = ref.path.filter((p) => p !== '[]').join('.');
      const base = calls[key];
      if (!base) {
        failures.push(`${key} ${field}: no call in referenceCalls`);
        continue;
      }
      const before = await writes(t);
      const send = (call: Call) => client.request(route.method as 'GET', call.url, call.body);
      const unknown = await send(withReference(base, ref, randomUUID()));
      const outside = await send(withReference(base, ref, outOfScopeId(w, ref.record)));
      const after = await writes(t);
      const shown = (r: { status: number; json: unknown }) => `${r.status} ${JSON.stringify(r.json)}`;
      if (unknown.json?.error?.field !== field) {
        failures.push(`${key} ${field}: an unknown id is not refused on this field (${shown(unknown)})`);
      }
      if (
        outside.status !== unknown.status ||
        JSON.stringify(outside.json) !== JSON.stringify(unknown.json)
      ) {
        failures.push(`${key} ${field}: out of scope ${shown(outside)}, unknown ${shown(unknown)}`);
      }
      if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${key} ${field}: wrote`);
    }
  }
  return failures;
}
