import { compareDates, signingInHistory, type TrajectoryHistory, validateContract } from '@jobcoach/domain';
import type { ContractRow } from '../rows.ts';
import type { Planner } from './planner.ts';
import type { PlannedContract } from './types.ts';

const CONTRACT_FIELD_COLUMNS: Record<string, string> = {
  signedOn: 'signed_on',
  plannedEnd: 'planned_end',
  actualEnd: 'actual_end',
  endReason: 'end_reason',
  hoursPerWeek: 'hours_per_week',
};

/** The contract's errors by the application's rule (validateContract), on the file's columns. */
function checkContractFields(p: Planner, row: ContractRow): number {
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
    p.ctx.today,
  );
  for (const problem of problems)
    p.fail(row, CONTRACT_FIELD_COLUMNS[problem.field] ?? 'line', problem.message);
  return problems.length;
}

/** Leaves a planned contract out: its external id no longer resolves, what refers to it is skipped. */
export function dropContract(p: Planner, row: ContractRow) {
  p.failed.contracts.add(row.externalId);
  p.planned.contracts.delete(row.externalId);
}

/**
 * Contracts: the person, the employer and the contract continued known, the application's rule
 * (validateContract), one continuation per contract. A contract may continue one further down the
 * file, so every readable row gets its id first.
 */
export function planContracts(p: Planner): PlannedContract[] {
  const contracts: PlannedContract[] = [];
  const continued = new Map<string, number>();
  const actions = new Map(p.rows.contracts.map((r) => [r.externalId, p.action('contract', r)]));
  for (const [ref, a] of actions) p.planned.contracts.set(ref, a.id);
  for (const row of p.rows.contracts) {
    const personId = p.reference(row, 'person_external_id', 'persons', row.personRef);
    const employerId = p.reference(row, 'employer_external_id', 'employers', row.employerRef);
    const convertedFromId = row.continuesRef
      ? p.reference(row, 'continues_contract_external_id', 'contracts', row.continuesRef)
      : null;
    let problems = checkContractFields(p, row);
    if (row.continuesRef && continued.has(row.continuesRef)) {
      p.fail(
        row,
        'continues_contract_external_id',
        `ce contrat est déjà continué par la ligne ${continued.get(row.continuesRef)}.`,
      );
      problems++;
    }
    if (row.continuesRef) continued.set(row.continuesRef, row.line);
    if (personId === 'skip' || employerId === 'skip' || convertedFromId === 'skip') {
      p.counts.contract.skipped++;
      dropContract(p, row);
      continue;
    }
    if (
      personId === null ||
      employerId === null ||
      (row.continuesRef && convertedFromId === null) ||
      problems > 0
    ) {
      dropContract(p, row);
      continue;
    }
    const { id, action } = actions.get(row.externalId)!;
    contracts.push({ row, id, action, personId, employerId, convertedFromId });
  }
  return skipContinuationsOfDropped(p, contracts);
}

/**
 * A contract continuing one that is left out (wherever it is in the file) is left out too, and so
 * on down the chain. Returns the contracts still planned.
 */
export function skipContinuationsOfDropped(p: Planner, contracts: PlannedContract[]): PlannedContract[] {
  let kept = contracts;
  for (let changed = true; changed; ) {
    changed = false;
    const next: PlannedContract[] = [];
    for (const c of kept) {
      if (c.row.continuesRef && p.failed.contracts.has(c.row.continuesRef)) {
        dropContract(p, c.row);
        p.counts.contract.skipped++;
        p.skip(c.row, `le contrat qu’elle continue (« ${c.row.continuesRef} ») n’est pas importé.`);
        changed = true;
      } else next.push(c);
    }
    kept = next;
  }
  return kept;
}

/** What the import knows of a person's trajectory when it checks their contracts. */
export interface KnownTrajectory {
  /** The stored moves, then those of this import's events that are accepted. */
  moves: TrajectoryHistory;
  /**
   * The event from which the trajectory is not known: one in error (or naming a row left out),
   * whose later events are skipped; `date` null when none of the person's events could be read.
   */
  unknownFrom: { sheet: string; line: number; date: string | null } | null;
}

/**
 * Contracts signed when the person could not take one: the rule the application applies when a
 * contract is signed (signingEffect: refused in intake and after the exit, with its message),
 * applied to the person's phase on the signing date (domain signingInHistory). A contract refused
 * so is an error on its signing date; where the phase is not known (from an event in error on),
 * it is skipped instead. Either way it is left out, with what depends on it. Returns the contracts
 * left out.
 */
export function refuseContractsOutsideTrajectories(
  p: Planner,
  contracts: readonly PlannedContract[],
  trajectoryOf: (c: PlannedContract) => KnownTrajectory,
): Set<PlannedContract> {
  const refused = new Set<PlannedContract>();
  for (const c of contracts) {
    const v = c.row.values;
    const trajectory = trajectoryOf(c);
    const check = signingInHistory(
      { type: v.type, signedOn: v.signed_on, start: v.start_on },
      trajectory.moves,
      p.ctx.today,
    );
    if (check.ok) continue;
    const unknown = trajectory.unknownFrom;
    if (unknown && (unknown.date === null || compareDates(v.signed_on, unknown.date) >= 0)) {
      p.counts.contract.skipped++;
      p.skip(
        c.row,
        `le parcours de la personne « ${c.row.personRef} » a un événement en erreur (ligne ${unknown.line}, ${unknown.sheet}) : sa phase à la date de signature ne peut pas être vérifiée.`,
      );
    } else {
      p.fail(c.row, 'signed_on', check.message);
    }
    dropContract(p, c.row);
    refused.add(c);
  }
  return refused;
}
