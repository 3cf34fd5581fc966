import { type Colleague, useStaff } from '../team/colleagues.ts';

/** Who may cover an absence: the organisation's active jobcoaches and coordinators. */
export function useCoverCandidates(): { colleagues: Colleague[]; complete: boolean; isPending: boolean } {
  const { staff, isPending } = useStaff();
  return { colleagues: staff ?? [], complete: staff !== null, isPending };
}
