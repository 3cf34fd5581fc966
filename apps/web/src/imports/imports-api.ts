import type { ImportBody, ImportJob, ImportPreview, ImportPreviewBody, JobStarted } from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

// The CSV import of vacancies: a preview (nothing written), then a job the server runs in the
// background and whose progress is read every second until it is over.

export function usePreviewImport() {
  return useMutation({
    mutationFn: (body: ImportPreviewBody) => api.post<ImportPreview>('/api/vacancies/import/preview', body),
  });
}

export function useStartImport() {
  return useMutation({
    mutationFn: (body: ImportBody) => api.post<JobStarted>('/api/vacancies/import', body),
  });
}

export function useImportJob(jobId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['vacancy-import', jobId],
    enabled: jobId !== null,
    queryFn: async () => {
      const job = await api.get<ImportJob>(`/api/vacancies/import/${encodeURIComponent(jobId ?? '')}`);
      if (job.status !== 'running') {
        queryClient.invalidateQueries({ queryKey: ['vacancies'] });
        queryClient.invalidateQueries({ queryKey: ['employers'] });
      }
      return job;
    },
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 1000 : false),
  });
}
