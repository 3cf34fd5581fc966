import type { MembershipRole, Phase, TransitionId } from '@jobcoach/domain';
import { Context } from '../application/context.ts';
import type { Db } from './common.ts';
import { moveTrajectory } from './use-cases/move-trajectory.ts';

/** A move of a person's trajectory by code that holds a raw transaction (the presentations routes). */
export interface TransitionRequest {
  organisationId: string;
  personId: string;
  userId: string;
  role: MembershipRole;
  today: string;
  now: Date;
  transitionId: TransitionId;
  fields: Record<string, unknown>;
  version?: number;
  fieldPrefix?: string;
  contractId?: string;
  detail?: string;
}

/** Applies one transition in the caller's transaction, through the trajectory's use case. */
export async function applyTransition(trx: Db, r: TransitionRequest): Promise<{ from: Phase; to: Phase }> {
  const ctx = Context.within(
    trx,
    r.organisationId,
    { userId: r.userId, role: r.role, clientAddress: null },
    { today: r.today, now: r.now },
  );
  const { from, to } = await moveTrajectory(ctx, {
    personId: r.personId,
    transitionId: r.transitionId,
    fields: r.fields,
    ...(r.version !== undefined ? { version: r.version } : {}),
    ...(r.fieldPrefix !== undefined ? { fieldPrefix: r.fieldPrefix } : {}),
    ...(r.contractId !== undefined ? { contractId: r.contractId } : {}),
    ...(r.detail !== undefined ? { detail: r.detail } : {}),
  });
  return { from, to };
}
