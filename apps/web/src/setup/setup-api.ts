import type { Me, SetupBody, SetupStatus } from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import { setupStatusKey, startSession } from '../auth/session.ts';

export function useSetupStatus() {
  return useQuery({
    queryKey: setupStatusKey,
    queryFn: () => api.get<SetupStatus>('/api/setup/status', { anonymous: true }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupBody) => api.post<Me>('/api/setup', body, { anonymous: true }),
    onSuccess: (me) => {
      startSession(queryClient, me);
      queryClient.setQueryData<SetupStatus>(setupStatusKey, { needed: false, basins: [] });
    },
  });
}
