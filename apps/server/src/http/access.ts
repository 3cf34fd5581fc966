import { type Database, type Kysely, PREPARED_MARK, sql, type Transaction } from '@jobcoach/db';
import { type MembershipRole, type Permission, ROLE_PERMISSIONS } from '@jobcoach/domain';

// The table of rights is the domain's (packages/domain/src/permissions.ts), shared with the web.
export {
  PERMISSION_SCOPES,
  type Permission,
  type RecordScope,
  ROLE_PERMISSIONS,
  recordScope,
} from '@jobcoach/domain';

import type { FastifyRequest } from 'fastify';
import { AppError, notFound, totpEnrolmentRequired } from './errors.ts';

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
  // The current organisation's role was read with the session at the start of this request (and
  // its second-factor requirement checked then, http/context.ts); a check inside a transaction, or
  // for another organisation, reads the membership itself.
  const membership =
    organisationId === user.currentOrganisationId && !db.isTransaction
      ? user.currentRole === null
        ? undefined
        : { role: user.currentRole, require_totp: false }
      : await db
          .selectFrom('membership as m')
          .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
          .select(['m.role', 'o.require_totp'])
          .where('m.organisation_id', '=', organisationId)
          .where('m.user_id', '=', user.userId)
          .where('m.active', '=', true)
          // Same text on every call: prepared once per connection (packages/db).
          .modifyEnd(sql.raw(PREPARED_MARK))
          .executeTakeFirst();
  if (!membership) throw notFound('Organisation');
  // An organisation's second-factor requirement binds the work done in it, whichever organisation
  // the session is in.
  if (membership.require_totp && !user.totpEnabled) throw totpEnrolmentRequired();
  const role = membership.role as MembershipRole;
  const allowed: readonly MembershipRole[] = ROLE_PERMISSIONS[permission];
  if (!allowed.includes(role)) {
    throw new AppError(403, 'forbidden', 'Votre rôle dans cette organisation ne permet pas cette action.');
  }
  return { organisationId, role };
}
