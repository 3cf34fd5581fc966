import type {
  AssessmentBody,
  CancellationBody,
  CancelMoveBody,
  ContactBody,
  ContactCorrectionBody,
  CorrectedEntry,
  CreatePersonBody,
  EmploymentPeriodBody,
  PatchPersonBody,
  PersonFile,
  PersonSummary,
  TransitionBody,
  TrustContractBody,
} from '@jobcoach/contract';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

// Persons: the list, one file, and every change made to a file. Each change answers the whole
// file, which replaces the cached one; lists and « Ma journée » are read again.

export type PersonFilters = { q: string; phase: string; decision: string; coachId?: string };

export const personsKey = ['persons'] as const;
export const personKey = (id: string) => ['persons', 'file', id] as const;
const personPath = (id: string) => `/api/persons/${encodeURIComponent(id)}`;

export function usePersons(filters: PersonFilters) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value.trim());
  const search = query.toString();
  return useQuery({
    queryKey: [...personsKey, 'list', search],
    queryFn: () => api.get<PersonSummary[]>(`/api/persons${search ? `?${search}` : ''}`),
    placeholderData: (previous) => previous,
  });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: personKey(id), queryFn: () => api.get<PersonFile>(personPath(id)) });
}

/** A fresh file from the server: cache it, and let lists and « Ma journée » read again. */
export function storePerson(queryClient: QueryClient, file: PersonFile) {
  queryClient.setQueryData(personKey(file.id), file);
  queryClient.invalidateQueries({ queryKey: [...personsKey, 'list'] });
  queryClient.invalidateQueries({ queryKey: ['my-day'] });
}

function usePersonMutation<V>(call: (variables: V) => Promise<PersonFile>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: (file) => storePerson(queryClient, file) });
}

export function useCreatePerson() {
  return usePersonMutation((body: CreatePersonBody) => api.post<PersonFile>('/api/persons', body));
}

export function useUpdatePerson(id: string) {
  return usePersonMutation((changes: PatchPersonBody) => api.patch<PersonFile>(personPath(id), changes));
}

export function useAssess(id: string) {
  return usePersonMutation((body: AssessmentBody) =>
    api.post<PersonFile>(`${personPath(id)}/assessments`, body),
  );
}

export function useSignTrustContract(id: string) {
  return usePersonMutation((signedOn: string) =>
    api.put<PersonFile>(`${personPath(id)}/trust-contract`, { signedOn } satisfies TrustContractBody),
  );
}

export function useTransition(id: string) {
  return usePersonMutation((body: TransitionBody) =>
    api.post<PersonFile>(`${personPath(id)}/transitions`, body),
  );
}

export function useLogContact(id: string) {
  return usePersonMutation((body: ContactBody) => api.post<PersonFile>(`${personPath(id)}/contacts`, body));
}

export function useAddEmploymentPeriod(id: string) {
  return usePersonMutation((body: EmploymentPeriodBody) =>
    api.post<PersonFile>(`${personPath(id)}/employment-periods`, body),
  );
}

export function useRemoveEmploymentPeriod(id: string) {
  return usePersonMutation((periodId: string) =>
    api.delete<PersonFile>(`${personPath(id)}/employment-periods/${encodeURIComponent(periodId)}`),
  );
}

/** The address of the trust contract, filled for the person by the server. */
export const trustContractUrl = (id: string) => `${personPath(id)}/trust-contract.pdf`;

/**
 * A contact entered by mistake, corrected or cancelled with a reason (its author or a
 * coordinator): the file, the employer's page and « Ma journée » are read again.
 */
export function useContactCorrection(personId?: string) {
  const queryClient = useQueryClient();
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: personId ? personKey(personId) : personsKey });
    queryClient.invalidateQueries({ queryKey: ['employers'] });
    queryClient.invalidateQueries({ queryKey: ['my-day'] });
  };
  const correct = useMutation({
    mutationFn: ({ id, ...body }: ContactCorrectionBody & { id: string }) =>
      api.patch<CorrectedEntry>(`/api/contacts/${encodeURIComponent(id)}`, body),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: ({ id, ...body }: CancellationBody & { id: string }) =>
      api.post<CorrectedEntry>(`/api/contacts/${encodeURIComponent(id)}/cancel`, body),
    onSuccess: refresh,
  });
  return { correct, cancel };
}

/** « Annuler ce changement »: the last move entered by mistake, with a reason; answers the file. */
export function useCancelTransition(personId: string) {
  return usePersonMutation(({ eventId, ...body }: CancelMoveBody & { eventId: string }) =>
    api.post<PersonFile>(`${personPath(personId)}/transitions/${encodeURIComponent(eventId)}/cancel`, body),
  );
}

/** « Annuler cette étape »: the last step of a presentation entered by mistake, with a reason. */
export function useCancelPresentationStep(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      presentationId,
      stepId,
      ...body
    }: CancelMoveBody & { presentationId: string; stepId: string }) =>
      api.post<unknown>(
        `/api/presentations/${encodeURIComponent(presentationId)}/steps/${encodeURIComponent(stepId)}/cancel`,
        body,
      ),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: personKey(personId) });
      queryClient.invalidateQueries({ queryKey: ['presentations'] });
      queryClient.invalidateQueries({ queryKey: ['my-day'] });
    },
  });
}
