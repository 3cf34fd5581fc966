import type { OrganisationSettings } from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

const settingsKey = (organisationId: string) => ['organisations', organisationId, 'settings'] as const;
const settingsPath = (organisationId: string) =>
  `/api/organisations/${encodeURIComponent(organisationId)}/settings`;

export function useSettings(organisationId: string) {
  return useQuery({
    queryKey: settingsKey(organisationId),
    queryFn: () => api.get<OrganisationSettings>(settingsPath(organisationId)),
  });
}

export function useSaveSettings(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationSettings) =>
      api.put<OrganisationSettings>(settingsPath(organisationId), body),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKey(organisationId), saved);
      queryClient.invalidateQueries({ queryKey: ['my-day'] });
    },
  });
}
