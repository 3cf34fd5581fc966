import { randomUUID } from 'node:crypto';
import {
  compareDates,
  employmentKindOf,
  type HistoryEvent,
  intakeState,
  isEmploymentContract,
  type Phase,
  type PhaseChange,
  replayedMoves,
  replayTrajectory,
  type TrajectoryState,
} from '@jobcoach/domain';
import { readExitReason, readReturnReason } from '../format.ts';
import type { ContractRow, EventRow } from '../rows.ts';
import { emptyFindings, type Findings, findInChunks, type Planner } from './planner.ts';
import type { PlannedContract, PlannedEvent, PlannedPerson } from './types.ts';

/**
 * Trajectory events, replayed per person through the method's transitions (domain replay.ts) from
 * the phase the person is in: intake on the referral date for a new person, the stored phase for a
 * person of an earlier import. An event in error stops the person's replay: the later ones are
 * skipped. Each person's outcome is drafted apart (`PersonEvents`) and added to the plan by
 * `acceptPersonEvents` once the contracts it names are known to stay (trajectories.ts).
 */

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

/** A person of an earlier import (or entered in the application) as stored. */
export interface StoredPerson {
  phase: Phase;
  since: string;
  preHireEntry: string | null;
  trust: string | null;
  version: number;
  referral: string;
}

/** What the events need to know of a contract they name. */
export interface ContractFacts {
  personId: string;
  employerId: string;
  type: ContractRow['values']['type'];
  start: string;
  plannedEnd: string | null;
}

/** Everything read once for the events: the stored persons and the contracts of earlier imports. */
export interface EventSources {
  stored: Map<string, StoredPerson>;
  contractFacts: (id: string) => ContractFacts | null;
}

/** A person's events after the replay, not yet part of the plan. */
export interface PersonEvents {
  personId: string;
  findings: Findings;
  /** Events already imported with the same content. */
  unchanged: number;
  /** Events skipped because an earlier one of the person is in error. */
  skipped: number;
  /** External ids of the events not imported (errors and skips). */
  failedIds: string[];
  events: PlannedEvent[];
  /** The trajectory after the accepted events; null when the file adds no event to the person. */
  state: TrajectoryState | null;
  /** The stored version of an existing person. */
  version: number | null;
  isNew: boolean;
  /** The moves the accepted events make, dated (the trajectory's part this import adds). */
  moves: PhaseChange[];
  /** The event that stopped the replay (in error, or naming a row left out). */
  stop: EventRow | null;
}

/**
 * The events' rows per person, in the file's order. Rows of a person with an unreadable event, or
 * whose person is unknown or left out, go no further.
 */
export function eventsByPerson(p: Planner): Map<string, EventRow[]> {
  const byPerson = new Map<string, EventRow[]>();
  for (const row of p.rows.events) {
    const broken = p.parsed.brokenTrajectories.get(row.personRef);
    if (broken) {
      p.counts.event.skipped++;
      p.failed.events.add(row.externalId);
      p.skip(
        row,
        `un autre événement de la personne « ${row.personRef} » (ligne ${broken.line}) est en erreur, son parcours ne peut pas être vérifié.`,
      );
      continue;
    }
    const personId = p.reference(row, 'person_external_id', 'persons', row.personRef);
    if (personId === 'skip') p.counts.event.skipped++;
    if (personId === 'skip' || personId === null) {
      p.failed.events.add(row.externalId);
      continue;
    }
    byPerson.set(personId, [...(byPerson.get(personId) ?? []), row]);
  }
  return byPerson;
}

/** The stored state of persons already in the database. */
export async function loadStoredPersons(p: Planner, ids: string[]): Promise<Map<string, StoredPerson>> {
  const rows = await findInChunks(ids, (list) =>
    p.db
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
      .where('organisation_id', '=', p.ctx.organisationId)
      .where('id', 'in', list)
      .execute(),
  );
  return new Map(
    rows.map((f) => [
      f.id,
      {
        phase: f.phase as Phase,
        since: f.phase_since,
        preHireEntry: f.pre_hire_entry,
        trust: f.trust_contract_signed_on,
        version: f.version,
        referral: f.referral_received_on,
      },
    ]),
  );
}

/**
 * The facts of the contracts the events name: a contract planned by this import, else one of an
 * earlier import (read from the database).
 */
export async function loadContractFacts(p: Planner, contracts: readonly PlannedContract[]) {
  const refs = [
    ...new Set(
      p.rows.events.flatMap((e) =>
        e.contractRef && !p.planned.contracts.has(e.contractRef) ? [e.contractRef] : [],
      ),
    ),
  ].flatMap((ref) => {
    const k = p.keys.contract.get(ref);
    return k ? [k.entityId] : [];
  });
  const rows = await findInChunks(refs, (list) =>
    p.db
      .selectFrom('contract')
      .select(['id', 'person_id', 'employer_id', 'type', 'start_on', 'planned_end_on'])
      .where('organisation_id', '=', p.ctx.organisationId)
      .where('id', 'in', list)
      .execute(),
  );
  const stored = new Map<string, ContractFacts>(
    rows.map((f) => [
      f.id,
      {
        personId: f.person_id,
        employerId: f.employer_id,
        type: f.type as ContractFacts['type'],
        start: f.start_on,
        plannedEnd: f.planned_end_on,
      },
    ]),
  );
  const planned = new Map(contracts.map((c) => [c.id, c]));
  return (id: string): ContractFacts | null => {
    const c = planned.get(id);
    if (c) {
      return {
        personId: c.personId,
        employerId: c.employerId,
        type: c.row.values.type,
        start: c.row.values.start_on,
        plannedEnd: c.row.values.planned_end_on,
      };
    }
    return stored.get(id) ?? null;
  };
}

/**
 * An event's fields as the live transition takes them, from its row and the rows it names; null
 * when a reference or a cell is wrong (recorded in `into`).
 */
function prepareEvent(
  p: Planner,
  sources: EventSources,
  personId: string,
  row: EventRow,
  into: Findings,
): { event: HistoryEvent; contractId: string | null } | null {
  const fields: Record<string, unknown> = { date: row.date };
  let contractId: string | null = null;
  let bad = false;
  if (row.contractRef) {
    const ref = p.reference(row, 'contract_external_id', 'contracts', row.contractRef, into);
    if (ref === 'skip' || ref === null) bad = true;
    else {
      const facts = sources.contractFacts(ref);
      if (!facts || facts.personId !== personId) {
        p.fail(
          row,
          'contract_external_id',
          `le contrat « ${row.contractRef} » est celui d’une autre personne.`,
          into,
        );
        bad = true;
      } else {
        contractId = ref;
        if (row.transitionId === 'start_hiring') fields.employerId = facts.employerId;
        if (row.transitionId === 'start_follow_up') {
          if (!isEmploymentContract(facts.type)) {
            p.fail(
              row,
              'contract_external_id',
              'une immersion ou un stage n’ouvre pas de suivi en entreprise.',
              into,
            );
            bad = true;
          }
          fields.contractKind = employmentKindOf({ type: facts.type, plannedEnd: facts.plannedEnd });
          fields.contractStart = facts.start;
          if (facts.plannedEnd) fields.contractEnd = facts.plannedEnd;
        }
      }
    }
  }
  if (row.employerRef) {
    const ref = p.reference(row, 'employer_external_id', 'employers', row.employerRef, into);
    if (ref === 'skip' || ref === null) bad = true;
    else fields.employerId = ref;
  }
  if (row.transitionId === 'enter_pre_hire') {
    fields.trustContractSignedOn = row.trustContractSignedOn ?? row.date;
    if (compareDates(String(fields.trustContractSignedOn), p.ctx.today) > 0) {
      p.fail(row, 'trust_contract_signed_on', 'la date ne peut pas être dans le futur.', into);
      bad = true;
    }
  }
  if (row.transitionId === 'start_follow_up' && !contractId) {
    fields.contractKind = row.contractKind ?? undefined;
    fields.contractStart = row.contractStart ?? row.date;
    if (row.contractEnd) fields.contractEnd = row.contractEnd;
  }
  if ((row.transitionId === 'return_to_pre_hire' || row.transitionId === 'exit') && row.reason) {
    const r = row.transitionId === 'exit' ? readExitReason(row.reason) : readReturnReason(row.reason);
    if (r.ok) fields[row.transitionId === 'exit' ? 'exitReason' : 'returnReason'] = r.value;
    else {
      p.fail(row, 'reason', r.message, into);
      bad = true;
    }
  }
  if (row.detail) fields.reasonDetail = row.detail;
  return bad ? null : { event: { transitionId: row.transitionId, fields }, contractId };
}

/**
 * The person's events not imported yet, in date order (same day: file order). Those already
 * imported are unchanged; one imported with other values is an error (the log is append-only).
 */
function newEvents(p: Planner, result: PersonEvents, rows: readonly EventRow[]): EventRow[] {
  const sorted = [...rows].sort((a, b) => compareDates(a.date, b.date) || a.line - b.line);
  const fresh: EventRow[] = [];
  for (const row of sorted) {
    const key = result.isNew ? undefined : p.keys.event.get(row.externalId);
    if (!key) fresh.push(row);
    else if (key.hash === row.hash) result.unchanged++;
    else {
      p.fail(
        row,
        'event',
        'cet événement a déjà été importé avec d’autres valeurs ; le journal du parcours ne se modifie pas (ajoutez un nouvel événement, avec un autre identifiant).',
        result.findings,
      );
      result.failedIds.push(row.externalId);
    }
  }
  return fresh;
}

/** Where the replay starts: the stored phase of an existing person, else intake on the referral date. */
function startOf(
  sources: EventSources,
  person: PlannedPerson | undefined,
  result: PersonEvents,
): TrajectoryState | null {
  const stored = result.isNew ? undefined : sources.stored.get(result.personId);
  if (stored) {
    result.version = stored.version;
    return {
      phase: stored.phase,
      since: stored.since,
      preHireEntry: stored.preHireEntry,
      trustContractSignedOn: stored.trust,
    };
  }
  // A reference resolves to a planned or a stored person: a person without a row is stored.
  return person?.row ? intakeState(person.row.referralDate) : null;
}

/** The stop is not imported, and the person's events after it are skipped. */
function skipAfterStop(p: Planner, result: PersonEvents, fresh: readonly EventRow[]) {
  const stop = result.stop;
  if (!stop) return;
  result.failedIds.push(stop.externalId);
  for (const row of fresh.slice(fresh.indexOf(stop) + 1)) {
    result.failedIds.push(row.externalId);
    result.skipped++;
    p.skip(
      row,
      `elle suit l’événement de la ligne ${stop.line} (${stop.sheet}), en erreur, dans le parcours de la personne « ${row.personRef} ».`,
      result.findings,
    );
  }
}

/**
 * One person's events: the new ones are prepared (a wrong reference or cell stops the person)
 * and replayed from the person's phase; the first one refused stops the person too. Nothing is
 * added to the plan here.
 */
export function replayPersonEvents(
  p: Planner,
  sources: EventSources,
  person: PlannedPerson | undefined,
  personId: string,
  rows: readonly EventRow[],
): PersonEvents {
  const result: PersonEvents = {
    personId,
    findings: emptyFindings(),
    unchanged: 0,
    skipped: 0,
    failedIds: [],
    events: [],
    state: null,
    version: null,
    isNew: person?.action === 'create',
    moves: [],
    stop: null,
  };
  const fresh = newEvents(p, result, rows);
  if (fresh.length === 0) return result;
  const start = startOf(sources, person, result);
  if (!start) return result;
  const prepared: { row: EventRow; event: HistoryEvent; contractId: string | null }[] = [];
  for (const row of fresh) {
    const ready = prepareEvent(p, sources, personId, row, result.findings);
    if (!ready) {
      result.stop = row;
      break;
    }
    prepared.push({ row, ...ready });
  }
  const replay = replayTrajectory(
    start,
    prepared.map((x) => x.event),
    p.ctx.today,
  );
  if (replay.failedAt !== null) {
    const step = replay.steps[replay.failedAt]!;
    const row = prepared[replay.failedAt]!.row;
    if (!step.ok) p.fail(row, EVENT_FIELD_COLUMNS[step.field] ?? 'event', step.message, result.findings);
    result.stop = row;
  }
  prepared.forEach((x, i) => {
    const step = replay.steps[i];
    if (!step?.ok) return;
    result.events.push({
      row: x.row,
      id: randomUUID(),
      personId,
      from: step.from,
      to: step.to,
      fields: x.event.fields,
      contractId: x.contractId,
      rank: i,
    });
  });
  skipAfterStop(p, result, fresh);
  result.moves = replayedMoves(replay);
  if (result.events.length > 0) result.state = replay.state;
  return result;
}

/**
 * Adds a person's replayed events to the plan: their errors and skips, the counts, the events,
 * and the person's new state (a person of an earlier import to which events are appended joins
 * the plan's persons).
 */
export function acceptPersonEvents(
  p: Planner,
  result: PersonEvents,
  persons: PlannedPerson[],
  personPlan: Map<string, PlannedPerson>,
  events: PlannedEvent[],
) {
  p.errors.push(...result.findings.errors);
  p.skipped.push(...result.findings.skipped);
  p.counts.event.unchanged += result.unchanged;
  p.counts.event.skipped += result.skipped;
  for (const id of result.failedIds) p.failed.events.add(id);
  for (const e of result.events) {
    events.push(e);
    p.counts.event.created++;
    p.planned.events.set(e.row.externalId, e.id);
  }
  if (!result.state) return;
  const person = personPlan.get(result.personId);
  if (person) {
    person.state = result.state;
    person.appended = !result.isNew;
    person.version = result.version;
  } else {
    persons.push({
      row: null,
      id: result.personId,
      action: 'unchanged',
      coachId: null,
      partnerId: null,
      state: result.state,
      appended: true,
      version: result.version,
    });
  }
}
