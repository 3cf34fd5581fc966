import type { Phase, PhaseChange } from '@jobcoach/domain';
import {
  type KnownTrajectory,
  refuseContractsOutsideTrajectories,
  skipContinuationsOfDropped,
} from './contracts.ts';
import {
  acceptPersonEvents,
  type EventSources,
  eventsByPerson,
  loadContractFacts,
  loadStoredPersons,
  type PersonEvents,
  replayPersonEvents,
  type StoredPerson,
} from './events.ts';
import { findInChunks, type Planner } from './planner.ts';
import type { PlannedContract, PlannedEvent, PlannedPerson } from './types.ts';

/**
 * The events and the contracts, checked together against each person's trajectory: the events
 * replay from the stored phase (events.ts), and each contract is checked against the phase the
 * person was in on its signing date, read from the stored trajectory log and the events replayed
 * (contracts.ts). The two depend on each other: a contract left out leaves out the events that
 * name it and the person's later events, which may change the trajectory another contract is
 * checked against. So the replay is drafted again until no further contract is left out, and
 * only then added to the plan.
 */

/** The stored trajectory log of persons already in the database: their moves, in the log's order. */
async function loadStoredMoves(
  p: Planner,
  stored: Map<string, StoredPerson>,
): Promise<Map<string, PhaseChange[]>> {
  const rows = await findInChunks([...stored.keys()], (list) =>
    p.db
      .selectFrom('trajectory_event')
      .select(['person_id', 'date', 'to_phase'])
      .where('organisation_id', '=', p.ctx.organisationId)
      .where('person_id', 'in', list)
      .where('cancelled_at', 'is', null)
      .orderBy('at')
      .orderBy('id')
      .execute(),
  );
  const moves = new Map<string, PhaseChange[]>();
  for (const r of rows) {
    moves.set(r.person_id, [...(moves.get(r.person_id) ?? []), { date: r.date, to: r.to_phase as Phase }]);
  }
  // A log that does not end in the person's recorded phase ends there all the same.
  for (const [id, person] of stored) {
    const list = moves.get(id) ?? [];
    if ((list.at(-1)?.to ?? 'intake') !== person.phase) list.push({ date: person.since, to: person.phase });
    moves.set(id, list);
  }
  return moves;
}

export async function planTrajectories(
  p: Planner,
  persons: PlannedPerson[],
  contracts: PlannedContract[],
): Promise<{ events: PlannedEvent[]; contracts: PlannedContract[] }> {
  const personPlan = new Map(persons.map((x) => [x.id, x]));
  const byPerson = eventsByPerson(p);
  const existing = [...new Set([...byPerson.keys(), ...contracts.map((c) => c.personId)])].filter(
    (id) => personPlan.get(id)?.action !== 'create',
  );
  const stored = await loadStoredPersons(p, existing);
  const storedMoves = await loadStoredMoves(p, stored);
  const sources: EventSources = { stored, contractFacts: await loadContractFacts(p, contracts) };

  /** Each person's events as last replayed, not yet in the plan. */
  const drafts = new Map<string, PersonEvents>();
  /** A contract's person's trajectory: stored moves (not for a new person), then the replayed ones. */
  const trajectoryOf = (c: PlannedContract): KnownTrajectory => {
    const draft = drafts.get(c.personId);
    const isNew = personPlan.get(c.personId)?.action === 'create';
    const moves = [...((!isNew && storedMoves.get(c.personId)) || []), ...(draft?.moves ?? [])];
    const broken = p.parsed.brokenTrajectories.get(c.row.personRef);
    if (broken) return { moves, unknownFrom: { ...broken, date: null } };
    const stop = draft?.stop;
    return { moves, unknownFrom: stop ? { sheet: stop.sheet, line: stop.line, date: stop.date } : null };
  };

  let kept = contracts;
  /** The persons to replay (again): at first all, then those whose events name a contract left out. */
  let replay = [...byPerson.keys()];
  for (;;) {
    for (const id of replay)
      drafts.set(id, replayPersonEvents(p, sources, personPlan.get(id), id, byPerson.get(id)!));
    const refused = refuseContractsOutsideTrajectories(p, kept, trajectoryOf);
    if (refused.size === 0) break;
    const remaining = new Set(
      skipContinuationsOfDropped(
        p,
        kept.filter((c) => !refused.has(c)),
      ),
    );
    const dropped = new Set(kept.filter((c) => !remaining.has(c)).map((c) => c.row.externalId));
    kept = kept.filter((c) => remaining.has(c));
    replay = [...byPerson]
      .filter(([, rows]) => rows.some((r) => r.contractRef !== null && dropped.has(r.contractRef)))
      .map(([id]) => id);
  }
  const events: PlannedEvent[] = [];
  for (const draft of drafts.values()) acceptPersonEvents(p, draft, persons, personPlan, events);
  return { events, contracts: kept };
}
