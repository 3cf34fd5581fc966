import type { MembershipRole } from '@jobcoach/domain';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Context } from '../application/context.ts';
import { AppError, notFound, totpEnrolmentRequired } from '../application/errors.ts';
import { execute, type UseCase } from '../application/use-case.ts';

/**
 * Routes are thin adapters: parse (the route's zod schemas), call one use case with the caller's
 * context, and let the error handler (errors.ts) map its failure to HTTP.
 */

const contexts = new WeakMap<FastifyRequest, Context>();

function signedIn(request: FastifyRequest) {
  const user = request.user;
  if (!user) throw new AppError(401, 'unauthenticated', 'Veuillez vous connecter.');
  return user;
}

/**
 * The caller's context in their current organisation (Me.currentOrganisationId), made once per
 * request: the role was read with the session, so no further query is needed.
 */
export function contextOf(request: FastifyRequest): Context {
  let ctx = contexts.get(request);
  if (!ctx) {
    const user = signedIn(request);
    const organisationId = user.currentOrganisationId;
    if (!organisationId) throw new AppError(403, 'forbidden', 'Choisissez d’abord une organisation.');
    const role = user.isAdmin ? 'admin' : (user.currentRole as MembershipRole | null);
    ctx = Context.create(request.server.deps, organisationId, {
      userId: user.userId,
      role,
      clientAddress: request.ip,
      ...(user.currentCaseload ? { caseload: user.currentCaseload } : {}),
    });
    contexts.set(request, ctx);
  }
  return ctx;
}

/**
 * The caller's context in an organisation named by the request (e.g. /api/organisations/:id):
 * the current one as above, another one with the caller's membership there read now (none: 404).
 */
export async function contextIn(request: FastifyRequest, organisationId: string): Promise<Context> {
  const user = signedIn(request);
  if (organisationId === user.currentOrganisationId) return contextOf(request);
  const { database, clock } = request.server.deps;
  const db = database.acrossOrganisations('account');
  let role: MembershipRole | 'admin' | null;
  if (user.isAdmin) {
    const exists = await db
      .selectFrom('organisation')
      .select('id')
      .where('id', '=', organisationId)
      .executeTakeFirst();
    if (!exists) throw notFound('Organisation');
    role = 'admin';
  } else {
    const membership = await db
      .selectFrom('membership as m')
      .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
      .select(['m.role', 'o.require_totp'])
      .where('m.organisation_id', '=', organisationId)
      .where('m.user_id', '=', user.userId)
      .where('m.active', '=', true)
      .executeTakeFirst();
    // An organisation's second-factor requirement binds the work done in it, whichever
    // organisation the session is in (the current one's was checked with the session).
    if (membership?.require_totp && !user.totpEnabled) throw totpEnrolmentRequired();
    role = (membership?.role as MembershipRole | undefined) ?? null;
  }
  return Context.create({ database, clock }, organisationId, {
    userId: user.userId,
    role,
    clientAddress: request.ip,
  });
}

/** Runs one use case for the request, in the caller's current organisation. */
export async function run<S extends z.ZodType, O>(
  request: FastifyRequest,
  useCase: UseCase<S, O>,
  input: z.output<S>,
  ctx: Context = contextOf(request),
): Promise<O> {
  const result = await execute(ctx, useCase, input);
  if (useCase.audit) request.audited = true;
  return result;
}
