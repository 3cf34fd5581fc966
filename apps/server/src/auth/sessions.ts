import { PREPARED_MARK, sql, unscopedStatement } from '@jobcoach/db';
import type { ActorCaseload } from '../application/context.ts';
import type { Db } from '../application/database.ts';
import { newToken, sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'jc_session';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface SessionUser {
  sessionId: string;
  sessionHash: string;
  csrfToken: string;
  currentOrganisationId: string | null;
  userId: string;
  name: string;
  email: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
  /**
   * The current organisation requires a second factor that the user has not enabled yet. Another
   * organisation's requirement binds only the sessions working in that organisation: it does not
   * lock the user out of the others (http/access.ts checks it for a route naming that
   * organisation).
   */
  mustEnrolTotp: boolean;
  /** Whether the user has enabled a second factor. */
  totpEnabled: boolean;
  /**
   * The role of the user's active membership in the current organisation, read with the session
   * (null: none), so that the permission check of the request need not read it again (http/access.ts).
   */
  currentRole: string | null;
  /** The membership's person-scope facts on the day of the request (application/context.ts). */
  currentCaseload: ActorCaseload | null;
}

export async function createSession(
  db: Db,
  args: {
    userId: string;
    organisationId: string | null;
    clientAddress: string | null;
    userAgent: string | undefined;
    now: Date;
  },
  policy: SessionPolicy,
) {
  const token = newToken();
  const csrfToken = newToken();
  await db
    .insertInto('session')
    .values({
      id_hash: sha256(token),
      user_id: args.userId,
      csrf_token: csrfToken,
      current_organisation_id: args.organisationId,
      client_address: args.clientAddress,
      user_agent: args.userAgent?.slice(0, 300) ?? null,
      created_at: args.now,
      last_seen_at: args.now,
      expires_at: new Date(args.now.getTime() + policy.absoluteHours * 3_600_000),
      // The key of the device's offline store (apps/web/src/offline/): forgotten with the session.
      offline_key: newToken(),
    })
    .execute();
  return { token, csrfToken };
}

/**
 * How stale `last_seen_at` may get before a request writes it again: a tenth of the idle window,
 * at most a minute (6 s with a one-minute window, a minute with the default 240).
 */
export function touchIntervalMs(policy: SessionPolicy): number {
  return Math.min(60_000, (policy.idleMinutes * 60_000) / 10);
}

/**
 * The session of a token's hash, its user, and the user's membership in the session's current
 * organisation: read by every request, so built and compiled once (packages/db, unscopedStatement)
 * and prepared once per connection (PREPARED_MARK).
 */
const sessionStatement = unscopedStatement((db, p: { idHash: string; today: string }) =>
  db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('membership as cm', (join) =>
      join
        .onRef('cm.organisation_id', '=', 's.current_organisation_id')
        .onRef('cm.user_id', '=', 'u.id')
        .on('cm.active', '=', true),
    )
    .select((eb) => [
      's.id as session_id',
      's.csrf_token',
      's.current_organisation_id',
      's.last_seen_at',
      's.expires_at',
      'u.id',
      'u.name',
      'u.email',
      'u.is_admin',
      'u.must_change_password',
      'u.active',
      'u.totp_secret',
      eb
        .selectFrom('organisation as co')
        .select('co.require_totp')
        .whereRef('co.id', '=', 's.current_organisation_id')
        .as('current_requires_totp'),
      'cm.role as current_role',
      'cm.sensitive_access as current_sensitive_access',
      // A jobcoach's person scope reaches the colleagues they cover today (application/person-scope.ts).
      sql<string[] | null>`CASE WHEN cm.role = 'jobcoach' THEN ARRAY(SELECT a.coach_id::text FROM absence a
        WHERE a.organisation_id = s.current_organisation_id AND a.cover_coach_id = u.id
          AND a.from_on <= ${p.today} AND a.to_on >= ${p.today}) END`.as('covered_coach_ids'),
    ])
    .where('s.id_hash', '=', p.idHash)
    .modifyEnd(sql.raw(PREPARED_MARK)),
);

/** The live session for a cookie value, touching its last-seen time; null when absent or expired. */
export async function findSession(
  db: Db,
  token: string,
  clock: { now: Date; today: string },
  policy: SessionPolicy,
): Promise<SessionUser | null> {
  const { now, today } = clock;
  const idHash = sha256(token);
  const [row] = await sessionStatement(db, { idHash, today });
  if (!row) return null;
  const idleLimit = new Date(row.last_seen_at).getTime() + policy.idleMinutes * 60_000;
  if (!row.active || new Date(row.expires_at) <= now || idleLimit <= now.getTime()) {
    await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
    return null;
  }
  // Touch at most once per touch interval: keeps writes off the hot path, and never lets a
  // session's recorded activity lag the real one by more than a tenth of the idle window.
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= touchIntervalMs(policy)) {
    await db.updateTable('session').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }
  return {
    sessionId: row.session_id,
    sessionHash: idHash,
    csrfToken: row.csrf_token,
    currentOrganisationId: row.current_organisation_id,
    userId: row.id,
    name: row.name,
    email: row.email,
    isAdmin: row.is_admin,
    mustChangePassword: row.must_change_password,
    mustEnrolTotp: row.current_requires_totp === true && !row.totp_secret,
    totpEnabled: row.totp_secret !== null,
    currentRole: row.current_role ?? null,
    currentCaseload:
      row.current_role === null
        ? null
        : {
            day: today,
            coveredCoachIds: row.covered_coach_ids ?? [],
            sensitiveAccess: row.current_sensitive_access === true,
          },
  };
}
