import type { SetupChecklist, SetupDismissalBody, TeamOverview } from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

const checklistKey = ['team', 'checklist'] as const;

/** The team at a glance: per coach, the counts of their « Ma journée » (coordinators). */
export function useTeamOverview() {
  return useQuery({
    queryKey: ['team', 'overview'],
    queryFn: () => api.get<TeamOverview>('/api/team/overview'),
  });
}

/** The setup checklist: team, settings, partners, history import. */
export function useSetupChecklist() {
  return useQuery({ queryKey: checklistKey, queryFn: () => api.get<SetupChecklist>('/api/team/checklist') });
}

export function useDismissSetupItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupDismissalBody) =>
      api.post<SetupChecklist>('/api/team/checklist/dismissals', body),
    onSuccess: (checklist) => queryClient.setQueryData(checklistKey, checklist),
  });
}

/** After a partner was added from the checklist, its item is read again. */
export function useRefreshChecklist() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: checklistKey });
}
