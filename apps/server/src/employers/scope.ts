import type { FastifyRequest } from 'fastify';
import type { Permission } from '../http/access.ts';
import type { ErrorCode } from '../http/errors.ts';
import type { Db } from '../persons/common.ts';
import { currentScope, type Scope } from '../persons/scope.ts';

/** The caller's current organisation (persons/scope.ts) and the employment basin it belongs to. */
export interface BasinScope extends Scope {
  basinId: string;
}

export async function basinScope(request: FastifyRequest, permission: Permission): Promise<BasinScope> {
  const scope = await currentScope(request, permission);
  const org = await request.server.deps.db
    .selectFrom('organisation')
    .select('basin_id')
    .where('id', '=', scope.organisationId)
    .executeTakeFirstOrThrow();
  return { ...scope, basinId: org.basin_id };
}

/** The basin of an organisation. */
export async function basinOf(db: Db, organisationId: string): Promise<string> {
  const org = await db
    .selectFrom('organisation')
    .select('basin_id')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return org.basin_id;
}

/** Error codes of this capability's contract (docs/api.md), as listed in http/errors.ts. */
export const CODES = {
  duplicateEmployer: 'duplicate_employer',
  basinOverlap: 'basin_overlap',
  presentationCap: 'presentation_cap',
  stepNotAllowed: 'step_not_allowed',
  transitionNotAllowed: 'transition_not_allowed',
} as const satisfies Record<string, ErrorCode>;
