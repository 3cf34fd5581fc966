import type {
  BasinDecisionBody,
  BasinOffer,
  BasinRequestBody,
  IncomingBasinRequest,
  PersonMatch,
  VacancyMatch,
} from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

// Ranked by the server with the domain's matching rules; nothing is scored here.

const search = (compatibleOnly: boolean) => (compatibleOnly ? '?compatibleOnly=true' : '');

/** The organisation's persons in pre-hire, for one vacancy. */
export function useVacancyMatches(vacancyId: string, compatibleOnly: boolean) {
  return useQuery({
    queryKey: ['matches', 'vacancy', vacancyId, compatibleOnly],
    queryFn: () =>
      api.get<PersonMatch[]>(
        `/api/vacancies/${encodeURIComponent(vacancyId)}/matches${search(compatibleOnly)}`,
      ),
    placeholderData: (previous) => previous,
  });
}

/** The open vacancies, for one person. */
export function usePersonMatches(personId: string, compatibleOnly: boolean) {
  return useQuery({
    queryKey: ['matches', 'person', personId, compatibleOnly],
    queryFn: () =>
      api.get<VacancyMatch[]>(
        `/api/persons/${encodeURIComponent(personId)}/matches${search(compatibleOnly)}`,
      ),
    placeholderData: (previous) => previous,
  });
}

/** The open vacancies of the other organisations of the basin, for one person. */
export function useBasinOffers(personId: string) {
  return useQuery({
    queryKey: ['matches', 'basin', personId],
    queryFn: () => api.get<BasinOffer[]>(`/api/persons/${encodeURIComponent(personId)}/basin-offers`),
  });
}

export function useAskBasinPresentation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BasinRequestBody) => api.post<unknown>('/api/basin-requests', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['matches', 'basin'] }),
  });
}

/** Requests of other organisations of the basin for one of our vacancies. */
export function useIncomingBasinRequests(vacancyId: string) {
  return useQuery({
    queryKey: ['basin-requests', vacancyId],
    queryFn: () =>
      api.get<IncomingBasinRequest[]>(`/api/vacancies/${encodeURIComponent(vacancyId)}/basin-requests`),
  });
}

export function useDecideBasinRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: BasinDecisionBody & { id: string }) =>
      api.post<IncomingBasinRequest>(`/api/basin-requests/${encodeURIComponent(id)}/decision`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['basin-requests'] }),
  });
}
