import type { Me, SetupBody, SetupStatus } from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../api.ts';
import { setupStatusKey, startSession } from '../auth/session.ts';
import { rememberedMe } from '../offline/vault.ts';

export function useSetupStatus() {
  return useQuery({
    queryKey: setupStatusKey,
    queryFn: async () => {
      try {
        return await api.get<SetupStatus>('/api/setup/status', { anonymous: true });
      } catch (error) {
        // Without a network, a tab with a session is on an installation that is set up.
        if (error instanceof ApiError && error.status === 0 && rememberedMe())
          return { needed: false, basins: [] };
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    networkMode: 'always',
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
