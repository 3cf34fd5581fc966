import type { Organisation } from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import type { organisationBody } from './organisation-form.ts';

export const organisationsKey = ['organisations'] as const;

/** Admins get every organisation, the others their own. */
export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: organisationsKey,
    queryFn: () => api.get<Organisation[]>('/api/organisations'),
    enabled,
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReturnType<typeof organisationBody>) =>
      api.post<Organisation>('/api/organisations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationsKey, exact: true }),
  });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: Record<string, unknown> & { version: number } }) =>
      api.patch<Organisation>(`/api/organisations/${encodeURIComponent(id)}`, changes),
    onSettled: () => queryClient.invalidateQueries({ queryKey: organisationsKey, exact: true }),
  });
}
