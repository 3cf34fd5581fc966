import type { VacancyBody, VacancyFile, VacancyPatchBody, VacancySummary } from '@jobcoach/contract';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

// The organisation's portfolio of vacancies. A change answers the whole file; lists, the
// employer's file (its vacancies) and the matching lists are read again.

export type VacancyFilters = { q: string; status: string; employerId: string };

export const vacanciesKey = ['vacancies'] as const;
export const vacancyKey = (id: string) => ['vacancies', 'file', id] as const;
const vacancyPath = (id: string) => `/api/vacancies/${encodeURIComponent(id)}`;

export function useVacancies(filters: VacancyFilters, limit = 200) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value.trim()) query.set(name, value.trim());
  query.set('limit', String(limit));
  const search = query.toString();
  return useQuery({
    queryKey: [...vacanciesKey, 'list', search],
    queryFn: () => api.get<VacancySummary[]>(`/api/vacancies?${search}`),
    placeholderData: (previous) => previous,
  });
}

export function useVacancy(id: string) {
  return useQuery({ queryKey: vacancyKey(id), queryFn: () => api.get<VacancyFile>(vacancyPath(id)) });
}

export function storeVacancy(queryClient: QueryClient, file: VacancyFile) {
  queryClient.setQueryData(vacancyKey(file.id), file);
  queryClient.invalidateQueries({ queryKey: [...vacanciesKey, 'list'] });
  queryClient.invalidateQueries({ queryKey: ['employers', 'file', file.employerId] });
  queryClient.invalidateQueries({ queryKey: ['matches'] });
}

function useVacancyMutation<V>(call: (variables: V) => Promise<VacancyFile>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: (file) => storeVacancy(queryClient, file) });
}

export function useCreateVacancy() {
  return useVacancyMutation((body: VacancyBody) => api.post<VacancyFile>('/api/vacancies', body));
}

export function useUpdateVacancy(id: string) {
  return useVacancyMutation((changes: VacancyPatchBody) => api.patch<VacancyFile>(vacancyPath(id), changes));
}
