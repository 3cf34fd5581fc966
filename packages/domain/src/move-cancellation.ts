import type { Phase, TransitionId } from './trajectory.ts';

/** A move of the trajectory log, not cancelled, as the cancellation rule reads it. */
export interface LoggedMove {
  id: string;
  date: string;
  transitionId: TransitionId;
  from: Phase;
  to: Phase;
  /** Made by a contract (its signature, its first day, its end): corrected through the contract. */
  byContract: boolean;
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
    return 'Ce changement de phase vient d’un contrat : corrigez ou supprimez le contrat plutôt.';
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
