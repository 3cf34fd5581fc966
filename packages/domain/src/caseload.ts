/**
 * Caseload (method.md §2): one full-time jobcoach is financed for 20 persons coached simultaneously.
 * The figure is a per-coach setting scaled by the coach's FTE. Going over is a visible warning,
 * never a block. Active persons are those in an active phase (see ACTIVE_PHASES).
 */
export const DEFAULT_PERSONS_PER_FTE = 20;

export interface CaseloadStatus {
  /** personsPerFte × fte, rounded to two decimals (0.5 FTE → 10). */
  capacity: number;
  activeCount: number;
  /** True when more persons are active than the capacity allows. */
  over: boolean;
  /** activeCount / capacity (1 = full); null when the capacity is 0. */
  ratio: number | null;
}

export function caseloadStatus(
  activeCount: number,
  fte: number,
  personsPerFte: number = DEFAULT_PERSONS_PER_FTE,
): CaseloadStatus {
  if (!Number.isInteger(activeCount) || activeCount < 0)
    throw new RangeError(`Invalid active count: ${activeCount}`);
  if (!Number.isFinite(fte) || fte < 0) throw new RangeError(`Invalid FTE: ${fte}`);
  if (!Number.isFinite(personsPerFte) || personsPerFte < 0) {
    throw new RangeError(`Invalid persons per FTE: ${personsPerFte}`);
  }
  const capacity = Math.round(personsPerFte * fte * 100) / 100;
  return {
    capacity,
    activeCount,
    over: activeCount > capacity,
    ratio: capacity === 0 ? null : activeCount / capacity,
  };
}
