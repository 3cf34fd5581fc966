import type { Colleagues, Role } from '@jobcoach/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { useSession } from '../auth/session.ts';

export type Colleague = { id: string; name: string; role: Role };

/**
 * The active jobcoaches and coordinators of the current organisation (names and roles only, from
 * GET …/colleagues, readable by coordinators and jobcoaches), to choose a coach or a cover.
 */
export function useStaff(): { staff: Colleague[] | null; isPending: boolean; error: unknown } {
  const me = useSession();
  const organisationId = me.currentOrganisationId ?? '';
  const query = useQuery({
    queryKey: ['colleagues', organisationId],
    queryFn: () => api.get<Colleagues>(`/api/organisations/${organisationId}/colleagues`),
    enabled: organisationId !== '',
  });
  const staff = (query.data ?? [])
    .filter((m) => m.role === 'jobcoach' || m.role === 'coordinator')
    .map((m) => ({ id: m.userId, name: m.name, role: m.role }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return { staff: query.data ? staff : null, isPending: query.isPending, error: query.error };
}
