import type { Basin } from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

export const basinsKey = ['basins'] as const;

export function useBasins() {
  return useQuery({ queryKey: basinsKey, queryFn: () => api.get<Basin[]>('/api/basins') });
}

export function useCreateBasin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<Basin>('/api/basins', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: basinsKey }),
  });
}

export function useUpdateBasin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: { id: string; name?: string; active?: boolean }) =>
      api.patch<Basin>(`/api/basins/${encodeURIComponent(id)}`, changes),
    onSettled: () => {
      queryClient.invalidateQueries({ queryKey: basinsKey });
      // Organisations carry their basin's name.
      queryClient.invalidateQueries({ queryKey: ['organisations'], exact: true });
    },
  });
}
