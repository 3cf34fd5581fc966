import type {
  ArrangementBody,
  CancellationBody,
  ContractAndPerson,
  ContractBody,
  ContractPatchBody,
} from '@jobcoach/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import { storePerson } from '../people/people-api.ts';

// A person's contracts. Every change answers the contract and the whole person file; the file
// replaces the cached one (it holds the contracts), lists and « Ma journée » are read again.

const contractPath = (id: string) => `/api/contracts/${encodeURIComponent(id)}`;

function useContractMutation<V>(call: (variables: V) => Promise<ContractAndPerson>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (answer) => storePerson(queryClient, answer.person),
  });
}

export function useSignContract(personId: string) {
  return useContractMutation((body: ContractBody) =>
    api.post<ContractAndPerson>(`/api/persons/${encodeURIComponent(personId)}/contracts`, body),
  );
}

export function useUpdateContract(contractId: string) {
  return useContractMutation((body: ContractPatchBody) =>
    api.patch<ContractAndPerson>(contractPath(contractId), body),
  );
}

export function useSaveArrangement(contractId: string) {
  return useContractMutation((body: ArrangementBody) =>
    api.put<ContractAndPerson>(`${contractPath(contractId)}/follow-up`, body),
  );
}

/**
 * « Annuler ce contrat »: the contract stays, marked cancelled; the moves it made go with it. The
 * presentation it recorded a hire for and the employer's page read it too.
 */
export function useCancelContract(contractId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CancellationBody) =>
      api.post<ContractAndPerson>(`${contractPath(contractId)}/cancel`, body),
    onSuccess: (answer) => {
      storePerson(queryClient, answer.person);
      queryClient.invalidateQueries({ queryKey: ['presentations'] });
      queryClient.invalidateQueries({ queryKey: ['employers'] });
    },
  });
}

export function useStartFollowUp(contractId: string) {
  return useContractMutation(() =>
    api.post<ContractAndPerson>(`${contractPath(contractId)}/start-follow-up`),
  );
}

/** The end-of-coaching letter (insertion consolidée), produced by the server. */
export const endLetterUrl = (personId: string) =>
  `/api/persons/${encodeURIComponent(personId)}/end-letter.pdf`;
