import { type MembershipRole, can as roleCan, type TransitionRole } from '@jobcoach/domain';
import type { OrgAccess, Permission } from '../http/access.ts';

export interface Scope extends OrgAccess {
  userId: string;
}

/** Whether the caller's role holds a further permission (the admin holds them all). */
export function can(scope: OrgAccess, permission: Permission): boolean {
  return roleCan(scope.role, permission);
}

/** The role the trajectory table is asked with: the installation admin acts as a coordinator. */
export function trajectoryRole(scope: OrgAccess): MembershipRole {
  return scope.role === 'admin' ? ('coordinator' satisfies TransitionRole) : scope.role;
}
