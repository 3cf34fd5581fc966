import { randomUUID } from 'node:crypto';
import type { Database, Kysely } from '@jobcoach/db';
import { sql } from '@jobcoach/db';
import {
  compareDates,
  employmentKindOf,
  type HistoryEvent,
  intakeState,
  isEmploymentContract,
  type Phase,
  replayTrajectory,
  type TrajectoryState,
  validateContract,
} from '@jobcoach/domain';
import { ERASED_IMPORT_KEY_PREFIX, erasedImportKey } from '../privacy/erasure.ts';
import {
  columnLabel,
  ENTITY_OF_FILE,
  HISTORY_FILES,
  type HistoryEntity,
  type HistoryFile,
  readExitReason,
  readReturnReason,
} from './format.ts';
import type {
  ContractRow,
  EmployerContactRow,
  EmployerRow,
  EventRow,
  HistoryError,
  Parsed,
  PersonContactRow,
  PersonRow,
} from './rows.ts';

/**
 * The plan of an import: every row checked against the database (references to external ids, the
 * mapping of earlier imports, NISS and BCE numbers, the chronology of each person's events replayed
 * through the method's transitions), and what would be created, updated or left unchanged. Nothing
 * is written here: a dry run stops at the plan, an import hands it to write.ts.
 */

export type Action = 'create' | 'update' | 'unchanged';

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Employers found in the basin's registry by BCE number (linked, not modified). */
  linked: number;
  /** Rows left out because a row they depend on has an error. */
  skipped: number;
  errors: number;
}

export interface Skipped {
  file: string;
  line: number;
  message: string;
}

interface Planned<R> {
  row: R;
  id: string;
  action: Action;
}

export interface PlannedPerson {
  /** The row of persons.csv; null for a person of an earlier import to which events are added. */
  row: PersonRow | null;
  id: string;
  action: Action;
  coachId: string | null;
  partnerId: string | null;
  /** The trajectory after the imported events (new persons: replayed from intake). */
  state: TrajectoryState;
  /** An existing person to which new events are appended. */
  appended: boolean;
  /** Stored version of an existing person. */
  version: number | null;
}

export interface PlannedContract extends Planned<ContractRow> {
  personId: string;
  employerId: string;
  convertedFromId: string | null;
}

export interface PlannedEvent {
  row: EventRow;
  id: string;
  personId: string;
  from: Phase;
  to: Phase;
  fields: Record<string, unknown>;
  contractId: string | null;
  /** Order of the event among the person's events (for the timeline's `at`). */
  rank: number;
}

export interface Plan {
  errors: HistoryError[];
  skipped: Skipped[];
  counts: Record<HistoryEntity, EntityCounts>;
  /** Rows read in all the files. */
  total: number;
  partners: { id: string; name: string }[];
  employers: (Planned<EmployerRow> & { matched: boolean })[];
  persons: PlannedPerson[];
  contracts: PlannedContract[];
  events: PlannedEvent[];
  personContacts: (Planned<PersonContactRow> & { personId: string })[];
  employerContacts: (Planned<EmployerContactRow> & { employerId: string; personId: string | null })[];
}

export interface PlanContext {
  organisationId: string;
  basinId: string;
  today: string;
}

interface Key {
  entityId: string;
  hash: string;
  matched: boolean;
}

const ENTITIES: HistoryEntity[] = [
  'employer',
  'person',
  'contract',
  'event',
  'person_contact',
  'employer_contact',
];

/** The mapping of earlier imports whose rows still exist (a deleted contract is imported again). */
async function loadKeys(db: Kysely<Database>, organisationId: string) {
  const result = await sql<{
    entity: HistoryEntity;
    external_id: string;
    entity_id: string;
    content_hash: string;
    matched: boolean;
  }>`
    SELECT k.entity, k.external_id, k.entity_id, k.content_hash, k.matched
    FROM history_import_key k
    WHERE k.organisation_id = ${organisationId}
      AND CASE k.entity
        WHEN 'person' THEN EXISTS (SELECT 1 FROM person p WHERE p.id = k.entity_id
          AND (p.deleted_at IS NULL OR p.erased_at IS NOT NULL))
        WHEN 'event' THEN EXISTS (SELECT 1 FROM trajectory_event e WHERE e.id = k.entity_id)
        WHEN 'contract' THEN EXISTS (SELECT 1 FROM contract c WHERE c.id = k.entity_id)
        WHEN 'person_contact' THEN EXISTS (SELECT 1 FROM contact c WHERE c.id = k.entity_id)
        WHEN 'employer' THEN EXISTS (SELECT 1 FROM employer e WHERE e.id = k.entity_id)
        WHEN 'employer_contact' THEN EXISTS (SELECT 1 FROM employer_contact c WHERE c.id = k.entity_id)
        ELSE false END`.execute(db);
  const keys = Object.fromEntries(ENTITIES.map((e) => [e, new Map<string, Key>()])) as Record<
    HistoryEntity,
    Map<string, Key>
  >;
  for (const k of result.rows) {
    keys[k.entity].set(k.external_id, { entityId: k.entity_id, hash: k.content_hash, matched: k.matched });
  }
  return keys;
}

/** Why the rows of an erased person are left out (the message names neither them nor their key). */
const ERASED_PERSON_WHY =
  'la personne de cette ligne a été effacée (à sa demande ou au terme de la durée de conservation) : elle n’est pas importée à nouveau.';

/**
 * The person external ids of the files that belong to persons erased since their import: an
 * erasure keeps their mapping rows under a digest of the external id (privacy/erasure.ts), so that
 * importing the old files again leaves them out (with their events, contracts and contacts).
 */
function erasedPersonRefs(personKeys: Map<string, Key>, organisationId: string, parsed: Parsed) {
  const erased = new Set<string>();
  if (![...personKeys.keys()].some((k) => k.startsWith(ERASED_IMPORT_KEY_PREFIX))) return erased;
  const { rows } = parsed;
  const refs = new Set([
    ...rows.persons.map((r) => r.externalId),
    ...rows.events.map((r) => r.personRef),
    ...rows.contracts.map((r) => r.personRef),
    ...rows.person_contacts.map((r) => r.personRef),
    ...rows.employer_contacts.flatMap((r) => (r.personRef ? [r.personRef] : [])),
  ]);
  for (const ref of refs) {
    if (personKeys.has(erasedImportKey(organisationId, 'person', ref))) erased.add(ref);
  }
  return erased;
}

/** The rows `find` returns for the items, asked a chunk at a time (bounded `IN` lists). */
async function findInChunks<T, R>(
  items: readonly T[],
  find: (chunk: T[]) => Promise<R[]>,
  size = 1000,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await find(items.slice(i, i + size))));
  return out;
}

const EVENT_FIELD_COLUMNS: Record<string, string> = {
  transitionId: 'event',
  date: 'date',
  trustContractSignedOn: 'trust_contract_signed_on',
  employerId: 'employer_external_id',
  contractKind: 'contract_kind',
  contractStart: 'contract_start',
  contractEnd: 'contract_end',
  returnReason: 'reason',
  exitReason: 'reason',
  reasonDetail: 'detail',
};

const CONTRACT_FIELD_COLUMNS: Record<string, string> = {
  signedOn: 'signed_on',
  plannedEnd: 'planned_end',
  actualEnd: 'actual_end',
  endReason: 'end_reason',
  hoursPerWeek: 'hours_per_week',
};

export async function planImport(db: Kysely<Database>, ctx: PlanContext, parsed: Parsed): Promise<Plan> {
  const errors: HistoryError[] = [...parsed.errors];
  const skipped: Skipped[] = [];
  const counts = Object.fromEntries(
    ENTITIES.map((e) => [e, { created: 0, updated: 0, unchanged: 0, linked: 0, skipped: 0, errors: 0 }]),
  ) as Record<HistoryEntity, EntityCounts>;
  const keys = await loadKeys(db, ctx.organisationId);
  const { rows } = parsed;
  const erasedPersons = erasedPersonRefs(keys.person, ctx.organisationId, parsed);

  const fail = (row: { sheet: string; line: number; file: HistoryFile }, column: string, message: string) => {
    errors.push({
      file: row.sheet,
      line: row.line,
      field: column,
      message: `« ${columnLabel(row.file, column)} » : ${message}`,
    });
  };
  /** External ids that will not be imported (errors, or skipped), per file. */
  const failed = parsed.failed;
  /** External id → id of the rows this import creates or updates, per file. */
  const planned = Object.fromEntries(
    Object.keys(failed).map((f) => [f, new Map<string, string>()]),
  ) as Record<HistoryFile, Map<string, string>>;

  type Resolved = { kind: 'ok'; id: string } | { kind: 'failed'; why: string } | { kind: 'unknown' };
  const resolve = (file: HistoryFile, ref: string): Resolved => {
    if (file === 'persons' && erasedPersons.has(ref)) return { kind: 'failed', why: ERASED_PERSON_WHY };
    const id = planned[file].get(ref);
    if (id) return { kind: 'ok', id };
    if (failed[file].has(ref) || parsed.failedFiles.has(file)) {
      return {
        kind: 'failed',
        why: `« ${ref} » (${file}) n’est pas importé : il a une erreur ou dépend d’une ligne en erreur.`,
      };
    }
    const key = keys[ENTITY_OF_FILE[file]].get(ref);
    return key ? { kind: 'ok', id: key.entityId } : { kind: 'unknown' };
  };
  /** Resolves a reference of `row` (column), recording the error or the skip; null when not resolved. */
  const reference = (
    row: { sheet: string; line: number; file: HistoryFile; externalId: string },
    column: string,
    file: HistoryFile,
    ref: string,
  ): string | null | 'skip' => {
    const r = resolve(file, ref);
    if (r.kind === 'ok') return r.id;
    if (r.kind === 'failed') {
      skipped.push({ file: row.sheet, line: row.line, message: `Ligne ignorée : ${r.why}` });
      return 'skip';
    }
    fail(row, column, `« ${ref} » est inconnu : absent de ${file}.csv et d’aucun import précédent.`);
    return null;
  };
  const action = (
    entity: HistoryEntity,
    row: { externalId: string; hash: string },
  ): { id: string; action: Action } => {
    const key = keys[entity].get(row.externalId);
    if (!key) return { id: randomUUID(), action: 'create' };
    return { id: key.entityId, action: key.hash === row.hash ? 'unchanged' : 'update' };
  };
  const count = (entity: HistoryEntity, a: Action) => {
    counts[entity][a === 'create' ? 'created' : a === 'update' ? 'updated' : 'unchanged']++;
  };

  // ---- employers: the mapping, else the basin's registry by BCE, else a new one ----
  const employers: Plan['employers'] = [];
  const bces = rows.employers.flatMap((r) => (r.values.bce ? [r.values.bce] : []));
  const byBce = new Map(
    (
      await findInChunks(bces, (list) =>
        db
          .selectFrom('employer')
          .select(['id', 'bce'])
          .where('basin_id', '=', ctx.basinId)
          .where('bce', 'in', list)
          .execute(),
      )
    ).map((f) => [f.bce!, f.id]),
  );
  const bceLine = new Map<string, number>();
  for (const row of rows.employers) {
    const bce = row.values.bce;
    if (bce && bceLine.has(bce)) {
      fail(
        row,
        'bce',
        `le numéro ${bce} figure déjà à la ligne ${bceLine.get(bce)} : un employeur par numéro.`,
      );
      failed.employers.add(row.externalId);
      continue;
    }
    if (bce) bceLine.set(bce, row.line);
    const key = keys.employer.get(row.externalId);
    if (key?.matched) {
      employers.push({ row, id: key.entityId, action: 'unchanged', matched: true });
      counts.employer.linked++;
    } else if (key) {
      const a = key.hash === row.hash ? 'unchanged' : 'update';
      employers.push({ row, id: key.entityId, action: a, matched: false });
      count('employer', a);
    } else if (bce && byBce.has(bce)) {
      employers.push({ row, id: byBce.get(bce)!, action: 'create', matched: true });
      counts.employer.linked++;
    } else {
      employers.push({ row, id: randomUUID(), action: 'create', matched: false });
      count('employer', 'create');
    }
    planned.employers.set(row.externalId, employers.at(-1)!.id);
  }

  // ---- persons ----
  const members = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email'])
    .where('m.organisation_id', '=', ctx.organisationId)
    .where('m.active', '=', true)
    .where('m.role', 'in', ['coordinator', 'jobcoach'])
    .execute();
  const coachByEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
  const partnerRows = await db
    .selectFrom('partner')
    .select(['id', 'name'])
    .where('organisation_id', '=', ctx.organisationId)
    .execute();
  const partnerByName = new Map(partnerRows.map((p) => [p.name.toLowerCase(), p.id]));
  const partners: Plan['partners'] = [];
  const nisses = rows.persons.flatMap((r) => (typeof r.values.niss === 'string' ? [r.values.niss] : []));
  const personByNiss = new Map(
    (
      await findInChunks(nisses, (list) =>
        db
          .selectFrom('person')
          .select(['id', 'niss'])
          .where('organisation_id', '=', ctx.organisationId)
          .where('deleted_at', 'is', null)
          .where('niss', 'in', list)
          .execute(),
      )
    ).map((f) => [f.niss!, f.id]),
  );
  const persons: PlannedPerson[] = [];
  const nissLine = new Map<string, number>();
  for (const row of rows.persons) {
    if (erasedPersons.has(row.externalId)) {
      counts.person.skipped++;
      failed.persons.add(row.externalId);
      skipped.push({ file: row.sheet, line: row.line, message: `Ligne ignorée : ${ERASED_PERSON_WHY}` });
      continue;
    }
    const niss = row.values.niss as string | null;
    const { id, action: a } = action('person', row);
    let bad = false;
    if (niss && nissLine.has(niss)) {
      fail(row, 'niss', `ce NISS figure déjà à la ligne ${nissLine.get(niss)}.`);
      bad = true;
    } else if (niss && personByNiss.has(niss) && personByNiss.get(niss) !== (a === 'create' ? null : id)) {
      fail(row, 'niss', 'une autre personne de votre organisation a déjà ce NISS.');
      bad = true;
    }
    if (niss) nissLine.set(niss, row.line);
    let coachId: string | null = null;
    if (row.coachEmail) {
      coachId = coachByEmail.get(row.coachEmail) ?? null;
      if (!coachId) {
        fail(
          row,
          'coach_email',
          `aucun jobcoach ni coordinateur actif de votre organisation n’a l’adresse « ${row.coachEmail} ».`,
        );
        bad = true;
      }
    }
    if (bad) {
      failed.persons.add(row.externalId);
      continue;
    }
    let partnerId: string | null = null;
    if (row.referralPartner) {
      const name = row.referralPartner.toLowerCase();
      partnerId = partnerByName.get(name) ?? null;
      if (!partnerId) {
        partnerId = randomUUID();
        partnerByName.set(name, partnerId);
        partners.push({ id: partnerId, name: row.referralPartner });
      }
    }
    persons.push({
      row,
      id,
      action: a,
      coachId,
      partnerId,
      state: intakeState(row.referralDate),
      appended: false,
      version: null,
    });
    planned.persons.set(row.externalId, id);
  }
  const personPlan = new Map(persons.map((p) => [p.id, p]));

  // ---- contracts ----
  const contracts: PlannedContract[] = [];
  const continued = new Map<string, number>();
  // Contracts may continue one further down the file: every readable row gets its id first.
  const contractAction = new Map(rows.contracts.map((r) => [r.externalId, action('contract', r)]));
  for (const [ref, a] of contractAction) planned.contracts.set(ref, a.id);
  for (const row of rows.contracts) {
    const personId = reference(row, 'person_external_id', 'persons', row.personRef);
    const employerId = reference(row, 'employer_external_id', 'employers', row.employerRef);
    const convertedFromId = row.continuesRef
      ? reference(row, 'continues_contract_external_id', 'contracts', row.continuesRef)
      : null;
    const v = row.values;
    const problems = validateContract(
      {
        type: v.type,
        signedOn: v.signed_on,
        start: v.start_on,
        plannedEnd: v.planned_end_on,
        hoursPerWeek: v.hours_per_week,
        actualEnd: v.actual_end_on,
        endReason: v.end_reason,
      },
      ctx.today,
    );
    for (const p of problems) fail(row, CONTRACT_FIELD_COLUMNS[p.field] ?? 'line', p.message);
    if (row.continuesRef && continued.has(row.continuesRef)) {
      fail(
        row,
        'continues_contract_external_id',
        `ce contrat est déjà continué par la ligne ${continued.get(row.continuesRef)}.`,
      );
      problems.push({ field: 'continues', message: '' });
    }
    if (row.continuesRef) continued.set(row.continuesRef, row.line);
    if (personId === 'skip' || employerId === 'skip' || convertedFromId === 'skip') {
      counts.contract.skipped++;
      failed.contracts.add(row.externalId);
      planned.contracts.delete(row.externalId);
      continue;
    }
    if (
      personId === null ||
      employerId === null ||
      (row.continuesRef && convertedFromId === null) ||
      problems.length > 0
    ) {
      failed.contracts.add(row.externalId);
      planned.contracts.delete(row.externalId);
      continue;
    }
    const { id, action: a } = contractAction.get(row.externalId)!;
    contracts.push({ row, id, action: a, personId, employerId, convertedFromId });
  }
  // A contract continuing one that failed (later in the file) is skipped too.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [i, c] of contracts.entries()) {
      if (c.row.continuesRef && failed.contracts.has(c.row.continuesRef)) {
        contracts.splice(i, 1);
        planned.contracts.delete(c.row.externalId);
        failed.contracts.add(c.row.externalId);
        counts.contract.skipped++;
        skipped.push({
          file: c.row.sheet,
          line: c.row.line,
          message: `Ligne ignorée : le contrat qu’elle continue (« ${c.row.continuesRef} ») n’est pas importé.`,
        });
        changed = true;
        break;
      }
    }
  }
  const contractById = new Map(contracts.map((c) => [c.id, c]));
  for (const c of contracts) count('contract', c.action);

  // ---- events, replayed per person ----
  const events: PlannedEvent[] = [];
  const byPerson = new Map<string, EventRow[]>();
  for (const row of rows.events) {
    const broken = parsed.brokenTrajectories.get(row.personRef);
    if (broken) {
      counts.event.skipped++;
      failed.events.add(row.externalId);
      skipped.push({
        file: row.sheet,
        line: row.line,
        message: `Ligne ignorée : un autre événement de la personne « ${row.personRef} » (ligne ${broken.line}) est en erreur, son parcours ne peut pas être vérifié.`,
      });
      continue;
    }
    const personId = reference(row, 'person_external_id', 'persons', row.personRef);
    if (personId === 'skip') {
      counts.event.skipped++;
      failed.events.add(row.externalId);
      continue;
    }
    if (personId === null) {
      failed.events.add(row.externalId);
      continue;
    }
    byPerson.set(personId, [...(byPerson.get(personId) ?? []), row]);
  }
  const existingIds = [...byPerson.keys()].filter((id) => personPlan.get(id)?.action !== 'create');
  const stored = new Map<
    string,
    {
      phase: Phase;
      since: string;
      preHireEntry: string | null;
      trust: string | null;
      version: number;
      referral: string;
    }
  >();
  const storedPersons = await findInChunks(existingIds, (list) =>
    db
      .selectFrom('person')
      .select([
        'id',
        'phase',
        'phase_since',
        'pre_hire_entry',
        'trust_contract_signed_on',
        'version',
        'referral_received_on',
      ])
      .where('organisation_id', '=', ctx.organisationId)
      .where('id', 'in', list)
      .execute(),
  );
  for (const f of storedPersons) {
    stored.set(f.id, {
      phase: f.phase as Phase,
      since: f.phase_since,
      preHireEntry: f.pre_hire_entry,
      trust: f.trust_contract_signed_on,
      version: f.version,
      referral: f.referral_received_on,
    });
  }
  const storedContracts = new Map<
    string,
    { personId: string; employerId: string; type: string; start: string; plannedEnd: string | null }
  >();
  const contractRefs = [
    ...new Set(
      rows.events.flatMap((e) =>
        e.contractRef && !planned.contracts.has(e.contractRef) ? [e.contractRef] : [],
      ),
    ),
  ].flatMap((ref) => {
    const k = keys.contract.get(ref);
    return k ? [k.entityId] : [];
  });
  const contractRows = await findInChunks(contractRefs, (list) =>
    db
      .selectFrom('contract')
      .select(['id', 'person_id', 'employer_id', 'type', 'start_on', 'planned_end_on'])
      .where('organisation_id', '=', ctx.organisationId)
      .where('id', 'in', list)
      .execute(),
  );
  for (const f of contractRows) {
    storedContracts.set(f.id, {
      personId: f.person_id,
      employerId: f.employer_id,
      type: f.type,
      start: f.start_on,
      plannedEnd: f.planned_end_on,
    });
  }
  const contractFacts = (id: string) => {
    const c = contractById.get(id);
    if (c) {
      return {
        personId: c.personId,
        employerId: c.employerId,
        type: c.row.values.type,
        start: c.row.values.start_on,
        plannedEnd: c.row.values.planned_end_on,
      };
    }
    return storedContracts.get(id) ?? null;
  };

  for (const [personId, list] of byPerson) {
    const person = personPlan.get(personId);
    const isNew = person?.action === 'create';
    const sorted = [...list].sort((a, b) => compareDates(a.date, b.date) || a.line - b.line);
    const fresh: EventRow[] = [];
    for (const row of sorted) {
      const key = isNew ? undefined : keys.event.get(row.externalId);
      if (!key) {
        fresh.push(row);
        continue;
      }
      if (key.hash === row.hash) counts.event.unchanged++;
      else {
        fail(
          row,
          'event',
          'cet événement a déjà été importé avec d’autres valeurs ; le journal du parcours ne se modifie pas (ajoutez un nouvel événement, avec un autre identifiant).',
        );
        failed.events.add(row.externalId);
      }
    }
    if (fresh.length === 0) continue;
    let start: TrajectoryState;
    let version: number | null = null;
    if (isNew || !stored.has(personId)) {
      if (!person?.row) continue; // unreachable: a reference resolves to a planned or stored person
      start = intakeState(person.row.referralDate);
    } else {
      const s = stored.get(personId)!;
      start = {
        phase: s.phase,
        since: s.since,
        preHireEntry: s.preHireEntry,
        trustContractSignedOn: s.trust,
      };
      version = s.version;
    }
    // Each event's fields, as the live transition takes them; a reference error stops the person.
    const prepared: { row: EventRow; event: HistoryEvent; contractId: string | null }[] = [];
    let stop: EventRow | null = null;
    for (const row of fresh) {
      const fields: Record<string, unknown> = { date: row.date };
      let contractId: string | null = null;
      let bad = false;
      if (row.contractRef) {
        const ref = reference(row, 'contract_external_id', 'contracts', row.contractRef);
        if (ref === 'skip' || ref === null) bad = true;
        else {
          const facts = contractFacts(ref);
          if (!facts || facts.personId !== personId) {
            fail(
              row,
              'contract_external_id',
              `le contrat « ${row.contractRef} » est celui d’une autre personne.`,
            );
            bad = true;
          } else {
            contractId = ref;
            if (row.transitionId === 'start_hiring') fields.employerId = facts.employerId;
            if (row.transitionId === 'start_follow_up') {
              const type = facts.type as ContractRow['values']['type'];
              if (!isEmploymentContract(type)) {
                fail(
                  row,
                  'contract_external_id',
                  'une immersion ou un stage n’ouvre pas de suivi en entreprise.',
                );
                bad = true;
              }
              fields.contractKind = employmentKindOf({ type, plannedEnd: facts.plannedEnd });
              fields.contractStart = facts.start;
              if (facts.plannedEnd) fields.contractEnd = facts.plannedEnd;
            }
          }
        }
      }
      if (row.employerRef) {
        const ref = reference(row, 'employer_external_id', 'employers', row.employerRef);
        if (ref === 'skip' || ref === null) bad = true;
        else fields.employerId = ref;
      }
      if (row.transitionId === 'enter_pre_hire') {
        fields.trustContractSignedOn = row.trustContractSignedOn ?? row.date;
        if (compareDates(String(fields.trustContractSignedOn), ctx.today) > 0) {
          fail(row, 'trust_contract_signed_on', 'la date ne peut pas être dans le futur.');
          bad = true;
        }
      }
      if (row.transitionId === 'start_follow_up' && !contractId) {
        fields.contractKind = row.contractKind ?? undefined;
        fields.contractStart = row.contractStart ?? row.date;
        if (row.contractEnd) fields.contractEnd = row.contractEnd;
      }
      if (row.transitionId === 'return_to_pre_hire' || row.transitionId === 'exit') {
        if (row.reason) {
          const r = row.transitionId === 'exit' ? readExitReason(row.reason) : readReturnReason(row.reason);
          if (r.ok) fields[row.transitionId === 'exit' ? 'exitReason' : 'returnReason'] = r.value;
          else {
            fail(row, 'reason', r.message);
            bad = true;
          }
        }
      }
      if (row.detail) fields.reasonDetail = row.detail;
      if (bad) {
        stop = row;
        break;
      }
      prepared.push({ row, event: { transitionId: row.transitionId, fields }, contractId });
    }
    const replay = replayTrajectory(
      start,
      prepared.map((p) => p.event),
      ctx.today,
    );
    const accepted = replay.failedAt ?? prepared.length;
    if (replay.failedAt !== null) {
      const step = replay.steps[replay.failedAt]!;
      const row = prepared[replay.failedAt]!.row;
      if (!step.ok) fail(row, EVENT_FIELD_COLUMNS[step.field] ?? 'event', step.message);
      stop = row;
    }
    prepared.slice(0, accepted).forEach((p, i) => {
      const step = replay.steps[i]!;
      if (!step.ok) return;
      events.push({
        row: p.row,
        id: randomUUID(),
        personId,
        from: step.from,
        to: step.to,
        fields: p.event.fields,
        contractId: p.contractId,
        rank: i,
      });
      counts.event.created++;
      planned.events.set(p.row.externalId, events.at(-1)!.id);
    });
    if (stop) {
      failed.events.add(stop.externalId);
      for (const row of fresh.slice(fresh.indexOf(stop) + 1)) {
        failed.events.add(row.externalId);
        counts.event.skipped++;
        skipped.push({
          file: row.sheet,
          line: row.line,
          message: `Ligne ignorée : elle suit l’événement de la ligne ${stop.line} (${stop.sheet}), en erreur, dans le parcours de la personne « ${row.personRef} ».`,
        });
      }
    }
    if (accepted > 0) {
      if (person) {
        person.state = replay.state;
        person.appended = !isNew;
        person.version = version;
      } else {
        persons.push({
          row: null,
          id: personId,
          action: 'unchanged',
          coachId: null,
          partnerId: null,
          state: replay.state,
          appended: true,
          version,
        });
      }
    }
  }
  for (const p of persons) if (p.row) count('person', p.action);

  // ---- contacts ----
  const personContacts: Plan['personContacts'] = [];
  for (const row of rows.person_contacts) {
    const personId = reference(row, 'person_external_id', 'persons', row.personRef);
    if (personId === 'skip') {
      counts.person_contact.skipped++;
      continue;
    }
    if (compareDates(row.values.date, ctx.today) > 0) {
      fail(row, 'date', 'la date ne peut pas être dans le futur.');
      continue;
    }
    if (personId === null) continue;
    const { id, action: a } = action('person_contact', row);
    personContacts.push({ row, id, action: a, personId });
    count('person_contact', a);
  }
  const employerContacts: Plan['employerContacts'] = [];
  for (const row of rows.employer_contacts) {
    const employerId = reference(row, 'employer_external_id', 'employers', row.employerRef);
    const personId = row.personRef ? reference(row, 'person_external_id', 'persons', row.personRef) : null;
    if (employerId === 'skip' || personId === 'skip') {
      counts.employer_contact.skipped++;
      continue;
    }
    if (compareDates(row.values.date, ctx.today) > 0) {
      fail(row, 'date', 'la date ne peut pas être dans le futur.');
      continue;
    }
    if (employerId === null || (row.personRef && personId === null)) continue;
    const { id, action: a } = action('employer_contact', row);
    employerContacts.push({ row, id, action: a, employerId, personId });
    count('employer_contact', a);
  }

  // Error counts per kind of row, for the summary.
  const entityOfSheet = new Map<string, HistoryEntity>();
  for (const [file, sheet] of Object.entries(parsed.sheetNames)) {
    entityOfSheet.set(sheet, ENTITY_OF_FILE[file as HistoryFile]);
  }
  const lines = new Set<string>();
  for (const e of errors) {
    const entity = entityOfSheet.get(e.file);
    const key = `${e.file}:${e.line}`;
    if (entity && e.line > 0 && !lines.has(key)) {
      lines.add(key);
      counts[entity].errors++;
    }
  }
  const total = Object.values(parsed.counts).reduce((a, b) => a + (b ?? 0), 0);
  // Errors in the order of the files (employers, persons, contracts, events, contacts), then lines.
  const order = new Map(HISTORY_FILES.map((f, i) => [parsed.sheetNames[f] ?? f, i]));
  const rank = (file: string) => order.get(file) ?? -1;
  errors.sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line);
  skipped.sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line);
  return {
    errors,
    skipped,
    counts,
    total,
    partners,
    employers,
    persons,
    contracts,
    events,
    personContacts,
    employerContacts,
  };
}
