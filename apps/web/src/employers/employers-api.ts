import type {
  EmployerBody,
  EmployerContactBody,
  EmployerFile,
  EmployerLookup,
  EmployerPatchBody,
  EmployerPerson,
  EmployerSummary,
} from '@jobcoach/contract';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

// The basin's employer registry: the list, the BCE lookup, one file and its changes. Each change
// answers the whole file, which replaces the cached one; lists are read again.

export type EmployerFilters = { q: string; status: string };

export const employersKey = ['employers'] as const;
export const employerKey = (id: string) => ['employers', 'file', id] as const;
export const employerPath = (id: string) => `/api/employers/${encodeURIComponent(id)}`;

export function useEmployers(filters: EmployerFilters, limit = 100) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value.trim()) query.set(name, value.trim());
  query.set('limit', String(limit));
  const search = query.toString();
  return useQuery({
    queryKey: [...employersKey, 'list', search],
    queryFn: () => api.get<EmployerSummary[]>(`/api/employers?${search}`),
    placeholderData: (previous) => previous,
  });
}

/** The employer of the basin with this BCE number, if any (asked when the field is left). */
export function lookupEmployer(queryClient: QueryClient, bce: string) {
  return queryClient.fetchQuery({
    queryKey: [...employersKey, 'lookup', bce],
    queryFn: () => api.get<EmployerLookup>(`/api/employers/lookup?bce=${encodeURIComponent(bce)}`),
    staleTime: 30_000,
  });
}

export function useEmployer(id: string) {
  return useQuery({ queryKey: employerKey(id), queryFn: () => api.get<EmployerFile>(employerPath(id)) });
}

export function storeEmployer(queryClient: QueryClient, file: EmployerFile) {
  queryClient.setQueryData(employerKey(file.id), file);
  queryClient.invalidateQueries({ queryKey: [...employersKey, 'list'] });
  queryClient.invalidateQueries({ queryKey: [...employersKey, 'lookup'] });
}

function useEmployerMutation<V>(call: (variables: V) => Promise<EmployerFile>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: (file) => storeEmployer(queryClient, file) });
}

export function useCreateEmployer() {
  return useEmployerMutation((body: EmployerBody) => api.post<EmployerFile>('/api/employers', body));
}

export function useUpdateEmployer(id: string) {
  return useEmployerMutation((changes: EmployerPatchBody) =>
    api.patch<EmployerFile>(employerPath(id), changes),
  );
}

export function useLogEmployerContact(id: string) {
  return useEmployerMutation((body: EmployerContactBody) =>
    api.post<EmployerFile>(`${employerPath(id)}/contacts`, body),
  );
}

/** « Vos personnes chez cet employeur »: the organisation's persons with a contract running there. */
export function useEmployerPersons(id: string) {
  return useQuery({
    queryKey: [...employerKey(id), 'persons'],
    queryFn: () => api.get<EmployerPerson[]>(`${employerPath(id)}/persons`),
  });
}
