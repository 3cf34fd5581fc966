import type {
  AccountSession,
  MailPreferences,
  MailPreferencesPatch,
  Me,
  TotpSetup,
} from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import { meKey } from '../auth/session.ts';

export const sessionsKey = ['account', 'sessions'] as const;

export function useSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: () => api.get<AccountSession[]>('/api/auth/sessions'),
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/auth/sessions/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** A new secret, pending until confirmed by a first code; asking again replaces it. */
export function useStartTotp() {
  return useMutation({ mutationFn: () => api.post<TotpSetup>('/api/auth/totp/setup') });
}

/** Puts the new second-factor state into the session at once, then reads it again. */
function useSetTotp() {
  const queryClient = useQueryClient();
  return async (enabled: boolean) => {
    const me = queryClient.getQueryData<Me | null>(meKey);
    if (me) {
      const user = {
        ...me.user,
        totpEnabled: enabled,
        mustEnrolTotp: enabled ? false : me.user.mustEnrolTotp,
      };
      queryClient.setQueryData<Me>(meKey, { ...me, user });
    }
    await queryClient.invalidateQueries({ queryKey: meKey });
  };
}

export function useEnableTotp() {
  const setTotp = useSetTotp();
  return useMutation({
    mutationFn: (code: string) => api.post<void>('/api/auth/totp/enable', { code }),
    onSuccess: () => setTotp(true),
  });
}

export function useDisableTotp() {
  const setTotp = useSetTotp();
  return useMutation({
    mutationFn: (currentPassword: string) => api.post<void>('/api/auth/totp/disable', { currentPassword }),
    onSuccess: () => setTotp(false),
  });
}

export const mailPreferencesKey = ['account', 'mail-preferences'] as const;

/** The account's e-mail preferences: the morning digest and the messages' language. */
export function useMailPreferences() {
  return useQuery({
    queryKey: mailPreferencesKey,
    queryFn: () => api.get<MailPreferences>('/api/auth/preferences'),
  });
}

export function useUpdateMailPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: MailPreferencesPatch) => api.patch<MailPreferences>('/api/auth/preferences', patch),
    onSuccess: (saved) => queryClient.setQueryData(mailPreferencesKey, saved),
  });
}
