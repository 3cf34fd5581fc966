import type {
  HistoryImportBody,
  HistoryImportJob,
  HistoryImportList,
  HistoryInspect,
  HistoryInspectBody,
  HistoryUndone,
  JobStarted,
  UploadFile,
} from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

// The historical import (docs/import.md): the files go base64-encoded in JSON, the server runs a
// job (a dry run first, then the import) whose progress is read every second until it is over.

/** The kinds of record the job counts, in the order the page lists them. */
export const HISTORY_ENTITIES = [
  'employer',
  'person',
  'contract',
  'event',
  'person_contact',
  'employer_contact',
] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

/** A chosen file as the API takes it. */
export async function toUpload(file: File): Promise<UploadFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return { name: file.name, contentBase64: btoa(binary) };
}

export function useStartHistoryImport() {
  return useMutation({
    mutationFn: (body: HistoryImportBody) => api.post<JobStarted>('/api/history-imports', body),
  });
}

export function useHistoryImportJob(jobId: string | null) {
  return useQuery({
    queryKey: ['history-import', jobId],
    enabled: jobId !== null,
    queryFn: () => api.get<HistoryImportJob>(`/api/history-imports/${encodeURIComponent(jobId ?? '')}`),
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 1000 : false),
  });
}

/** The organisation's written imports of the last weeks, and whether each can still be undone. */
export function useHistoryImports() {
  return useQuery({
    queryKey: ['history-imports'],
    queryFn: () => api.get<HistoryImportList>('/api/history-imports'),
  });
}

export function useUndoHistoryImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) =>
      api.post<HistoryUndone>(`/api/history-imports/${encodeURIComponent(jobId)}/undo`, {}),
    onSettled: () => {
      queryClient.invalidateQueries({ queryKey: ['history-imports'] });
      queryClient.invalidateQueries({ queryKey: ['persons'] });
      queryClient.invalidateQueries({ queryKey: ['employers'] });
    },
  });
}

/** The tables of the chosen files: recognised by name, or offered a mapping (saved or guessed). */
export function useInspectHistoryImport() {
  return useMutation({
    mutationFn: (body: HistoryInspectBody) => api.post<HistoryInspect>('/api/history-imports/inspect', body),
  });
}
