import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../application/errors.ts';
import {
  executeForInstallation,
  InstallationContext,
  type InstallationUseCase,
} from '../application/installation.ts';

/**
 * Runs a use case that belongs to no organisation (application/installation.ts) for the request:
 * who acts is the signed-in user, as the installation administrator or as nobody in particular;
 * the database and the clock are the server's.
 */
export async function runForInstallation<S extends z.ZodType, O>(
  request: FastifyRequest,
  useCase: InstallationUseCase<S, O>,
  input: z.output<S>,
): Promise<O> {
  const user = request.user;
  if (!user) throw new AppError(401, 'unauthenticated', 'Veuillez vous connecter.');
  const { database, clock } = request.server.deps;
  const ctx = InstallationContext.create(
    { database, clock },
    { userId: user.userId, role: user.isAdmin ? 'admin' : null, clientAddress: request.ip },
  );
  const result = await executeForInstallation(ctx, useCase, input);
  if (useCase.audit) request.audited = true;
  return result;
}

/**
 * Runs a use case on the caller's account for the request (auth/, setup/, the audit log): the
 * caller and their session when there is one (a public route such as the sign-in or the first-run
 * setup may have none), so that an entry in the audit log that names no organisation belongs to
 * the session's current one.
 */
export async function runForAccount<S extends z.ZodType, O>(
  request: FastifyRequest,
  useCase: InstallationUseCase<S, O>,
  input: z.output<S>,
): Promise<O> {
  const user = request.user;
  const { database, clock } = request.server.deps;
  const ctx = InstallationContext.create(
    { database, clock },
    {
      userId: user?.userId ?? null,
      role: user?.isAdmin ? 'admin' : null,
      clientAddress: request.ip,
    },
    user
      ? {
          hash: user.sessionHash,
          csrfToken: user.csrfToken,
          currentOrganisationId: user.currentOrganisationId,
          email: user.email,
        }
      : null,
  );
  const result = await executeForInstallation(ctx, useCase, input);
  if (useCase.audit) request.audited = true;
  return result;
}
