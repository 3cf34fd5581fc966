import { sql } from '@jobcoach/db';
import {
  addDays,
  type CoachabilityDecision,
  checkTransition,
  effectsOf,
  isIsoDate,
  type Phase,
  type TrajectoryFacts,
  type TransitionId,
  type TransitionInput,
} from '@jobcoach/domain';
import type { Context } from '../../application/context.ts';
import type { Db } from '../../application/database.ts';
import { AppError, notFound, staleVersion } from '../../application/errors.ts';
import { trajectoryRole } from '../../application/person-scope.ts';
import { contractsOf, openContractsOf } from '../../contracts/queries.ts';
import { assertNotFuture } from '../common.ts';
import { loadPersonFile, transitionOptions } from '../file.ts';
import { lockPerson } from '../queries.ts';

/** A move of a person's trajectory, as the transitions route, the contracts and presentations make it. */
export interface MoveRequest {
  personId: string;
  transitionId: TransitionId;
  /** The transition's fields (date, required fields, reasonDetail…), checked by the domain. */
  fields: Readonly<Record<string, unknown>>;
  /** When given, the person's version must still be this one (409 stale_version otherwise). */
  version?: number;
  /** Prefix of the field named in a 400 (the transitions route names `fields.<name>`). */
  fieldPrefix?: string;
  /**
   * The contract that makes this move (contracts/): recorded on the event, and a follow-up it
   * opens is backed by that contract, so no hand-entered employment period is added.
   */
  contractId?: string;
  /** Free text shown on the timeline when the fields carry no reasonDetail. */
  detail?: string;
}

/** The facts the transition guards read (domain trajectory.ts), on `day`. */
export async function trajectoryFacts(
  db: Db,
  organisationId: string,
  person: { id: string; pre_hire_entry: string | null },
  day: string,
): Promise<TrajectoryFacts & { openContractIds: string[] }> {
  const [assessment, contracts] = await Promise.all([
    db
      .selectFrom('coachability_assessment')
      .select('decision')
      .where('person_id', '=', person.id)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    contractsOf(db, organisationId, person.id),
  ]);
  const open = openContractsOf(contracts, day);
  return {
    assessmentDecision: (assessment?.decision as CoachabilityDecision | undefined) ?? null,
    preHireEntry: person.pre_hire_entry,
    openContracts: open.map((c) => c.label),
    openContractIds: open.map((c) => c.id),
  };
}

/**
 * Applies one transition in the context's transaction: locks the person, checks the move with the
 * domain's checkTransition (the table, its guards on the person's facts, the fields), carries out
 * the effects the domain names for it, appends the trajectory event and moves the person's phase,
 * phase start and version.
 */
export async function moveTrajectory(
  ctx: Context,
  r: MoveRequest,
): Promise<{ from: Phase; to: Phase; input: TransitionInput }> {
  const db = ctx.db;
  const prefix = r.fieldPrefix ?? 'fields.';
  const role = trajectoryRole(ctx.role);
  const person = await lockPerson(db, ctx.organisationId, r.personId);
  if (!person) throw notFound('Personne');
  if (r.version !== undefined && person.version !== r.version) {
    throw staleVersion(await loadPersonFile(db, ctx.organisationId, r.personId, role, ctx.today));
  }
  const from = person.phase as Phase;
  const day = isIsoDate(r.fields.date) ? r.fields.date : ctx.today;
  const facts = {
    ...(await trajectoryFacts(db, ctx.organisationId, person, day)),
    byContract: r.contractId !== undefined,
  };
  const check = checkTransition({
    from,
    transitionId: r.transitionId,
    role,
    fields: r.fields,
    facts,
    today: ctx.today,
    phaseStart: person.phase_since,
  });
  if (!check.ok) {
    switch (check.code) {
      case 'not_allowed':
        throw new AppError(409, 'transition_not_allowed', check.message, undefined, {
          allowed: transitionOptions(from, role, facts),
        });
      case 'guard':
        if (check.guard === 'coachable') throw new AppError(409, 'not_coachable', check.message);
        throw new AppError(409, 'conflict', check.message, undefined, { contractIds: facts.openContractIds });
      default:
        throw new AppError(400, 'validation', check.message, `${prefix}${check.field}`);
    }
  }
  const { input } = check;
  const date = input.fields.date;
  const changes: { pre_hire_entry?: string; trust_contract_signed_on?: string } = {};
  for (const effect of effectsOf(input, { byContract: r.contractId !== undefined })) {
    switch (effect) {
      case 'trust_contract': {
        if (input.transitionId !== 'enter_pre_hire') break;
        const signedOn = input.fields.trustContractSignedOn;
        assertNotFuture(`${prefix}trustContractSignedOn`, signedOn, ctx.today);
        // The clocks start at the first entry; a return to pre-hire keeps it (CDDs push the deadline).
        changes.pre_hire_entry = person.pre_hire_entry ?? date;
        changes.trust_contract_signed_on = signedOn;
        if (person.trust_contract_signed_on !== signedOn) {
          await db
            .insertInto('person_document')
            .values({
              organisation_id: ctx.organisationId,
              person_id: r.personId,
              kind: 'trust_contract',
              dated_on: signedOn,
              author_id: ctx.actor.userId,
              created_at: ctx.now,
            })
            .execute();
        }
        break;
      }
      case 'employment_period': {
        if (input.transitionId !== 'start_follow_up') break;
        await db
          .insertInto('employment_period')
          .values({
            organisation_id: ctx.organisationId,
            person_id: r.personId,
            kind: input.fields.contractKind,
            start_on: input.fields.contractStart,
            end_on: input.fields.contractEnd ?? null,
            created_by: ctx.actor.userId,
            created_at: ctx.now,
          })
          .execute();
        break;
      }
      case 'close_employment_periods':
        // Back in pre-hire, a hand-entered period still open ended the day before.
        await db
          .updateTable('employment_period')
          .set({ end_on: sql<string>`greatest(start_on, ${addDays(date, -1)}::date)` })
          .where('person_id', '=', r.personId)
          .where('end_on', 'is', null)
          .where('start_on', '<=', date)
          .execute();
        break;
      case 'end_letter':
        // The coach stays available for the long term and says so to the person (method.md §4).
        await db
          .insertInto('person_document')
          .values({
            organisation_id: ctx.organisationId,
            person_id: r.personId,
            kind: 'end_letter',
            dated_on: date,
            author_id: ctx.actor.userId,
            created_at: ctx.now,
          })
          .execute();
        break;
    }
  }
  const recorded: Record<string, unknown> = { ...input.fields };
  if (r.contractId !== undefined) recorded.contractId = r.contractId;
  const reason =
    input.transitionId === 'return_to_pre_hire'
      ? input.fields.returnReason
      : input.transitionId === 'exit'
        ? input.fields.exitReason
        : null;
  const reasonDetail =
    input.transitionId === 'return_to_pre_hire' || input.transitionId === 'exit'
      ? input.fields.reasonDetail
      : undefined;
  await db
    .insertInto('trajectory_event')
    .values({
      organisation_id: ctx.organisationId,
      person_id: r.personId,
      actor_id: ctx.actor.userId,
      at: ctx.now,
      date,
      transition_id: input.transitionId,
      from_phase: from,
      to_phase: check.to,
      reason,
      detail: reasonDetail ?? r.detail?.slice(0, 2000) ?? null,
      fields: JSON.stringify(recorded),
    })
    .execute();
  await db
    .updateTable('person')
    .set((eb) => ({
      ...changes,
      phase: check.to,
      phase_since: date,
      version: eb('version', '+', 1),
      updated_at: ctx.now,
    }))
    .where('id', '=', r.personId)
    .execute();
  return { from, to: check.to, input };
}
