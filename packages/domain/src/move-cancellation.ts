import { findTransition, PHASE_LABELS, type Phase, type TransitionId } from './trajectory.ts';

/** A move of the trajectory log, not cancelled, as the cancellation rule reads it. */
export interface LoggedMove {
  id: string;
  date: string;
  transitionId: TransitionId;
  from: Phase;
  to: Phase;
  /** Made by a contract (its signature, its first day, its end): corrected through the contract. */
  byContract: boolean;
  /** The contract that made it (fields.contractId), when one did. */
  contractId?: string | null;
  /** What the move wrote besides the phase (fields.contractStart: an employment period). */
  wroteEmploymentPeriod: boolean;
}

export type MoveCancellation =
  | { ok: true; phase: Phase; phaseSince: string; preHireEntry: string | null }
  | { ok: false; message: string };

/**
 * Cancelling the last move of a trajectory entered by mistake (a wrong exit, an entry into
 * pre-hire on the wrong file): only the latest move not cancelled, never one a contract made (the
 * contract is corrected instead), nor one that wrote or closed employment periods (they would
 * stay behind). The person goes back to the phase the move left, since the date of the move before
 * it (or the referral, for the first); a first entry into pre-hire cancelled takes the clock's
 * start with it.
 */
/** Why this move may not be cancelled, or null when it may (the rule of cancelLastMove). */
export function moveCancellationRefusal(moves: readonly LoggedMove[], moveId: string): string | null {
  const last = moves.at(-1);
  if (!last || last.id !== moveId) {
    return 'Seul le dernier changement de phase s’annule (annulez d’abord ceux qui le suivent).';
  }
  if (last.byContract) {
    return 'Ce changement de phase vient d’un contrat : corrigez ou annulez le contrat plutôt.';
  }
  if (last.wroteEmploymentPeriod || last.transitionId === 'return_to_pre_hire') {
    return 'Ce changement de phase a aussi modifié les périodes d’emploi : il ne s’annule pas ainsi. Enregistrez le changement qui rétablit la situation.';
  }
  return null;
}

export function cancelLastMove(
  moves: readonly LoggedMove[],
  moveId: string,
  person: { preHireEntry: string | null; referralReceivedOn: string },
): MoveCancellation {
  const refusal = moveCancellationRefusal(moves, moveId);
  if (refusal) return { ok: false, message: refusal };
  const last = moves.at(-1)!;
  const before = moves.slice(0, -1);
  const enteredBefore = before.some((m) => m.to === 'pre_hire');
  return {
    ok: true,
    phase: last.from,
    phaseSince: before.at(-1)?.date ?? person.referralReceivedOn,
    preHireEntry: enteredBefore ? person.preHireEntry : null,
  };
}

export type ContractCancellation =
  | { ok: true; moveIds: string[]; phase: Phase; phaseSince: string }
  | { ok: false; message: string };

const dayMonthYear = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Cancelling a whole contract entered by mistake takes with it the moves the contract made (its
 * signature's move to hiring, its first day's start of follow-up, its end's return to pre-hire),
 * provided they are still the latest moves not cancelled: a move recorded since depends on them
 * and is cancelled first (the message says which). The person goes back to the phase the
 * contract's first move left, since the date of the move before it (or the referral). A contract
 * that made no move leaves the trajectory as it is. No contract move enters pre-hire for the first
 * time, so the clock's start stays.
 */
export function cancelContractMoves(
  moves: readonly LoggedMove[],
  contractId: string,
  person: { phase: Phase; phaseSince: string; referralReceivedOn: string },
): ContractCancellation {
  const first = moves.findIndex((m) => m.contractId === contractId);
  if (first < 0) return { ok: true, moveIds: [], phase: person.phase, phaseSince: person.phaseSince };
  const made = moves[first]!;
  const later = moves.slice(first).find((m) => m.contractId !== contractId);
  if (later) {
    const label = findTransition(later.transitionId)?.label ?? later.transitionId;
    const what = `le changement « ${label} » du ${dayMonthYear(later.date)} (vers « ${PHASE_LABELS[later.to]} »)`;
    const how = later.contractId
      ? 'il vient d’un autre contrat : annulez d’abord ce contrat-là'
      : 'annulez-le d’abord (« Annuler ce changement » sur la chronologie)';
    return {
      ok: false,
      message: `Ce contrat a fait passer la personne en phase « ${PHASE_LABELS[made.to]} » le ${dayMonthYear(made.date)}, et ${what} a été enregistré depuis : ${how}, puis annulez le contrat.`,
    };
  }
  return {
    ok: true,
    moveIds: moves.slice(first).map((m) => m.id),
    phase: made.from,
    phaseSince: moves[first - 1]?.date ?? person.referralReceivedOn,
  };
}
