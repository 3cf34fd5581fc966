import type { Backup, BackupStatus } from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

export const backupsKey = ['backups'] as const;

export function useBackups() {
  return useQuery({ queryKey: backupsKey, queryFn: () => api.get<BackupStatus>('/api/backups') });
}

export function useTakeBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Backup>('/api/backups', {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: backupsKey }),
  });
}
