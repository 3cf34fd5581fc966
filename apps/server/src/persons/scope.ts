import { type MembershipRole, can as roleCan, type TransitionRole } from '@jobcoach/domain';
import type { FastifyRequest } from 'fastify';
import { type OrgAccess, type Permission, requireOrgPermission } from '../http/access.ts';
import { AppError } from '../http/errors.ts';

export interface Scope extends OrgAccess {
  userId: string;
}

/**
 * The trajectory routes work in the caller's current organisation (Me.currentOrganisationId):
 * resolves it and checks the permission (404 when not a member, 403 when the role lacks it).
 */
export async function currentScope(request: FastifyRequest, permission: Permission): Promise<Scope> {
  const user = request.user;
  if (!user) throw new AppError(401, 'unauthenticated', 'Veuillez vous connecter.');
  const organisationId = user.currentOrganisationId;
  if (!organisationId) {
    throw new AppError(403, 'forbidden', 'Choisissez d’abord une organisation.');
  }
  const access = await requireOrgPermission(request, request.server.deps.db, organisationId, permission);
  return { ...access, userId: user.userId };
}

/** Whether the caller's role holds a further permission (the admin holds them all). */
export function can(scope: OrgAccess, permission: Permission): boolean {
  return roleCan(scope.role, permission);
}

/** The role the trajectory table is asked with: the installation admin acts as a coordinator. */
export function trajectoryRole(scope: OrgAccess): MembershipRole {
  return scope.role === 'admin' ? ('coordinator' satisfies TransitionRole) : scope.role;
}
