import { employmentPeriodInputSchema, transitionInputSchema } from '@jobcoach/contract';
import { compareDates } from '@jobcoach/domain';
import { z } from 'zod';
import { invalid, notFound } from '../../application/errors.ts';
import { requirePerson, viewerOf } from '../../application/person-scope.ts';
import { defineCommand } from '../../application/use-case.ts';
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
