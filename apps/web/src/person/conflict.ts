import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api.ts';
import { personKey } from '../people/people-api.ts';

/**
 * A 409 (someone changed the file, or the move is no longer possible from the phase it is in
 * now) means the file shown is out of date: read it again, so that the page shows what is true.
 */
export function useRefreshOnConflict(personId: string) {
  const queryClient = useQueryClient();
  return (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) {
      queryClient.invalidateQueries({ queryKey: personKey(personId) });
    }
  };
}
