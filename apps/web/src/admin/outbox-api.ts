import type { OutboxStatus } from '@jobcoach/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';

export function useOutbox() {
  return useQuery({
    queryKey: ['outbox'],
    queryFn: () => api.get<OutboxStatus>('/api/outbox'),
    refetchInterval: 60_000,
  });
}
