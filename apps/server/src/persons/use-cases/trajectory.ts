import { cancelMoveSchema, employmentPeriodInputSchema, transitionInputSchema } from '@jobcoach/contract';
import { cancelLastMove, compareDates, mayCorrect, validateCorrectionReason } from '@jobcoach/domain';
import { z } from 'zod';
import { AppError, invalid, notFound, staleVersion } from '../../application/errors.ts';
import { requirePerson, viewerOf } from '../../application/person-scope.ts';
import { defineCommand } from '../../application/use-case.ts';
import { loggedMove } from '../common.ts';
import { loadPersonFile } from '../file.ts';
import { lockPerson } from '../queries.ts';
import { moveTrajectory } from './move-trajectory.ts';

const idSchema = z.uuid('identifiant invalide.');

const personIdInput = z.object({ personId: idSchema });

/** A move asked for by a coach or coordinator (POST /api/persons/:id/transitions). */
export const applyTransition = defineCommand(
  'persons.applyTransition',
  z.intersection(personIdInput, transitionInputSchema),
  { action: 'transition', entity: 'person' },
  async (ctx, input) => {
    const ps = await requirePerson(ctx, 'persons.write', input.personId);
    const { from, to } = await moveTrajectory(ctx, {
      personId: input.personId,
      transitionId: input.transitionId,
      fields: input.fields,
      version: input.version,
    });
    ctx.audit.entityId = input.personId;
    ctx.audit.details = { transitionId: input.transitionId, from, to };
    return (await loadPersonFile(ctx.db, ctx.organisationId, input.personId, viewerOf(ps), ctx.today))!;
  },
);

const employmentPeriodInput = employmentPeriodInputSchema.extend({ personId: idSchema });

/** A job held before or outside the coaching, entered by hand (no contract record). */
export const addEmploymentPeriod = defineCommand(
  'persons.addEmploymentPeriod',
  employmentPeriodInput,
  { action: 'create', entity: 'employment_period' },
  async (ctx, { personId, kind, start, end }) => {
    const ps = await requirePerson(ctx, 'persons.write', personId);
    if (end && compareDates(end, start) < 0) {
      throw invalid('end', 'la fin du contrat ne peut pas précéder son début.');
    }
    if (!(await lockPerson(ctx.db, ctx.organisationId, personId))) throw notFound('Personne');
    const row = await ctx.db
      .insertInto('employment_period')
      .values({
        organisation_id: ctx.organisationId,
        person_id: personId,
        kind,
        start_on: start,
        end_on: end ?? null,
        created_by: ctx.userId,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.audit.entityId = row.id;
    ctx.audit.details = { personId, kind };
    return (await loadPersonFile(ctx.db, ctx.organisationId, personId, viewerOf(ps), ctx.today))!;
  },
);

export const removeEmploymentPeriod = defineCommand(
  'persons.removeEmploymentPeriod',
  z.object({ personId: idSchema, periodId: idSchema }),
  { action: 'delete', entity: 'employment_period' },
  async (ctx, { personId, periodId }) => {
    const ps = await requirePerson(ctx, 'persons.write', personId);
    if (!(await lockPerson(ctx.db, ctx.organisationId, personId))) throw notFound('Personne');
    const deleted = await ctx.db
      .deleteFrom('employment_period')
      .where('id', '=', periodId)
      .where('person_id', '=', personId)
      .returning('id')
      .executeTakeFirst();
    if (!deleted) throw notFound('Période d’emploi');
    ctx.audit.entityId = periodId;
    ctx.audit.details = { personId };
    return (await loadPersonFile(ctx.db, ctx.organisationId, personId, viewerOf(ps), ctx.today))!;
  },
);

/**
 * « Annuler ce changement »: the last move of the trajectory entered by mistake, with a reason, by
 * its author or a coordinator (domain cancelLastMove and mayCorrect). The move stays in the log,
 * marked cancelled, and counts no more; the person goes back to the phase it left.
 */
export const cancelLastTransition = defineCommand(
  'persons.cancelLastTransition',
  cancelMoveSchema.extend({ personId: idSchema, eventId: idSchema }),
  { action: 'cancel', entity: 'trajectory_event' },
  async (ctx, { personId, eventId, reason, version }) => {
    const ps = await requirePerson(ctx, 'persons.write', personId);
    const person = await lockPerson(ctx.db, ctx.organisationId, personId);
    if (!person) throw notFound('Personne');
    if (person.version !== version) {
      throw staleVersion(await loadPersonFile(ctx.db, ctx.organisationId, personId, viewerOf(ps), ctx.today));
    }
    const [problem] = validateCorrectionReason(reason);
    if (problem) throw invalid(problem.field, problem.message, problem.key, problem.params);
    const events = await ctx.db
      .selectFrom('trajectory_event')
      .select(['id', 'date', 'transition_id', 'from_phase', 'to_phase', 'fields', 'actor_id'])
      .where('person_id', '=', personId)
      .where('cancelled_at', 'is', null)
      .orderBy('at')
      .orderBy('id')
      .execute();
    const event = events.find((e) => e.id === eventId);
    if (!event) throw notFound('Changement de phase');
    if (!mayCorrect({ authorId: event.actor_id }, { userId: ctx.userId, role: ctx.role })) {
      throw new AppError(
        403,
        'forbidden',
        'Seul·e l’auteur·rice de ce changement ou un·e coordinateur·rice peut l’annuler.',
        undefined,
        undefined,
        { key: 'correction.forbidden' },
      );
    }
    const outcome = cancelLastMove(events.map(loggedMove), eventId, {
      preHireEntry: person.pre_hire_entry,
      referralReceivedOn: person.referral_received_on,
    });
    if (!outcome.ok) throw new AppError(409, 'conflict', outcome.message);
    await ctx.db
      .updateTable('trajectory_event')
      .set({ cancelled_at: ctx.now, cancelled_by: ctx.userId, cancellation_reason: reason.trim() })
      .where('id', '=', eventId)
      .execute();
    await ctx.db
      .updateTable('person')
      .set((eb) => ({
        phase: outcome.phase,
        phase_since: outcome.phaseSince,
        pre_hire_entry: outcome.preHireEntry,
        version: eb('version', '+', 1),
        updated_at: ctx.now,
      }))
      .where('id', '=', personId)
      .execute();
    ctx.audit.entityId = eventId;
    ctx.audit.details = {
      personId,
      reason: reason.trim(),
      transitionId: event.transition_id,
      before: { phase: person.phase, phaseSince: person.phase_since, preHireEntry: person.pre_hire_entry },
      after: { phase: outcome.phase, phaseSince: outcome.phaseSince, preHireEntry: outcome.preHireEntry },
    };
    return (await loadPersonFile(ctx.db, ctx.organisationId, personId, viewerOf(ps), ctx.today))!;
  },
);
