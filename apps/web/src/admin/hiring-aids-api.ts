import type { HiringAidRuleAnswer, HiringAidRuleBody, HiringAidRulePatchBody } from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

export const hiringAidRulesKey = ['hiring-aids', 'rules'] as const;

export function useHiringAidRules() {
  return useQuery({
    queryKey: hiringAidRulesKey,
    queryFn: () => api.get<HiringAidRuleAnswer[]>('/api/hiring-aids/rules'),
  });
}

export function useSaveHiringAidRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      change: { id: string; body: HiringAidRulePatchBody } | { id: null; body: HiringAidRuleBody },
    ) =>
      change.id === null
        ? api.post<HiringAidRuleAnswer>('/api/hiring-aids/rules', change.body)
        : api.patch<HiringAidRuleAnswer>(
            `/api/hiring-aids/rules/${encodeURIComponent(change.id)}`,
            change.body,
          ),
    onSettled: () => {
      queryClient.invalidateQueries({ queryKey: hiringAidRulesKey });
      // Aids are shown beside matches and on presentations.
      queryClient.invalidateQueries({ queryKey: ['matches'] });
      queryClient.invalidateQueries({ queryKey: ['presentations'] });
    },
  });
}
