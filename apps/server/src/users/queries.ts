import type { Member } from '@jobcoach/contract';
import type { Context } from '../application/context.ts';
import type { Db } from '../application/database.ts';
import { AppError } from '../application/errors.ts';

/** The members of the organisation `db` is scoped to, by name. */
export function selectMembers(db: Db, organisationId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select([
      'u.id',
      'u.name',
      'u.email',
      'm.role',
      'm.fte',
      'm.active',
      'u.active as user_active',
      'u.must_change_password',
      'u.totp_secret',
      'm.sensitive_access',
      'm.version',
    ])
    .where('m.organisation_id', '=', organisationId)
    .orderBy('u.name');
}

export function toMember(r: {
  id: string;
  name: string;
  email: string;
  role: string;
  fte: number;
  active: boolean;
  user_active: boolean;
  must_change_password: boolean;
  totp_secret: string | null;
  sensitive_access: boolean;
  version: number;
}): Member {
  return {
    userId: r.id,
    name: r.name,
    email: r.email,
    role: r.role as Member['role'],
    fte: Number(r.fte),
    active: r.active && r.user_active,
    mustChangePassword: r.must_change_password,
    totpEnabled: r.totp_secret !== null,
    sensitiveAccess: r.sensitive_access,
    version: r.version,
  };
}

export async function getMember(db: Db, organisationId: string, userId: string) {
  const row = await selectMembers(db, organisationId).where('m.user_id', '=', userId).executeTakeFirst();
  return row && toMember(row);
}

/**
 * A coordinator may change a user's account (name, password) only when every organisation that
 * user belongs to is one the coordinator runs; otherwise it takes the installation admin. The
 * user's memberships are read across organisations (`account`): that is the question.
 */
export async function assertAccountControl(ctx: Context, userId: string) {
  if (ctx.actor.role === 'admin') return;
  const db = ctx.across('account');
  const target = await db
    .selectFrom('app_user')
    .select('is_admin')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const outside = await db
    .selectFrom('membership as t')
    .select('t.organisation_id')
    .where('t.user_id', '=', userId)
    .where('t.active', '=', true)
    .where('t.organisation_id', 'not in', (eb) =>
      eb
        .selectFrom('membership as c')
        .select('c.organisation_id')
        .where('c.user_id', '=', ctx.userId)
        .where('c.role', '=', 'coordinator')
        .where('c.active', '=', true),
    )
    .executeTakeFirst();
  if (target.is_admin || outside) {
    throw new AppError(
      403,
      'forbidden',
      "Ce compte appartient aussi à une autre organisation : seul l'administrateur de l'installation peut le modifier.",
    );
  }
}

export async function assertCoordinatorRemains(db: Db, organisationId: string) {
  const row = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.organisation_id', '=', organisationId)
    .where('m.role', '=', 'coordinator')
    .where('m.active', '=', true)
    .where('u.active', '=', true)
    .executeTakeFirstOrThrow();
  if (Number(row.n) === 0) {
    throw new AppError(
      409,
      'conflict',
      "L'organisation doit garder au moins un·e coordinateur·rice actif·ve.",
      'role',
    );
  }
}
