import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  type PersonRecord,
  type PersonScope,
  requireRecord,
  personScope as scopeOf,
  viewerOf,
} from '../application/person-scope.ts';
import type { Permission } from './access.ts';
import { contextOf } from './use-case-route.ts';
import { UUID_PATTERN } from './uuid.ts';

/**
 * The record scope on persons for the routes (application/person-scope.ts holds the rule): the
 * caller's scope, read once per request and shared with the use case the route calls.
 */
export type { PersonScope };
export { viewerOf };

/** The caller's scope, after checking the person is in it: 404 « Personne » otherwise. */
export const requirePerson = (request: FastifyRequest, permission: Permission, personId: string) =>
  requireRecord(contextOf(request), permission, 'person', personId);

/** Person-level URLs whose `:id` is a person, a contract or a presentation. */
const PERSON_LEVEL_URLS: { pattern: RegExp; table: PersonRecord }[] = [
  { pattern: /^\/api\/persons\/:id(\/|$)/, table: 'person' },
  { pattern: /^\/api\/contracts\/:id(\/|$)/, table: 'contract' },
  { pattern: /^\/api\/presentations\/:id(\/|$)/, table: 'presentation' },
];

/**
 * A safety net under every person-level route, whatever its handler does: before the handler of
 * a route under /api/persons/:id, /api/contracts/:id or /api/presentations/:id, a caller whose
 * scope does not reach the record's person gets 404, as for another organisation's id. (Callers
 * without the permission, or without a membership, are left to the route: 403/404.)
 */
export const personScopeGuard = fp(async (app: FastifyInstance) => {
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const url = request.routeOptions.url ?? '';
    const level = PERSON_LEVEL_URLS.find((l) => l.pattern.test(url));
    if (!level || !request.user?.currentOrganisationId) return;
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
    await requireRecord(ctx, 'persons.read', level.table, id);
  });
});
