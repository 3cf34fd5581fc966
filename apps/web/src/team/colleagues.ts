import type { Role } from '../api-types.ts';
import { isCoordinator } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { useMembers } from './team-api.ts';

export type Colleague = { id: string; name: string; role: Role | null; fte: number | null };

/**
 * The active jobcoaches and coordinators of the current organisation, for coordinators (who may
 * list members). `null` for anyone else: GET …/users answers 403 to a jobcoach.
 */
export function useStaff(): { staff: Colleague[] | null; isPending: boolean; error: unknown } {
  const me = useSession();
  const coordinator = isCoordinator(me);
  const organisationId = me.currentOrganisationId ?? '';
  const members = useMembers(organisationId, coordinator);
  if (!coordinator) return { staff: null, isPending: false, error: null };
  const staff = (members.data ?? [])
    .filter((m) => m.active && (m.role === 'jobcoach' || m.role === 'coordinator'))
    .map((m) => ({ id: m.userId, name: m.name, role: m.role, fte: m.fte }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return { staff, isPending: members.isPending, error: members.error };
}
