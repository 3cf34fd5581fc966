import type { Me } from '@jobcoach/contract';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, use } from 'react';
import { ApiError, api, rememberCsrfToken } from '../api.ts';
import { discardAllDrafts } from '../forms/drafts.ts';
import { rememberedMe, rememberMe, wipeOffline } from '../offline/vault.ts';
import { forgetPutOff } from './later.ts';

export const meKey = ['me'] as const;
export const setupStatusKey = ['setup-status'] as const;

/** The signed-in user, or null when there is no session. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me', { anonymous: true });
    rememberMe(me);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      // The session ended (logout elsewhere, expiry): what the device kept goes with it.
      await wipeOffline();
      return null;
    }
    // Without a network, the tab's session as last seen (offline/vault.ts): the day's visits.
    const kept = error instanceof ApiError && error.status === 0 ? rememberedMe<Me>() : null;
    if (kept) {
      rememberCsrfToken(kept.csrfToken);
      return kept;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, networkMode: 'always' });
}

/** Forget everything cached for the previous user, then hold the new session (or none). */
export function startSession(queryClient: QueryClient, me: Me | null): void {
  rememberCsrfToken(me?.csrfToken ?? null);
  forgetPutOff();
  // A new session, or none: nothing kept for the previous one stays on the device.
  void wipeOffline().then(() => rememberMe(me));
  const kept: unknown[] = [meKey[0], setupStatusKey[0]];
  queryClient.removeQueries({ predicate: (query) => !kept.includes(query.queryKey[0]) });
  queryClient.setQueryData(meKey, me);
}

export const SessionContext = createContext<Me | null>(null);

/** The session of the signed-in user; only inside the routes guarded by RequireSession. */
export function useSession(): Me {
  const me = use(SessionContext);
  if (!me) throw new Error('useSession() needs a RequireSession parent');
  return me;
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    // Even when the session had already expired, the person is signed out here, and nothing typed
    // about a person stays in the tab (forms/drafts.ts).
    onSettled: async () => {
      discardAllDrafts();
      // The day's files and contacts kept on the device, and the key that opens them.
      await wipeOffline();
      startSession(queryClient, null);
    },
  });
}

export function useSwitchOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) => api.post<Me>('/api/auth/organisation', { organisationId }),
    onSuccess: async (me) => {
      // Another organisation: the device keeps nothing of the previous one's persons.
      await wipeOffline();
      rememberMe(me);
      queryClient.setQueryData(meKey, me);
      queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
    },
  });
}
