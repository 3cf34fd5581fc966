import { type Database, type Kysely, PREPARED_MARK, sql, type Transaction } from '@jobcoach/db';
import type { MembershipRole } from '@jobcoach/domain';
import type { FastifyRequest } from 'fastify';
import { AppError, notFound, totpEnrolmentRequired } from './errors.ts';

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
  /**
   * Reading the sensitive fields (privacy/sensitive.ts): coordinators, and jobcoaches to whom a
   * coordinator granted it on their membership (`membership.sensitive_access`).
   */
  'persons.sensitive': ['coordinator'],
  /** "Who opened this file, when": the audited reads of a person's file. */
  'persons.accesslog': ['coordinator'],
  /** Everything held about a person, as JSON and PDF (GDPR art. 15). */
  'persons.export': ['coordinator'],
  /** Erasing a person's identity and free texts on their request (GDPR art. 17). */
  'persons.erase': ['coordinator'],
  /** The retention job's run reports (the organisation's lines) and the retention period. */
  'privacy.retention': ['coordinator'],
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
  /** The steering committee's report: aggregates only (evaluators see small cells as "< 5"). */
  'reports.read': ['coordinator', 'evaluator'],
  /** Importing the organisation's history (docs/import.md): persons, events, contracts… */
  'history.import': ['coordinator'],
} as const satisfies Record<string, readonly MembershipRole[]>;

export type Permission = keyof typeof ROLE_PERMISSIONS;

/**
 * Which records a permission reaches (docs/security.md, "scope" column):
 * - own_caseload: the persons the caller coaches, those of absent colleagues the caller covers
 *   during the absence, and the referrals in intake no coach was assigned yet;
 * - organisation: every record of the caller's organisation;
 * - basin: the employer facts shared by the organisations of the basin (plus the organisation's own
 *   notes and contacts);
 * - aggregates: counts only, never a person-level record.
 */
export type RecordScope = 'own_caseload' | 'organisation' | 'basin' | 'aggregates';

/**
 * The record scope of a permission per role, where it is not the organisation. Enforced for persons
 * by http/scope.ts (every person-level route and query goes through it) and for employers by
 * employers/scope.ts.
 */
export const PERMISSION_SCOPES: {
  readonly [P in Permission]?: Readonly<Partial<Record<MembershipRole, RecordScope>>>;
} = {
  'persons.read': { jobcoach: 'own_caseload' },
  'persons.write': { jobcoach: 'own_caseload' },
  'presentations.read': { jobcoach: 'own_caseload' },
  'presentations.write': { jobcoach: 'own_caseload' },
  'contracts.read': { jobcoach: 'own_caseload' },
  'contracts.write': { jobcoach: 'own_caseload' },
  'myday.read': { jobcoach: 'own_caseload', coordinator: 'own_caseload' },
  'employers.read': { coordinator: 'basin', jobcoach: 'basin' },
  'employers.write': { coordinator: 'basin', jobcoach: 'basin' },
};

/** The records `permission` reaches for `role` (the installation admin: the organisation). */
export function recordScope(role: MembershipRole | 'admin', permission: Permission): RecordScope {
  if (role === 'admin') return PERMISSION_SCOPES[permission]?.coordinator ?? 'organisation';
  return PERMISSION_SCOPES[permission]?.[role] ?? 'organisation';
}

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
