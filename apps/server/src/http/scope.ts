import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../application/errors.ts';
import {
  type PersonScope,
  type PersonRecord as PersonTable,
  recordIsInScope,
  recordName,
  requireRecord,
  personScope as scopeOf,
  viewerOf,
} from '../application/person-scope.ts';
import { UUID_PATTERN } from '../application/uuid.ts';
import type { Permission } from './access.ts';
import { type PersonRecord, referencedIds, referenceField } from './references.ts';
import { contextOf } from './use-case-route.ts';

/**
 * The record scope on persons at the HTTP edge (application/person-scope.ts holds the rule): the
 * caller's scope is read once per request and shared with the use case the route calls.
 */
export type { PersonScope };
export { viewerOf };

/** The caller's scope, after checking the person is in it: 404 « Personne » otherwise. */
export const requirePerson = (request: FastifyRequest, permission: Permission, personId: string) =>
  requireRecord(contextOf(request), permission, 'person', personId);

/** The table behind each kind of person-level record. */
const TABLES: Record<PersonRecord, PersonTable> = {
  person: 'person',
  contract: 'contract',
  presentation: 'presentation',
  document: 'person_document',
};

/**
 * The answer to a person-level record the caller does not reach, whether it exists elsewhere, in
 * another organisation, or not at all: 404 « Personne introuvable. » (naming the field when the id
 * came in the body or the query string).
 */
export const recordNotFound = (record: PersonRecord, field?: string) =>
  new AppError(404, 'not_found', `${recordName(TABLES[record])} introuvable.`, field);

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
 * A safety net under every person-level route, whatever its handler and use case do, before the
 * handler runs:
 * - a route under /api/persons/:id, /api/contracts/:id or /api/presentations/:id: a caller whose
 *   scope does not reach the record's person gets 404, as for another organisation's id. (Callers
 *   without the permission, or without a membership, are left to the route: 403/404.)
 * - every id of a person, contract, presentation or document in the body or the query string (the
 *   route's `references`, found from its schema by http/references.ts): for an id the caller does
 *   not reach (unknown, another organisation's, a colleague's person outside the caseload) one
 *   same answer, 404 naming the field; a caller who may not read persons at all gets the 403 of
 *   their role. The route never sees such an id, so none of its answers (a conflict, a warning
 *   about a discreet follow-up) can tell anything about that person.
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

async function checkUrlRecord(request: FastifyRequest, record: PersonRecord) {
  const id = (request.params as { id?: unknown }).id;
  if (typeof id !== 'string' || !UUID_PATTERN.test(id)) return;
  const ctx = contextOf(request);
  let ps: PersonScope;
  try {
    ps = await scopeOf(ctx, 'persons.read');
  } catch {
    return; // no membership or no right: the route answers 404/403 itself
  }
  if (ps.records === 'organisation') return;
  await requireRecord(ctx, 'persons.read', TABLES[record], id);
}

async function checkReferencedRecord(
  request: FastifyRequest,
  record: PersonRecord,
  id: unknown,
  field: string,
) {
  // A caller who may not read persons (403) or has no membership (404) is refused as such, whatever
  // the id: the answer says nothing about the record either.
  const ctx = contextOf(request);
  const ps = await scopeOf(ctx, 'persons.read');
  if (typeof id !== 'string' || !(await recordIsInScope(ctx, ps, TABLES[record], id))) {
    throw recordNotFound(record, field);
  }
}
