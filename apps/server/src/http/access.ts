import type { Database, Kysely, Transaction } from '@jobcoach/db';
import type { MembershipRole } from '@jobcoach/domain';
import type { FastifyRequest } from 'fastify';
import { AppError, notFound } from './errors.ts';

/**
 * What each role may do inside its organisation. The installation admin may do everything
 * everywhere. Anything absent is refused.
 */
export const ROLE_PERMISSIONS = {
  'organisation.read': ['coordinator', 'jobcoach', 'evaluator'],
  'organisation.update': ['coordinator'],
  'members.read': ['coordinator'],
  /** Names and roles of the active colleagues (to choose a cover, a coach). */
  'colleagues.read': ['coordinator', 'jobcoach'],
  'members.manage': ['coordinator'],
  'partners.read': ['coordinator', 'jobcoach'],
  'partners.write': ['coordinator', 'jobcoach'],
  'persons.read': ['coordinator', 'jobcoach'],
  'persons.write': ['coordinator', 'jobcoach'],
  /** "Who opened this file, when": the audited reads of a person's file. */
  'persons.accesslog': ['coordinator'],
  /** Choosing any colleague as a person's coach, or recording a colleague's absence. */
  'persons.assign': ['coordinator'],
  'myday.read': ['coordinator', 'jobcoach'],
  /** Looking at a colleague's "Ma journée". */
  'myday.others': ['coordinator'],
  'absences.read': ['coordinator', 'jobcoach'],
  'absences.write': ['coordinator', 'jobcoach'],
  'settings.read': ['coordinator', 'jobcoach', 'evaluator'],
  'settings.update': ['coordinator'],
  /** The basin's shared employer registry, and the organisation's own notes and contacts. */
  'employers.read': ['coordinator', 'jobcoach'],
  'employers.write': ['coordinator', 'jobcoach'],
  'vacancies.read': ['coordinator', 'jobcoach'],
  'vacancies.write': ['coordinator', 'jobcoach'],
  'presentations.read': ['coordinator', 'jobcoach'],
  'presentations.write': ['coordinator', 'jobcoach'],
  /** Contracts, the follow-up arrangement and the end-of-coaching letter (person-level). */
  'contracts.read': ['coordinator', 'jobcoach'],
  'contracts.write': ['coordinator', 'jobcoach'],
} as const satisfies Record<string, readonly MembershipRole[]>;

export type Permission = keyof typeof ROLE_PERMISSIONS;

export interface OrgAccess {
  organisationId: string;
  role: MembershipRole | 'admin';
}

/**
 * Resolves the caller's standing in an organisation. A caller with no membership there gets 404
 * (the organisation's existence is not revealed); a member whose role lacks the permission gets 403.
 */
export async function requireOrgPermission(
  request: FastifyRequest,
  db: Kysely<Database> | Transaction<Database>,
  organisationId: string,
  permission: Permission,
): Promise<OrgAccess> {
  const user = request.user;
  if (!user) throw new AppError(401, 'unauthenticated', 'Veuillez vous connecter.');
  if (user.isAdmin) {
    const exists = await db
      .selectFrom('organisation')
      .select('id')
      .where('id', '=', organisationId)
      .executeTakeFirst();
    if (!exists) throw notFound('Organisation');
    return { organisationId, role: 'admin' };
  }
  const membership = await db
    .selectFrom('membership')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', user.userId)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!membership) throw notFound('Organisation');
  const role = membership.role as MembershipRole;
  const allowed: readonly MembershipRole[] = ROLE_PERMISSIONS[permission];
  if (!allowed.includes(role)) {
    throw new AppError(403, 'forbidden', 'Votre rôle dans cette organisation ne permet pas cette action.');
  }
  return { organisationId, role };
}
