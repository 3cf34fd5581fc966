import type { PersonMatch, VacancyMatch } from '@jobcoach/contract';
import { useQuery } from '@tanstack/react-query';
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
