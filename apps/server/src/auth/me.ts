import type { Me } from '@jobcoach/contract';
import type { Database, Kysely, Transaction } from '@jobcoach/db';
import type { MEMBERSHIP_ROLES } from '@jobcoach/domain';
import { receivedInvitations } from '../users/invitations.ts';

export async function activeMemberships(db: Kysely<Database> | Transaction<Database>, userId: string) {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.organisation_id', 'o.name', 'm.role', 'm.fte', 'o.require_totp'])
    .where('m.user_id', '=', userId)
    .where('m.active', '=', true)
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    organisationName: r.name,
    role: r.role as (typeof MEMBERSHIP_ROLES)[number],
    fte: Number(r.fte),
    requireTotp: r.require_totp,
  }));
}

export async function buildMe(
  db: Kysely<Database> | Transaction<Database>,
  args: { userId: string; csrfToken: string; currentOrganisationId: string | null; now: Date },
): Promise<Me> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'name', 'email', 'is_admin', 'must_change_password', 'totp_secret'])
    .where('id', '=', args.userId)
    .executeTakeFirstOrThrow();
  // The current organisation's requirement only: another organisation's binds its own sessions.
  const current = args.currentOrganisationId
    ? await db
        .selectFrom('organisation')
        .select('require_totp')
        .where('id', '=', args.currentOrganisationId)
        .executeTakeFirst()
    : undefined;
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      isAdmin: user.is_admin,
      mustChangePassword: user.must_change_password,
      totpEnabled: user.totp_secret !== null,
      mustEnrolTotp: current?.require_totp === true && user.totp_secret === null,
    },
    csrfToken: args.csrfToken,
    currentOrganisationId: args.currentOrganisationId,
    memberships: await activeMemberships(db, args.userId),
    invitations: await receivedInvitations(db, args.userId, args.now),
  };
}

/**
 * One of the user's active organisations that requires a second factor, if any (its name): while
 * there is one, the user may not disable theirs (the account is the same in every organisation).
 */
export async function organisationRequiringTotp(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
) {
  return db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select('o.name')
    .where('m.user_id', '=', userId)
    .where('m.active', '=', true)
    .where('o.require_totp', '=', true)
    .executeTakeFirst();
}
