import type {
  CalendarFeedCreated,
  CalendarFeedStatus,
  PlanBody,
  PlannedContact,
  PlanUpdateBody,
} from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import { personKey } from '../people/people-api.ts';

/**
 * After a change: the person's file (which carries the plans still to hold) and « Ma journée »
 * read again.
 */
function usePlanMutation<V>(personId: string, call: (variables: V) => Promise<PlannedContact>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: personKey(personId) });
      queryClient.invalidateQueries({ queryKey: ['my-day'] });
    },
  });
}

export function usePlanContact(personId: string) {
  return usePlanMutation(personId, (body: PlanBody) =>
    api.post<PlannedContact>(`/api/persons/${personId}/planned-contacts`, body),
  );
}

export function useUpdatePlan(personId: string, planId: string) {
  return usePlanMutation(personId, (body: PlanUpdateBody) =>
    api.patch<PlannedContact>(`/api/planned-contacts/${planId}`, body),
  );
}

export function useCancelPlan(personId: string) {
  return usePlanMutation(personId, (plan: { id: string; version: number }) =>
    api.post<PlannedContact>(`/api/planned-contacts/${plan.id}/cancel`, { version: plan.version }),
  );
}

const feedKey = ['calendar-feed'];

export function useCalendarFeed() {
  return useQuery({ queryKey: feedKey, queryFn: () => api.get<CalendarFeedStatus>('/api/calendar-feed') });
}

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarFeedCreated>('/api/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarFeedStatus>('/api/calendar-feed/revoke'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey }),
  });
}
