import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

export interface BackupFile {
  name: string;
  takenAt: string;
  bytes: number;
}

/** GET /api/backups: the server's backups of the embedded database. */
export interface BackupStatus {
  engine: 'pglite' | 'postgres';
  scheduled: boolean;
  directory: string | null;
  keep: number;
  count: number;
  last: BackupFile | null;
  lastError: { at: string; message: string } | null;
}

export const backupsKey = ['backups'] as const;

export function useBackups() {
  return useQuery({ queryKey: backupsKey, queryFn: () => api.get<BackupStatus>('/api/backups') });
}

export function useTakeBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<BackupFile>('/api/backups', {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: backupsKey }),
  });
}
