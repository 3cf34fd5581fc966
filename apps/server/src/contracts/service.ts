import type { ArrangementFields, ContractInput, ContractPatch } from '@jobcoach/contract';
import { sql } from '@jobcoach/db';
import {
  addDays,
  brusselsDate,
  CONTINUING_END_REASONS,
  CONTRACT_END_REASON_LABELS,
  CONTRACT_TYPE_SHORT_LABELS,
  type ContractEndReason,
  cancelContractMoves,
  compareDates,
  employmentKindOf,
  type FieldError,
  isEmploymentContract,
  isRunningOn,
  maxDate,
  mayCorrect,
  PHASE_LABELS,
  type Phase,
  returnDate,
  signingEffect,
  successorOf,
  trajectoryEffectOfEnd,
  validateArrangement,
  validateContract,
  validateCorrectionReason,
} from '@jobcoach/domain';
import type { Context } from '../application/context.ts';
import { AppError, invalid, notFound, staleVersion } from '../application/errors.ts';
import { frenchDate, loggedMove } from '../persons/common.ts';
import { lockPerson } from '../persons/queries.ts';
import { moveTrajectory } from '../persons/use-cases/move-trajectory.ts';
import {
  findContract,
  loadContractSettings,
  lockContract,
  toContractView,
  toDomainContract,
} from './queries.ts';

/*
 * What contracts do, in the context's transaction: the use cases (use-cases/contracts.ts) and the
 * demo seed call these, so that a demo contract has exactly the effects of one signed through the
 * API. The trajectory moves they make go through the trajectory's own use case (moveTrajectory).
 */

/** The first domain error as a 400 naming its field (French message). */
export function refuse(errors: FieldError[], prefix = ''): void {
  const [first] = errors;
  if (first) throw new AppError(400, 'validation', first.message, `${prefix}${first.field}`);
}

export function checkArrangement(a: ArrangementFields, today: string, prefix = '') {
  refuse(
    validateArrangement(
      {
        mode: a.mode,
        threeWayReason: a.threeWayReason ?? null,
        discreet: a.discreet,
        consentOn: a.consentOn ?? null,
        frequency: a.frequency && a.frequency.length > 0 ? a.frequency : null,
      },
      today,
    ),
    prefix,
  );
}

function arrangementColumns(a: ArrangementFields) {
  return {
    reference_name: a.reference?.name ?? null,
    reference_role: a.reference?.role ?? null,
    reference_phone: a.reference?.phone ?? null,
    reference_email: a.reference?.email ?? null,
    mode: a.mode,
    three_way_reason: a.mode === 'three_way' ? (a.threeWayReason ?? null) : null,
    three_way_detail: a.mode === 'three_way' ? (a.threeWayDetail ?? null) : null,
    frequency: a.frequency && a.frequency.length > 0 ? JSON.stringify(a.frequency) : null,
    consent_on: a.consentOn ?? null,
    discreet: a.discreet,
    notes: a.notes ?? null,
  };
}

/** An employer of the registry of the organisation's basin, or undefined. */
function employerOfBasin(ctx: Context, employerId: string) {
  return ctx.db
    .selectFrom('employer as e')
    .innerJoin('organisation as o', 'o.basin_id', 'e.basin_id')
    .select(['e.id', 'e.name', 'e.status'])
    .where('o.id', '=', ctx.organisationId)
    .where('e.id', '=', employerId)
    .executeTakeFirst();
}

/** A change to a contract cancelled as entered by mistake: refused, it stays as it was. */
function cancelledConflict(row: { cancelled_at: Date | null; cancellation_reason: string | null }) {
  const on = row.cancelled_at ? frenchDate(brusselsDate(new Date(row.cancelled_at))) : '';
  return new AppError(
    409,
    'conflict',
    `Ce contrat a été annulé le ${on} (motif « ${row.cancellation_reason ?? ''} ») : il ne se modifie plus et ne s’annule qu’une fois.`,
  );
}

/**
 * Finds the contract's person and locks it, then the contract (the order every writer keeps). A
 * contract cancelled as entered by mistake is not changed any more (409).
 */
async function lockBoth(ctx: Context, contractId: string) {
  const found = await ctx.db
    .selectFrom('contract')
    .select('person_id')
    .where('id', '=', contractId)
    .executeTakeFirst();
  if (!found) throw notFound('Contrat');
  const person = await lockPerson(ctx.db, ctx.organisationId, found.person_id);
  if (!person) throw notFound('Contrat');
  const contract = (await lockContract(ctx.db, ctx.organisationId, contractId))!;
  if (contract.cancelled_at !== null) throw cancelledConflict(contract);
  return { person, contract };
}

/** The contract as it stands, for a 409 stale_version. */
async function currentView(ctx: Context, contractId: string, phase: Phase) {
  const line = await findContract(ctx.db, ctx.organisationId, contractId);
  const { cddAlertDays } = await loadContractSettings(ctx.db, ctx.organisationId);
  return line && toContractView(line, ctx.today, cddAlertDays, phase);
}

/**
 * Signs a contract for a person: checks it (domain validation, the employer in the basin's
 * registry, the vacancy and the presentation of the organisation), records it with its arrangement,
 * makes the employer a partner, and moves the trajectory (signingEffect) through the trajectory's
 * own transitions: to hiring on the signature, to follow-up from the first day.
 */
export async function signContract(ctx: Context, personId: string, b: ContractInput) {
  const plannedEnd = b.plannedEnd ?? null;
  refuse(
    validateContract(
      {
        type: b.type,
        signedOn: b.signedOn,
        start: b.start,
        plannedEnd,
        hoursPerWeek: b.hoursPerWeek ?? null,
        actualEnd: null,
        endReason: null,
      },
      ctx.today,
    ),
  );
  if (b.arrangement) {
    if (!isEmploymentContract(b.type)) {
      throw invalid('arrangement', 'une immersion ou un stage n’ouvre pas de suivi en entreprise.');
    }
    checkArrangement(b.arrangement, ctx.today, 'arrangement.');
  }
  const person = await lockPerson(ctx.db, ctx.organisationId, personId);
  if (!person) throw notFound('Personne');
  const phase = person.phase as Phase;
  const effect = signingEffect(b.type, phase, b.start, ctx.today);
  if (!effect.ok) throw new AppError(409, 'transition_not_allowed', effect.message, undefined, { phase });
  const employer = await employerOfBasin(ctx, b.employerId);
  if (!employer)
    throw invalid('employerId', 'employeur introuvable dans le registre de votre bassin d’emploi.');
  let vacancyId = b.vacancyId ?? null;
  if (b.presentationId) {
    const presentation = await ctx.db
      .selectFrom('presentation')
      .select(['vacancy_id', 'person_id', 'step'])
      .where('id', '=', b.presentationId)
      .executeTakeFirst();
    if (!presentation || presentation.person_id !== personId) {
      throw invalid('presentationId', 'candidature introuvable pour cette personne.');
    }
    if (vacancyId !== null && presentation.vacancy_id !== vacancyId) {
      throw invalid('presentationId', 'cette candidature concerne une autre offre.');
    }
    if (presentation.step !== 'hired') {
      throw invalid(
        'presentationId',
        'la candidature n’en est pas à l’étape « Engagée » : enregistrez d’abord l’engagement sur la candidature.',
      );
    }
    vacancyId = presentation.vacancy_id;
  }
  if (vacancyId !== null) {
    const vacancy = await ctx.db
      .selectFrom('vacancy')
      .select(['employer_id'])
      .where('id', '=', vacancyId)
      .executeTakeFirst();
    if (!vacancy) throw invalid('vacancyId', 'offre d’emploi introuvable dans votre organisation.');
    if (vacancy.employer_id !== employer.id)
      throw invalid('vacancyId', 'cette offre est celle d’un autre employeur.');
  }
  const row = await ctx.db
    .insertInto('contract')
    .values({
      organisation_id: ctx.organisationId,
      person_id: personId,
      employer_id: employer.id,
      vacancy_id: vacancyId,
      presentation_id: b.presentationId ?? null,
      type: b.type,
      signed_on: b.signedOn,
      start_on: b.start,
      planned_end_on: plannedEnd,
      hours_per_week: b.hoursPerWeek ?? null,
      job_title: b.jobTitle,
      hiring_aids: JSON.stringify(b.hiringAids ?? []),
      created_by: ctx.userId,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (b.arrangement) {
    await ctx.db
      .insertInto('follow_up_arrangement')
      .values({
        organisation_id: ctx.organisationId,
        person_id: personId,
        contract_id: row.id,
        ...arrangementColumns(b.arrangement),
        updated_by: ctx.userId,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .execute();
  }
  // An employer who hires a coached person works with jobcoaching: it joins the reserve.
  if (isEmploymentContract(b.type) && (employer.status === 'prospect' || employer.status === 'contacted')) {
    await ctx.db
      .updateTable('employer')
      .set((eb) => ({ status: 'partner', version: eb('version', '+', 1), updated_at: ctx.now }))
      .where('id', '=', employer.id)
      .execute();
  }
  const detail = `${CONTRACT_TYPE_SHORT_LABELS[b.type]} « ${b.jobTitle} » chez ${employer.name}`;
  let since = person.phase_since;
  for (const transitionId of effect.transitions) {
    const fields: Record<string, unknown> =
      transitionId === 'start_hiring'
        ? { date: maxDate(b.signedOn, since), employerId: employer.id }
        : {
            date: maxDate(b.start, since),
            contractKind: employmentKindOf({ type: b.type, plannedEnd }),
            contractStart: b.start,
            ...(plannedEnd ? { contractEnd: plannedEnd } : {}),
          };
    await moveTrajectory(ctx, {
      personId,
      transitionId,
      fields,
      fieldPrefix: '',
      contractId: row.id,
      detail: `Contrat signé : ${detail}`,
    });
    since = fields.date as string;
  }
  return { id: row.id, employerId: employer.id, transitions: effect.transitions };
}

/**
 * Corrects a contract and/or records its end (actualEnd + endReason), with the end's effects: a
 * conversion to CDI or a renewal creates the contract that continues it (with the same
 * arrangement) and the follow-up goes on; any other end sends the person back to pre-hire through
 * return_to_pre_hire when no other contract runs (trajectoryEffectOfEnd).
 */
export async function updateContract(ctx: Context, contractId: string, b: ContractPatch) {
  const ending = b.actualEnd !== undefined || b.endReason !== undefined;
  const { person, contract: row } = await lockBoth(ctx, contractId);
  const phase = person.phase as Phase;
  if (row.version !== b.version) throw staleVersion(await currentView(ctx, contractId, phase));
  if (ending && row.actual_end_on !== null) {
    throw new AppError(
      409,
      'conflict',
      `Ce contrat est déjà terminé (le ${frenchDate(row.actual_end_on)}, motif « ${CONTRACT_END_REASON_LABELS[row.end_reason as ContractEndReason]} ») : sa fin ne s’enregistre qu’une fois.`,
    );
  }
  const merged = {
    type: toDomainContract(row).type,
    signedOn: b.signedOn ?? row.signed_on,
    start: b.start ?? row.start_on,
    plannedEnd: b.plannedEnd === undefined ? row.planned_end_on : b.plannedEnd,
    hoursPerWeek: b.hoursPerWeek === undefined ? row.hours_per_week : b.hoursPerWeek,
    actualEnd: ending ? (b.actualEnd ?? null) : row.actual_end_on,
    endReason: ending ? (b.endReason ?? null) : (row.end_reason as ContractEndReason | null),
  };
  refuse(validateContract(merged, ctx.today));
  const reason = ending ? merged.endReason : null;
  const continuing = reason !== null && CONTINUING_END_REASONS.includes(reason);
  if (b.next && !continuing) {
    throw invalid(
      'next',
      'le contrat suivant ne s’indique que pour une conversion en CDI ou un renouvellement.',
    );
  }
  if (b.start !== undefined) {
    // A correction of the start may not reach the contract that continues this one.
    const successor = await ctx.db
      .selectFrom('contract')
      .select('start_on')
      .where('converted_from_contract_id', '=', contractId)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    if (successor && compareDates(merged.start, successor.start_on) >= 0) {
      throw invalid('start', 'le contrat doit commencer avant celui qui le continue.');
    }
  }
  await ctx.db
    .updateTable('contract')
    .set((eb) => ({
      signed_on: merged.signedOn,
      start_on: merged.start,
      planned_end_on: merged.plannedEnd,
      hours_per_week: merged.hoursPerWeek,
      ...(b.jobTitle !== undefined ? { job_title: b.jobTitle } : {}),
      ...(b.hiringAids !== undefined ? { hiring_aids: JSON.stringify(b.hiringAids) } : {}),
      ...(ending
        ? { actual_end_on: merged.actualEnd, end_reason: merged.endReason, end_detail: b.endDetail ?? null }
        : b.endDetail !== undefined && row.actual_end_on !== null
          ? { end_detail: b.endDetail }
          : {}),
      ...(b.correctionReason
        ? { corrected_at: ctx.now, corrected_by: ctx.userId, correction_reason: b.correctionReason }
        : {}),
      version: eb('version', '+', 1),
      updated_at: ctx.now,
    }))
    .where('id', '=', contractId)
    .execute();
  const details: Record<string, unknown> = { personId: row.person_id };
  if (b.correctionReason) {
    // Both versions of the corrected terms, for the audit log.
    details.correction = {
      reason: b.correctionReason,
      before: {
        signedOn: row.signed_on,
        start: row.start_on,
        plannedEnd: row.planned_end_on,
        hoursPerWeek: row.hours_per_week,
      },
      after: {
        signedOn: merged.signedOn,
        start: merged.start,
        plannedEnd: merged.plannedEnd,
        hoursPerWeek: merged.hoursPerWeek,
      },
    };
  }
  if (reason === null) return { personId: row.person_id, details };
  const actualEnd = merged.actualEnd!;
  details.end = { actualEnd, reason };
  const employer = await ctx.db
    .selectFrom('employer')
    .select('name')
    .where('id', '=', row.employer_id)
    .executeTakeFirstOrThrow();
  if (continuing) {
    const next = b.next ?? {};
    const successor = successorOf(
      { type: merged.type, start: merged.start, actualEnd },
      reason as 'converted_to_cdi' | 'renewed',
      next,
      ctx.today,
    );
    if (!successor.ok) {
      refuse(successor.errors);
      return { personId: row.person_id, details };
    }
    const created = await ctx.db
      .insertInto('contract')
      .values({
        organisation_id: ctx.organisationId,
        person_id: row.person_id,
        employer_id: row.employer_id,
        vacancy_id: row.vacancy_id,
        presentation_id: null,
        type: successor.type,
        signed_on: successor.signedOn,
        start_on: successor.start,
        planned_end_on: successor.plannedEnd,
        hours_per_week: next.hoursPerWeek === undefined ? merged.hoursPerWeek : next.hoursPerWeek,
        job_title: next.jobTitle ?? b.jobTitle ?? row.job_title,
        hiring_aids: JSON.stringify(next.hiringAids ?? b.hiringAids ?? row.hiring_aids),
        converted_from_contract_id: contractId,
        created_by: ctx.userId,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The arrangement agreed at hiring goes on with the employment.
    const arrangement = await ctx.db
      .selectFrom('follow_up_arrangement')
      .selectAll()
      .where('contract_id', '=', contractId)
      .executeTakeFirst();
    if (arrangement) {
      const {
        id: _id,
        contract_id: _c,
        version: _v,
        created_at: _ca,
        updated_at: _ua,
        ...copy
      } = arrangement;
      await ctx.db
        .insertInto('follow_up_arrangement')
        .values({
          ...copy,
          frequency: copy.frequency ? JSON.stringify(copy.frequency) : null,
          contract_id: created.id,
          updated_by: ctx.userId,
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .execute();
    }
    details.successorId = created.id;
    return { personId: row.person_id, details };
  }
  const others = await ctx.db
    .selectFrom('contract')
    .selectAll()
    .where('person_id', '=', row.person_id)
    .where('id', '<>', contractId)
    .where('cancelled_at', 'is', null)
    .execute();
  const dayAfter = addDays(actualEnd, 1);
  const otherContractRunning = others
    .map(toDomainContract)
    .some((c) => isEmploymentContract(c.type) && isRunningOn(c, dayAfter));
  const effect = trajectoryEffectOfEnd(reason, { type: merged.type, phase, otherContractRunning });
  details.effect = effect;
  if (effect.kind === 'return_to_pre_hire') {
    const label = `${CONTRACT_TYPE_SHORT_LABELS[merged.type]} « ${b.jobTitle ?? row.job_title} » chez ${employer.name}`;
    await moveTrajectory(ctx, {
      personId: row.person_id,
      transitionId: 'return_to_pre_hire',
      fields: {
        date: returnDate(actualEnd, person.phase_since, ctx.today),
        returnReason: effect.returnReason,
      },
      fieldPrefix: '',
      contractId,
      detail: `Fin du contrat ${label} le ${frenchDate(actualEnd)} : ${CONTRACT_END_REASON_LABELS[reason]}${b.endDetail ? ` — ${b.endDetail}` : ''}`,
    });
  }
  return { personId: row.person_id, details };
}

/** For a person waiting in hiring for this contract's first day: starts the follow-up (dated on it). */
export async function startContractFollowUp(ctx: Context, contractId: string) {
  const { person, contract: row } = await lockBoth(ctx, contractId);
  const c = toDomainContract(row);
  if (person.phase !== 'hiring') {
    throw new AppError(
      409,
      'transition_not_allowed',
      `Le suivi en entreprise démarre depuis la phase « Embauche » ; la personne est en phase « ${PHASE_LABELS[person.phase as Phase]} ».`,
    );
  }
  if (!isEmploymentContract(c.type) || c.actualEnd !== null) {
    throw new AppError(
      409,
      'conflict',
      'Ce contrat n’ouvre pas de suivi en entreprise (immersion ou contrat terminé).',
    );
  }
  if (compareDates(c.start, ctx.today) > 0) {
    throw new AppError(
      409,
      'conflict',
      `Le contrat commence le ${frenchDate(c.start)} : le suivi en entreprise démarre à partir de ce jour-là.`,
    );
  }
  const employer = await ctx.db
    .selectFrom('employer')
    .select('name')
    .where('id', '=', row.employer_id)
    .executeTakeFirstOrThrow();
  await moveTrajectory(ctx, {
    personId: row.person_id,
    transitionId: 'start_follow_up',
    fields: {
      date: maxDate(c.start, person.phase_since),
      contractKind: employmentKindOf(c),
      contractStart: c.start,
      ...(c.plannedEnd ? { contractEnd: c.plannedEnd } : {}),
    },
    fieldPrefix: '',
    contractId,
    detail: `Début du contrat : ${CONTRACT_TYPE_SHORT_LABELS[c.type]} « ${row.job_title} » chez ${employer.name}`,
  });
  return { personId: row.person_id };
}

/**
 * Cancels a contract entered by mistake (« Annuler ce contrat »), with a reason, by its author or a
 * coordinator (domain mayCorrect): the contract stays, marked cancelled, and counts for nothing any
 * more; the moves of the trajectory it made are cancelled with it while they are still the latest
 * (domain cancelContractMoves), and the person goes back to the phase before them. Refused while a
 * contract continuing it is not cancelled, or while a later move depends on its moves.
 */
export async function cancelContract(ctx: Context, contractId: string, reason: string) {
  refuse(validateCorrectionReason(reason));
  const { person, contract: row } = await lockBoth(ctx, contractId);
  if (!mayCorrect({ authorId: row.created_by }, { userId: ctx.userId, role: ctx.role })) {
    throw new AppError(
      403,
      'forbidden',
      'Seul·e l’auteur·rice de ce contrat ou un·e coordinateur·rice peut l’annuler.',
    );
  }
  const successor = await ctx.db
    .selectFrom('contract')
    .select('id')
    .where('converted_from_contract_id', '=', contractId)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  if (successor) {
    throw new AppError(
      409,
      'conflict',
      'Ce contrat a été converti ou renouvelé : annulez d’abord le contrat qui le continue.',
      undefined,
      { successorId: successor.id },
    );
  }
  const events = await ctx.db
    .selectFrom('trajectory_event')
    .select(['id', 'date', 'transition_id', 'from_phase', 'to_phase', 'fields'])
    .where('person_id', '=', row.person_id)
    .where('organisation_id', '=', ctx.organisationId)
    .where('cancelled_at', 'is', null)
    // One signature may make two moves in one transaction (same `at`): the day, then the order of
    // the phases, put the move to hiring before the start of follow-up.
    .orderBy('at')
    .orderBy('date')
    .orderBy(
      sql`CASE transition_id WHEN 'enter_pre_hire' THEN 1 WHEN 'start_hiring' THEN 2
        WHEN 'start_follow_up' THEN 3 WHEN 'return_to_pre_hire' THEN 4 ELSE 5 END`,
    )
    .orderBy('id')
    .execute();
  const outcome = cancelContractMoves(events.map(loggedMove), contractId, {
    phase: person.phase as Phase,
    phaseSince: person.phase_since,
    referralReceivedOn: person.referral_received_on,
  });
  if (!outcome.ok) throw new AppError(409, 'conflict', outcome.message);
  const why = reason.trim();
  await ctx.db
    .updateTable('contract')
    .set((eb) => ({
      cancelled_at: ctx.now,
      cancelled_by: ctx.userId,
      cancellation_reason: why,
      version: eb('version', '+', 1),
      updated_at: ctx.now,
    }))
    .where('id', '=', contractId)
    .execute();
  if (outcome.moveIds.length > 0) {
    await ctx.db
      .updateTable('trajectory_event')
      .set({ cancelled_at: ctx.now, cancelled_by: ctx.userId, cancellation_reason: why })
      .where('id', 'in', outcome.moveIds)
      .execute();
    await ctx.db
      .updateTable('person')
      .set((eb) => ({
        phase: outcome.phase,
        phase_since: outcome.phaseSince,
        version: eb('version', '+', 1),
        updated_at: ctx.now,
      }))
      .where('id', '=', row.person_id)
      .execute();
  }
  return {
    personId: row.person_id,
    details: {
      personId: row.person_id,
      reason: why,
      // The contract as it was recorded (it stays so, marked cancelled) and the trajectory before and after.
      before: {
        type: row.type,
        employerId: row.employer_id,
        jobTitle: row.job_title,
        signedOn: row.signed_on,
        start: row.start_on,
        plannedEnd: row.planned_end_on,
        hoursPerWeek: row.hours_per_week,
        actualEnd: row.actual_end_on,
        endReason: row.end_reason,
        phase: person.phase,
        phaseSince: person.phase_since,
      },
      after: { cancelled: true, phase: outcome.phase, phaseSince: outcome.phaseSince },
      cancelledMoveIds: outcome.moveIds,
    },
  };
}

/** Records or replaces the follow-up arrangement of an employment contract (version 0: first time). */
export async function saveArrangement(
  ctx: Context,
  contractId: string,
  fields: ArrangementFields,
  version: number,
) {
  checkArrangement(fields, ctx.today);
  const { person, contract: row } = await lockBoth(ctx, contractId);
  if (!isEmploymentContract(toDomainContract(row).type)) {
    throw new AppError(409, 'conflict', 'Une immersion ou un stage n’ouvre pas de suivi en entreprise.');
  }
  const existing = await ctx.db
    .selectFrom('follow_up_arrangement')
    .select(['id', 'version'])
    .where('contract_id', '=', contractId)
    .forUpdate()
    .executeTakeFirst();
  if ((existing?.version ?? 0) !== version) {
    throw staleVersion(await currentView(ctx, contractId, person.phase as Phase));
  }
  const columns = { ...arrangementColumns(fields), updated_by: ctx.userId, updated_at: ctx.now };
  if (existing) {
    await ctx.db
      .updateTable('follow_up_arrangement')
      .set((eb) => ({ ...columns, version: eb('version', '+', 1) }))
      .where('id', '=', existing.id)
      .execute();
  } else {
    await ctx.db
      .insertInto('follow_up_arrangement')
      .values({
        ...columns,
        organisation_id: ctx.organisationId,
        person_id: row.person_id,
        contract_id: contractId,
        created_at: ctx.now,
      })
      .execute();
  }
  return { personId: row.person_id };
}
