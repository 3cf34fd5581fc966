import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import type { Partner, PartnerType } from '../api-types.ts';

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

export type NewPartner = { name: string; type: PartnerType; contact?: string | null };

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPartner) => api.post<Partner>('/api/partners', body),
    onSuccess: (partner) => {
      queryClient.setQueryData<Partner[]>(partnersKey, (list) => [...(list ?? []), partner]);
      queryClient.invalidateQueries({ queryKey: partnersKey });
    },
  });
}
