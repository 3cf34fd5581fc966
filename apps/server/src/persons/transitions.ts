import { sql } from '@jobcoach/db';
import {
  addDays,
  checkTransition,
  type MembershipRole,
  type Phase,
  TRANSITION_FIELD_LABELS,
  type TransitionId,
} from '@jobcoach/domain';
import { openContractsOn } from '../contracts/queries.ts';
import { AppError, notFound, staleVersion } from '../http/errors.ts';
import { assertNotFuture, type Db } from './common.ts';
import { loadPersonFile, transitionOptions } from './file.ts';
import { lockPerson } from './queries.ts';

/** A move of a person's trajectory, as the transitions route and the contracts make it. */
export interface TransitionRequest {
  organisationId: string;
  personId: string;
  userId: string;
  role: MembershipRole;
  today: string;
  now: Date;
  transitionId: TransitionId;
  /** The transition's fields (date, required fields, reasonDetail…), checked by the domain. */
  fields: Record<string, unknown>;
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
  /**
   * Refuse a return to pre-hire while a contract is still open on that day (no end recorded):
   * its end is recorded on the contract, which applies the return itself (contracts/).
   */
  refuseOpenContracts?: boolean;
}

/**
 * Applies one transition in the caller's transaction, exactly as POST /api/persons/:id/transitions
 * does: locks the person, checks the move with the domain's checkTransition, applies its effects
 * (pre-hire entry and trust contract, the hand-entered employment period of a follow-up, closing
 * open periods on a return, the end-of-coaching letter of a consolidated insertion), appends the
 * trajectory event and moves the person's phase, phase start and version.
 */
export async function applyTransition(trx: Db, r: TransitionRequest): Promise<{ from: Phase; to: Phase }> {
  const { organisationId: orgId, personId: id, transitionId, fields, role, today, now } = r;
  const prefix = r.fieldPrefix ?? 'fields.';
  const person = await lockPerson(trx, orgId, id);
  if (!person) throw notFound('Personne');
  if (r.version !== undefined && person.version !== r.version) {
    throw staleVersion(await loadPersonFile(trx, orgId, id, role, today));
  }
  const from = person.phase as Phase;
  const check = checkTransition({
    from,
    transitionId,
    role,
    fields,
    today,
    phaseStart: person.phase_since,
  });
  if (!check.ok) {
    if (check.code === 'not_allowed') {
      throw new AppError(409, 'transition_not_allowed', check.message, undefined, {
        allowed: transitionOptions(from, role),
      });
    }
    throw new AppError(400, 'validation', check.message, `${prefix}${check.field}`);
  }
  const date = fields.date as string;
  if (transitionId === 'return_to_pre_hire' && r.refuseOpenContracts) {
    const open = await openContractsOn(trx, orgId, id, date);
    if (open.length > 0) {
      const which = open.map((c) => `« ${c.job_title} » chez ${c.employer_name}`).join(', ');
      throw new AppError(
        409,
        'conflict',
        `Un contrat est encore en cours (${which}) : enregistrez d’abord sa fin (date et motif) sur le contrat, ce qui ramène la personne en pré-embauche.`,
        undefined,
        { contractIds: open.map((c) => c.id) },
      );
    }
  }
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : null);
  const changes: Record<string, unknown> = {};
  if (transitionId === 'enter_pre_hire') {
    // The method admits to pre-hire only a person assessed coachable (method.md §3).
    const assessment = await trx
      .selectFrom('coachability_assessment')
      .select('decision')
      .where('person_id', '=', id)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (person.pre_hire_entry === null && assessment?.decision !== 'accepted') {
      throw new AppError(
        409,
        'not_coachable',
        "La personne ne peut entrer en pré-embauche qu'après une évaluation de coachabilité qui l'accepte.",
      );
    }
    const signedOn = text('trustContractSignedOn')!;
    assertNotFuture(`${prefix}trustContractSignedOn`, signedOn, today);
    // The clocks start at the first entry; a return to pre-hire keeps it (CDDs push the deadline).
    changes.pre_hire_entry = person.pre_hire_entry ?? date;
    changes.trust_contract_signed_on = signedOn;
    if (person.trust_contract_signed_on !== signedOn) {
      await trx
        .insertInto('person_document')
        .values({
          organisation_id: orgId,
          person_id: id,
          kind: 'trust_contract',
          dated_on: signedOn,
          author_id: r.userId,
          created_at: now,
        })
        .execute();
    }
  } else if (transitionId === 'start_follow_up' && r.contractId === undefined) {
    await trx
      .insertInto('employment_period')
      .values({
        organisation_id: orgId,
        person_id: id,
        kind: text('contractKind')!,
        start_on: text('contractStart')!,
        end_on: text('contractEnd'),
        created_by: r.userId,
        created_at: now,
      })
      .execute();
  } else if (transitionId === 'return_to_pre_hire') {
    // Back in pre-hire, a hand-entered period still open ended the day before.
    const lastDay = addDays(date, -1);
    await trx
      .updateTable('employment_period')
      .set({ end_on: sql<string>`greatest(start_on, ${lastDay}::date)` })
      .where('person_id', '=', id)
      .where('end_on', 'is', null)
      .where('start_on', '<=', date)
      .execute();
  } else if (transitionId === 'exit' && text('exitReason') === 'consolidated_insertion') {
    // Consolidated insertion closes the follow-up with the end-of-coaching letter (method.md §4):
    // the coach stays available for the long term and says so to the person.
    await trx
      .insertInto('person_document')
      .values({
        organisation_id: orgId,
        person_id: id,
        kind: 'end_letter',
        dated_on: date,
        author_id: r.userId,
        created_at: now,
      })
      .execute();
  }
  const recorded: Record<string, unknown> = Object.fromEntries(
    Object.entries(fields).filter(([key]) => key in TRANSITION_FIELD_LABELS),
  );
  if (r.contractId !== undefined) recorded.contractId = r.contractId;
  await trx
    .insertInto('trajectory_event')
    .values({
      organisation_id: orgId,
      person_id: id,
      actor_id: r.userId,
      at: now,
      date,
      transition_id: transitionId,
      from_phase: from,
      to_phase: check.to,
      reason: text('returnReason') ?? text('exitReason'),
      detail: text('reasonDetail') ?? r.detail?.slice(0, 2000) ?? null,
      fields: JSON.stringify(recorded),
    })
    .execute();
  await trx
    .updateTable('person')
    .set((eb) => ({
      ...changes,
      phase: check.to,
      phase_since: date,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('organisation_id', '=', orgId)
    .execute();
  return { from, to: check.to };
}
