import { sql } from '@jobcoach/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { coveredCoaches } from '../absences/queries.ts';
import type { Db } from '../persons/common.ts';
import { can, currentScope, type Scope } from '../persons/scope.ts';
import type { Viewer } from '../privacy/sensitive.ts';
import { type Permission, type RecordScope, recordScope } from './access.ts';
import { AppError, notFound } from './errors.ts';
import { type PersonRecord, referencedIds, referenceField } from './references.ts';
import { UUID_PATTERN } from './uuid.ts';

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

/** Which persons a member reaches besides the organisation rule, read once per request. */
interface CaseloadContext {
  /** The caller and the absent colleagues the caller covers today (jobcoaches only). */
  coachIds: string[];
  sensitive: boolean;
}

const caseloadContexts = new WeakMap<FastifyRequest, Promise<CaseloadContext>>();

async function caseloadContext(db: Db, scope: Scope, today: string): Promise<CaseloadContext> {
  const [covered, sensitive] = await Promise.all([
    scope.role === 'jobcoach' ? coveredCoaches(db, scope.organisationId, scope.userId, today) : [],
    readsSensitive(db, scope),
  ]);
  return { coachIds: [...new Set([scope.userId, ...covered.map((c) => c.coach_id)])], sensitive };
}

/**
 * The caller's scope on persons for `permission` in the current organisation (404/403 as usual).
 * The scope guard below and the route both ask for it: the covered colleagues and the sensitive
 * right are read once per request.
 */
export async function personScope(request: FastifyRequest, permission: Permission): Promise<PersonScope> {
  const scope = await currentScope(request, permission);
  let context = caseloadContexts.get(request);
  if (!context) {
    const { db, clock } = request.server.deps;
    context = caseloadContext(db, scope, clock.today());
    caseloadContexts.set(request, context);
  }
  const { coachIds, sensitive } = await context;
  const records = recordScope(scope.role, permission);
  return { ...scope, records, coachIds: records === 'own_caseload' ? coachIds : [], sensitive };
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

const RECORD_NAMES: Record<PersonRecord, string> = {
  person: 'Personne',
  contract: 'Contrat',
  presentation: 'Présentation',
  document: 'Document',
};
const RECORD_TABLES = {
  contract: 'contract',
  presentation: 'presentation',
  document: 'person_document',
} as const satisfies Record<Exclude<PersonRecord, 'person'>, string>;

/**
 * The answer to a person-level record the caller does not reach, whether it exists elsewhere, in
 * another organisation, or not at all: 404 « Personne introuvable. » (naming the field when the id
 * came in the body or the query string).
 */
export const recordNotFound = (record: PersonRecord, field?: string) =>
  new AppError(404, 'not_found', `${RECORD_NAMES[record]} introuvable.`, field);

/** Whether the record (a person, or a record of a person) is in the scope. */
async function recordInScope(db: Db, ps: PersonScope, record: PersonRecord, id: string): Promise<boolean> {
  if (!UUID_PATTERN.test(id)) return false;
  let personId: string | undefined = id;
  if (record !== 'person') {
    const row = await db
      .selectFrom(RECORD_TABLES[record])
      .select('person_id')
      .where('organisation_id', '=', ps.organisationId)
      .where('id', '=', id)
      .executeTakeFirst();
    personId = row?.person_id;
  }
  return personId !== undefined && (await personIsInScope(db, ps, personId));
}

/** 404 unless the record (a person, or a contract or presentation of a person) is in the scope. */
async function requireRecordInScope(db: Db, ps: PersonScope, record: PersonRecord, id: string) {
  if (!(await recordInScope(db, ps, record, id))) throw notFound(RECORD_NAMES[record]);
}

async function requireRecord(
  request: FastifyRequest,
  permission: Permission,
  table: Exclude<PersonRecord, 'document'>,
  id: string,
) {
  const ps = await personScope(request, permission);
  await requireRecordInScope(request.server.deps.db, ps, table, id);
  return ps;
}

/** The caller's scope, after checking the person is in it: 404 « Personne » otherwise. */
export const requirePerson = (request: FastifyRequest, permission: Permission, personId: string) =>
  requireRecord(request, permission, 'person', personId);

/** Same for a contract: its person must be in the scope (404 « Contrat » otherwise). */
export const requireContract = (request: FastifyRequest, permission: Permission, contractId: string) =>
  requireRecord(request, permission, 'contract', contractId);

/** Same for a presentation (404 « Présentation » otherwise). */
export const requirePresentation = (
  request: FastifyRequest,
  permission: Permission,
  presentationId: string,
) => requireRecord(request, permission, 'presentation', presentationId);

/** Who reads a person's file: the role the transitions are offered for, and the sensitive right. */
export function viewerOf(ps: PersonScope): Viewer {
  return { role: ps.role === 'admin' ? 'coordinator' : ps.role, userId: ps.userId, sensitive: ps.sensitive };
}

/** Person-level URLs whose `:id` is a person, a contract or a presentation. */
const PERSON_LEVEL_URLS: { pattern: RegExp; table: PersonRecord }[] = [
  { pattern: /^\/api\/persons\/:id(\/|$)/, table: 'person' },
  { pattern: /^\/api\/contracts\/:id(\/|$)/, table: 'contract' },
  { pattern: /^\/api\/presentations\/:id(\/|$)/, table: 'presentation' },
];

export interface PersonScopeGuardOptions {
  /**
   * For the test that proves the route enumeration notices a missing check, and nothing else:
   * leaves one reference unchecked, named "<METHOD> <url> <field>".
   */
  uncheckedReference?: string;
}

/**
 * The one layer every person-level route goes through, whatever its handler does, before the
 * handler runs:
 * - a route under /api/persons/:id, /api/contracts/:id or /api/presentations/:id: the record is
 *   looked up and a caller whose scope does not reach its person gets 404 « Personne
 *   introuvable. », as for another organisation's id. A route added later is covered by its URL.
 *   (Callers without the permission, or without a membership, are left to the route: 403/404.)
 * - every id of a person, contract, presentation or document in the body or the query string (the
 *   route's `references`, found from its schema by http/references.ts): the same lookup, and for an
 *   id the caller does not reach (an unknown one, another organisation's, a colleague's person
 *   outside the caseload) one same answer, 404 naming the field; a caller who may not read
 *   persons at all gets the 403 of their role, whatever the id. The route never sees such an id,
 *   so none of its answers (a conflict, a warning about a discreet follow-up) can tell anything
 *   about that person. A field added later is covered by its name.
 */
export const personScopeGuard = fp<PersonScopeGuardOptions>(async (app: FastifyInstance, options) => {
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!request.user) return;
    const url = request.routeOptions.url ?? '';
    const level = PERSON_LEVEL_URLS.find((l) => l.pattern.test(url));
    if (level && request.user.currentOrganisationId) await checkUrlRecord(request, level.table);
    const references = request.routeOptions.config.references ?? [];
    for (const ref of references) {
      const field = referenceField(ref);
      if (options.uncheckedReference === `${request.method} ${url} ${field}`) continue;
      const source = ref.location === 'body' ? request.body : request.query;
      for (const id of referencedIds(source, ref.path)) {
        await checkReferencedRecord(request, ref.record, id, field);
      }
    }
  });
});

async function checkUrlRecord(request: FastifyRequest, table: PersonRecord) {
  const id = (request.params as { id?: unknown }).id;
  if (typeof id !== 'string' || !UUID_PATTERN.test(id)) return;
  let ps: PersonScope;
  try {
    ps = await personScope(request, 'persons.read');
  } catch {
    return; // no membership or no right: the route answers 404/403 itself
  }
  if (ps.records === 'organisation') return;
  await requireRecordInScope(request.server.deps.db, ps, table, id);
}

async function checkReferencedRecord(
  request: FastifyRequest,
  record: PersonRecord,
  id: unknown,
  field: string,
) {
  // A caller who may not read persons (403) or has no membership (404) is refused as such, whatever
  // the id: the answer says nothing about the record either.
  const ps = await personScope(request, 'persons.read');
  if (typeof id !== 'string' || !(await recordInScope(request.server.deps.db, ps, record, id))) {
    throw recordNotFound(record, field);
  }
}
