import type { Absence, AbsenceBody } from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

const absencesKey = ['absences'] as const;

/** Current and future absences of the organisation. */
export function useAbsences(enabled = true) {
  return useQuery({ queryKey: absencesKey, queryFn: () => api.get<Absence[]>('/api/absences'), enabled });
}

export function useCreateAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AbsenceBody) => api.post<Absence>('/api/absences', body),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: absencesKey });
      queryClient.invalidateQueries({ queryKey: ['my-day'] });
    },
  });
}

export function useDeleteAbsence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/absences/${encodeURIComponent(id)}`),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: absencesKey });
      queryClient.invalidateQueries({ queryKey: ['my-day'] });
    },
  });
}
