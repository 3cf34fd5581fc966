import type { Me } from '@jobcoach/contract';
import type { Database, Kysely, Transaction } from '@jobcoach/db';
import type { MEMBERSHIP_ROLES } from '@jobcoach/domain';

export async function activeMemberships(db: Kysely<Database> | Transaction<Database>, userId: string) {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['m.organisation_id', 'o.name', 'm.role', 'm.fte'])
    .where('m.user_id', '=', userId)
    .where('m.active', '=', true)
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    organisationName: r.name,
    role: r.role as (typeof MEMBERSHIP_ROLES)[number],
    fte: Number(r.fte),
  }));
}

export async function buildMe(
  db: Kysely<Database> | Transaction<Database>,
  args: { userId: string; csrfToken: string; currentOrganisationId: string | null },
): Promise<Me> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'name', 'email', 'is_admin', 'must_change_password', 'totp_secret'])
    .where('id', '=', args.userId)
    .executeTakeFirstOrThrow();
  const requiring = await organisationRequiringTotp(db, args.userId);
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      isAdmin: user.is_admin,
      mustChangePassword: user.must_change_password,
      totpEnabled: user.totp_secret !== null,
      mustEnrolTotp: requiring !== undefined && user.totp_secret === null,
    },
    csrfToken: args.csrfToken,
    currentOrganisationId: args.currentOrganisationId,
    memberships: await activeMemberships(db, args.userId),
  };
}

/** One of the user's active organisations that requires a second factor, if any (its name). */
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
