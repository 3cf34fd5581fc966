import { sql } from '@jobcoach/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { coveredCoaches } from '../absences/queries.ts';
import type { Db } from '../persons/common.ts';
import { can, currentScope, type Scope } from '../persons/scope.ts';
import type { Viewer } from '../privacy/sensitive.ts';
import { type Permission, type RecordScope, recordScope } from './access.ts';
import { notFound } from './errors.ts';

/**
 * The record scope on persons, enforced in one place. Every person-level route resolves the
 * caller's `PersonScope` here and either filters its query with `personInScope` (lists) or asks
 * `requirePerson` / `requireContract` / `requirePresentation` for the record it was given (404 when
 * the person is outside the scope, exactly like another organisation's id).
 */
export interface PersonScope extends Scope {
  /** The records the permission reaches for the caller's role (access.ts, PERMISSION_SCOPES). */
  records: RecordScope;
  /**
   * own_caseload: the coaches whose persons the caller reaches today (the caller and the absent
   * colleagues the caller covers); empty for the other scopes.
   */
  coachIds: string[];
  /** Whether the caller reads the sensitive fields (privacy/sensitive.ts). */
  sensitive: boolean;
}

/** Whether this member reads sensitive fields: coordinators, admin, and jobcoaches granted it. */
export async function readsSensitive(db: Db, scope: Scope): Promise<boolean> {
  if (can(scope, 'persons.sensitive')) return true;
  if (scope.role !== 'jobcoach') return false;
  const row = await db
    .selectFrom('membership')
    .select('sensitive_access')
    .where('organisation_id', '=', scope.organisationId)
    .where('user_id', '=', scope.userId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row?.sensitive_access === true;
}

/** Completes an organisation scope with its record scope on persons. */
export async function scopeOnPersons(db: Db, scope: Scope, permission: Permission, today: string) {
  const records = recordScope(scope.role, permission);
  let coachIds: string[] = [];
  if (records === 'own_caseload') {
    const covered = await coveredCoaches(db, scope.organisationId, scope.userId, today);
    coachIds = [...new Set([scope.userId, ...covered.map((c) => c.coach_id)])];
  }
  return { ...scope, records, coachIds, sensitive: await readsSensitive(db, scope) } satisfies PersonScope;
}

/** The caller's scope on persons for `permission` in the current organisation (404/403 as usual). */
export async function personScope(request: FastifyRequest, permission: Permission): Promise<PersonScope> {
  const scope = await currentScope(request, permission);
  const { db, clock } = request.server.deps;
  return scopeOnPersons(db, scope, permission, clock.today());
}

/**
 * The condition a person row (under `alias`) must meet to be in the scope. For `own_caseload`:
 * coached by the caller or by an absent colleague the caller covers today, or a referral in intake
 * no coach was assigned yet. The organisation condition is the query's own.
 */
export function personInScope(ps: PersonScope, alias: string) {
  if (ps.records === 'organisation') return sql<boolean>`true`;
  if (ps.records !== 'own_caseload' || ps.coachIds.length === 0) return sql<boolean>`false`;
  const coach = sql.ref(`${alias}.coach_id`);
  const phase = sql.ref(`${alias}.phase`);
  return sql<boolean>`(${coach} IN (${sql.join(ps.coachIds)}) OR (${coach} IS NULL AND ${phase} = 'intake'))`;
}

/** Whether the person (of the scope's organisation, not deleted) is within the scope. */
export async function personIsInScope(db: Db, ps: PersonScope, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('person as p')
    .select('p.id')
    .where('p.organisation_id', '=', ps.organisationId)
    .where('p.id', '=', personId)
    .where('p.deleted_at', 'is', null)
    .where(personInScope(ps, 'p'))
    .executeTakeFirst();
  return row !== undefined;
}

/** The caller's scope, after checking the person is in it: 404 « Personne » otherwise. */
export async function requirePerson(
  request: FastifyRequest,
  permission: Permission,
  personId: string,
): Promise<PersonScope> {
  const ps = await personScope(request, permission);
  if (!(await personIsInScope(request.server.deps.db, ps, personId))) throw notFound('Personne');
  return ps;
}

/** Same for a contract: its person must be in the scope (404 « Contrat » otherwise). */
export async function requireContract(
  request: FastifyRequest,
  permission: Permission,
  contractId: string,
): Promise<PersonScope> {
  const ps = await personScope(request, permission);
  const { db } = request.server.deps;
  const row = await db
    .selectFrom('contract')
    .select('person_id')
    .where('organisation_id', '=', ps.organisationId)
    .where('id', '=', contractId)
    .executeTakeFirst();
  if (!row || !(await personIsInScope(db, ps, row.person_id))) throw notFound('Contrat');
  return ps;
}

/** Same for a presentation (404 « Présentation » otherwise). */
export async function requirePresentation(
  request: FastifyRequest,
  permission: Permission,
  presentationId: string,
): Promise<PersonScope> {
  const ps = await personScope(request, permission);
  const { db } = request.server.deps;
  const row = await db
    .selectFrom('presentation')
    .select('person_id')
    .where('organisation_id', '=', ps.organisationId)
    .where('id', '=', presentationId)
    .executeTakeFirst();
  if (!row || !(await personIsInScope(db, ps, row.person_id))) throw notFound('Présentation');
  return ps;
}

/** Who reads a person's file: the role the transitions are offered for, and the sensitive right. */
export function viewerOf(ps: PersonScope): Viewer {
  return { role: ps.role === 'admin' ? 'coordinator' : ps.role, userId: ps.userId, sensitive: ps.sensitive };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Person-level URLs whose `:id` is a person, a contract or a presentation. */
const PERSON_LEVEL_URLS: { pattern: RegExp; table: 'person' | 'contract' | 'presentation' }[] = [
  { pattern: /^\/api\/persons\/:id(\/|$)/, table: 'person' },
  { pattern: /^\/api\/contracts\/:id(\/|$)/, table: 'contract' },
  { pattern: /^\/api\/presentations\/:id(\/|$)/, table: 'presentation' },
];

/**
 * The one layer every person-level route goes through, whatever its handler does: before the
 * handler of a route under /api/persons/:id, /api/contracts/:id or /api/presentations/:id, the
 * record is looked up and a caller whose scope does not reach its person gets 404 « Personne
 * introuvable. », as for another organisation's id. A route added later is covered by its URL.
 * (Callers without the permission, or without a membership, are left to the route: 403/404.)
 */
export const personScopeGuard = fp(async (app: FastifyInstance) => {
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const url = request.routeOptions.url ?? '';
    const level = PERSON_LEVEL_URLS.find((l) => l.pattern.test(url));
    if (!level || !request.user?.currentOrganisationId) return;
    const id = (request.params as { id?: unknown }).id;
    if (typeof id !== 'string' || !UUID.test(id)) return;
    let ps: PersonScope;
    try {
      ps = await personScope(request, 'persons.read');
    } catch {
      return; // no membership or no right: the route answers 404/403 itself
    }
    if (ps.records === 'organisation') return;
    const { db } = request.server.deps;
    let personId: string | undefined = id;
    if (level.table !== 'person') {
      const row = await db
        .selectFrom(level.table)
        .select('person_id')
        .where('organisation_id', '=', ps.organisationId)
        .where('id', '=', id)
        .executeTakeFirst();
      personId = row?.person_id;
    }
    if (personId && !(await personIsInScope(db, ps, personId))) {
      throw notFound(
        level.table === 'person' ? 'Personne' : level.table === 'contract' ? 'Contrat' : 'Présentation',
      );
    }
  });
});
