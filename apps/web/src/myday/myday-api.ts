import type { MyDay } from '@jobcoach/contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';

/** « Ma journée » of the signed-in coach, or of a colleague (`coachId`, coordinators only). */
export function useMyDay(coachId: string | null) {
  const search = coachId ? `?coachId=${encodeURIComponent(coachId)}` : '';
  return useQuery({
    queryKey: ['my-day', coachId ?? 'me'],
    queryFn: () => api.get<MyDay>(`/api/my-day${search}`),
    placeholderData: (previous) => previous,
  });
}
