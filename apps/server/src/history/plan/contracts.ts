import { validateContract } from '@jobcoach/domain';
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
