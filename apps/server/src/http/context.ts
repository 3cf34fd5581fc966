import type { Database, Kysely, Transaction } from '@jobcoach/db';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { appendAudit } from '../application/audit.ts';
import type { AppDatabase } from '../application/database.ts';
import { findSession, SESSION_COOKIE, type SessionUser } from '../auth/sessions.ts';
import { safeEqual } from '../auth/tokens.ts';
import type { Backups } from '../backup/service.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { ImportRunners } from '../imports/runners.ts';
import type { Mailer } from '../mail/transport.ts';
import { AppError, forbidden, totpEnrolmentRequired } from './errors.ts';
import { type RecordReference, recordReferences } from './references.ts';

/**
 * Who may call a route:
 * - public: anyone;
 * - account: a logged-in user, even one who must still change a temporary password or enrol a
 *   second factor (the routes that let them do so, and logout);
 * - session: a logged-in user who has no pending password change;
 * - admin: the installation's administrator.
 * Finer rules (role in an organisation) are checked by the route through access.ts.
 */
export type Access = 'public' | 'account' | 'session' | 'admin';

export interface AuditSpec {
  action: string;
  entity: string;
}

/** What a mutating route tells the audit log about the change it made. */
export interface AuditContext {
  entityId: string | null;
  organisationId: string | null;
  details: Record<string, unknown> | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    audit?: AuditSpec;
    /**
     * The person-level records the route's body and query name (http/references.ts): found from
     * its schema at start-up, never declared by hand; checked before the handler (http/scope.ts).
     */
    references?: RecordReference[];
  }
  interface FastifyRequest {
    user: SessionUser | null;
    audited: boolean;
  }
  interface FastifyInstance {
    /** Every API route as declared: method, URL and its access and audit configuration. */
    routeTable: RouteEntry[];
    deps: {
      /** The pool, unscoped: only for the import jobs' advisory locks (imports/runners.ts). */
      db: Kysely<Database>;
      /** The application's database: scoped per organisation, or across for a stated reason. */
      database: AppDatabase;
      clock: Clock;
      config: Config;
      driver: 'pglite' | 'postgres';
      /** The import jobs this process runs, and whether another's are alive (imports/runners.ts). */
      importRunners: ImportRunners;
      /** The embedded database's backups (backup/service.ts). */
      backups: Backups;
      /** SMTP, when SMTP_URL is set (mail/transport.ts); without it the outbox only fills. */
      mailer: Mailer | null;
    };
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
  audit: AuditSpec | undefined;
  schema: RouteOptions['schema'];
  /** The person-level records named in its body or query string, each checked against the scope. */
  references: RecordReference[];
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isMutating(method: RouteOptions['method']): boolean {
  const methods = Array.isArray(method) ? method : [method];
  return methods.some((m) => MUTATING.has(String(m).toUpperCase()));
}

export async function writeAudit(
  db: Kysely<Database> | Transaction<Database>,
  request: FastifyRequest,
  spec: AuditSpec,
  ctx: Partial<AuditContext>,
) {
  await appendAudit(db, {
    at: request.server.deps.clock.now(),
    actor_id: request.user?.userId ?? null,
    organisation_id: ctx.organisationId ?? request.user?.currentOrganisationId ?? null,
    action: spec.action,
    entity: spec.entity,
    entity_id: ctx.entityId ?? null,
    client_address: request.ip,
    details: ctx.details ? JSON.stringify(ctx.details) : null,
  });
}

export const requestContext = fp(async (app: FastifyInstance) => {
  // Every API route declares who may call it, and every state-changing route declares what it
  // writes to the audit log: a route without them is refused at start-up. So is a route whose body
  // or query holds an id field of a kind http/references.ts does not know.
  app.decorate('routeTable', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access`);
    if (isMutating(route.method) && !route.config.audit) {
      throw new Error(`route ${route.method} ${route.url} changes state without an audit entry`);
    }
    const references = recordReferences(route.schema, `route ${route.method} ${route.url}`);
    route.config.references = references;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.routeTable.push({
        method,
        url: route.url,
        access: route.config.access,
        audit: route.config.audit,
        schema: route.schema,
        references,
      });
    }
  });

  app.decorateRequest('user', null);
  app.decorateRequest('audited', false);
  // Authentication comes first, before the body is parsed or validated: a caller without a
  // session learns nothing about a route's input.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const access = request.routeOptions.config?.access;
    if (!access) return; // static files and the API docs
    const { database, clock, config } = request.server.deps;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      // A session is the account's, whichever organisation it is in.
      request.user = await findSession(
        database.acrossOrganisations('account'),
        token,
        { now: clock.now(), today: clock.today() },
        {
          idleMinutes: config.sessionIdleMinutes,
          absoluteHours: config.sessionAbsoluteHours,
        },
      );
    }
    if (access === 'public') {
      // Without a session, only JSON bodies are accepted (see the content-type parser): a
      // cross-site form cannot send one without a CORS preflight, which is never granted.
      if (request.user && MUTATING.has(request.method)) checkCsrf(request);
      return;
    }
    if (!request.user) throw new AppError(401, 'unauthenticated', 'Veuillez vous connecter.');
    if (MUTATING.has(request.method)) checkCsrf(request);
    if (access !== 'account' && request.user.mustChangePassword) {
      throw new AppError(
        403,
        'password_change_required',
        'Vous devez d’abord changer votre mot de passe temporaire.',
      );
    }
    // The current organisation's requirement (auth/sessions.ts); another organisation's is checked
    // when a route names it (http/access.ts).
    if (access !== 'account' && request.user.mustEnrolTotp) throw totpEnrolmentRequired();
    if (access === 'admin' && !request.user.isAdmin) throw forbidden();
  });

  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    if (
      MUTATING.has(request.method) &&
      reply.statusCode < 400 &&
      request.routeOptions.config?.audit &&
      !request.audited
    ) {
      request.log.error(
        { route: request.routeOptions.url },
        'state-changing request answered without an audit entry',
      );
    }
  });
});

function checkCsrf(request: FastifyRequest) {
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || !request.user || !safeEqual(header, request.user.csrfToken)) {
    throw new AppError(403, 'csrf', 'Jeton de sécurité (CSRF) manquant ou invalide : rechargez la page.');
  }
}
