import type { Partner, PartnerBody, PartnerType } from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

/** The organisation's partners (prescribers and service providers, method.md §2). */
export const PARTNER_TYPES: readonly PartnerType[] = [
  'cpas',
  'forem',
  'oisp_cisp',
  'eft',
  'debt_mediation',
  'health',
  'childcare',
  'union',
  'school',
  'association',
  'other',
];

const partnersKey = ['partners'] as const;

export function usePartners() {
  return useQuery({ queryKey: partnersKey, queryFn: () => api.get<Partner[]>('/api/partners') });
}

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PartnerBody) => api.post<Partner>('/api/partners', body),
    onSuccess: (partner) => {
      queryClient.setQueryData<Partner[]>(partnersKey, (list) => [...(list ?? []), partner]);
      queryClient.invalidateQueries({ queryKey: partnersKey });
    },
  });
}
