import type { AccountSession, Invitation, Member, MemberBody, MemberPatchBody } from '@jobcoach/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';

export const membersKey = (organisationId: string) => ['organisations', organisationId, 'users'] as const;
export const invitationsKey = (organisationId: string) =>
  ['organisations', organisationId, 'invitations'] as const;

const usersPath = (organisationId: string) =>
  `/api/organisations/${encodeURIComponent(organisationId)}/users`;

export function fetchMembers(organisationId: string): Promise<Member[]> {
  return api.get<Member[]>(usersPath(organisationId));
}

export function useMembers(organisationId: string, enabled = true) {
  return useQuery({
    queryKey: membersKey(organisationId),
    queryFn: () => fetchMembers(organisationId),
    enabled: enabled && organisationId !== '',
  });
}

/** Adding a member sends an invitation, which its owner accepts at their next login. */
export function useCreateMember(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MemberBody) => api.post<Invitation>(usersPath(organisationId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(organisationId) }),
  });
}

const invitationsPath = (organisationId: string) =>
  `/api/organisations/${encodeURIComponent(organisationId)}/invitations`;

/** The organisation's invitations not answered yet. */
export function useInvitations(organisationId: string) {
  return useQuery({
    queryKey: invitationsKey(organisationId),
    queryFn: () => api.get<Invitation[]>(invitationsPath(organisationId)),
  });
}

export function useRevokeInvitation(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.delete<void>(`${invitationsPath(organisationId)}/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsKey(organisationId) }),
  });
}

export function useUpdateMember(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, changes }: { userId: string; changes: MemberPatchBody }) =>
      api.patch<Member>(`${usersPath(organisationId)}/${encodeURIComponent(userId)}`, changes),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(organisationId) }),
  });
}

export function useResetPassword(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, temporaryPassword }: { userId: string; temporaryPassword: string }) =>
      api.post<void>(`${usersPath(organisationId)}/${encodeURIComponent(userId)}/password`, {
        temporaryPassword,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(organisationId) }),
  });
}

const userSessionsKey = (userId: string) => ['users', userId, 'sessions'] as const;
const userSessionsPath = (userId: string) => `/api/users/${encodeURIComponent(userId)}/sessions`;

/** Admins only: a user's live sessions. */
export function useUserSessions(userId: string) {
  return useQuery({
    queryKey: userSessionsKey(userId),
    queryFn: () => api.get<AccountSession[]>(userSessionsPath(userId)),
  });
}

/** Admins only: signs a user out everywhere. */
export function useEndUserSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete<void>(userSessionsPath(userId)),
    onSettled: (_data, _error, userId) =>
      queryClient.invalidateQueries({ queryKey: userSessionsKey(userId) }),
  });
}
