import type { Presentation, PresentationBody, StepBody } from '@jobcoach/contract';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

// Presentations of a person to an employer for a vacancy, and their steps. A change touches the
// vacancy (candidates in progress, filled), the matching lists and, when hired, the person's phase.

export type PresentationFilter = { vacancyId: string } | { personId: string };

const key = (filter: PresentationFilter) => ['presentations', filter] as const;

export function usePresentations(filter: PresentationFilter) {
  const query = new URLSearchParams(filter).toString();
  return useQuery({
    queryKey: key(filter),
    queryFn: () => api.get<Presentation[]>(`/api/presentations?${query}`),
  });
}

function refresh(queryClient: QueryClient, presentation: Presentation) {
  queryClient.invalidateQueries({ queryKey: ['presentations'] });
  queryClient.invalidateQueries({ queryKey: ['matches'] });
  queryClient.invalidateQueries({ queryKey: ['vacancies'] });
  queryClient.invalidateQueries({ queryKey: ['employers', 'file'] });
  queryClient.invalidateQueries({ queryKey: ['persons', 'file', presentation.personId] });
  queryClient.invalidateQueries({ queryKey: ['persons', 'list'] });
  queryClient.invalidateQueries({ queryKey: ['my-day'] });
}

export function useCreatePresentation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PresentationBody) => api.post<Presentation>('/api/presentations', body),
    onSuccess: (presentation) => refresh(queryClient, presentation),
  });
}

export function useAddStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StepBody) =>
      api.post<Presentation>(`/api/presentations/${encodeURIComponent(id)}/steps`, body),
    onSuccess: (presentation) => refresh(queryClient, presentation),
    onError: () => queryClient.invalidateQueries({ queryKey: ['presentations'] }),
  });
}
