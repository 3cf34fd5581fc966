import type { Absence } from '../api-types.ts';
import { useSession } from '../auth/session.ts';
import { usePersons } from '../people/people-api.ts';
import { type Colleague, useStaff } from '../team/colleagues.ts';
import { useAbsences } from './absences-api.ts';

/**
 * Who may cover an absence. Coordinators read the members list. A jobcoach may not (GET …/users
 * answers 403, and the contract has no colleague directory yet): the colleagues the jobcoach can
 * know of are the coaches named on the organisation's persons and on the recorded absences.
 */
export function useCoverCandidates(): { colleagues: Colleague[]; complete: boolean; isPending: boolean } {
  const me = useSession();
  const { staff, isPending } = useStaff();
  const derived = useDerivedColleagues(staff === null);
  if (staff !== null) return { colleagues: staff, complete: true, isPending };
  return {
    colleagues: derived.colleagues.filter((c) => c.id !== me.user.id),
    complete: false,
    isPending: derived.isPending,
  };
}

function useDerivedColleagues(enabled: boolean) {
  const persons = usePersons({ q: '', phase: '', decision: '' });
  const absences = useAbsences(enabled);
  const found = new Map<string, string>();
  for (const p of persons.data ?? []) if (p.coachId && p.coachName) found.set(p.coachId, p.coachName);
  for (const a of (absences.data ?? []) as Absence[]) {
    found.set(a.coachId, a.coachName);
    found.set(a.coverCoachId, a.coverCoachName);
  }
  const colleagues: Colleague[] = [...found]
    .map(([id, name]) => ({ id, name, role: null, fte: null }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return { colleagues, isPending: persons.isPending || absences.isPending };
}
