import { CONTRACT_KINDS, compareDates, EXIT_REASONS, RETURN_REASONS } from '@jobcoach/domain';
import { z } from 'zod';
import { invalid, notFound } from '../../application/errors.ts';
import { requirePerson, viewerOf } from '../../application/person-scope.ts';
import { defineCommand } from '../../application/use-case.ts';
import { dateSchema, text, versionSchema } from '../common.ts';
import { loadPersonFile } from '../file.ts';
import { lockPerson } from '../queries.ts';
import { moveTrajectory } from './move-trajectory.ts';

const idSchema = z.uuid('identifiant invalide.');
const detail = text().trim().max(2000, 'au plus 2000 caractères.').nullish();

/**
 * One typed input per move (domain trajectory.ts, TransitionFieldsOf), discriminated by
 * `transitionId`; a field the move does not carry is refused by name.
 */
export const transitionBodySchema = z.discriminatedUnion(
  'transitionId',
  [
    z.object({
      transitionId: z.literal('enter_pre_hire'),
      fields: z.strictObject({ date: dateSchema, trustContractSignedOn: dateSchema }),
      version: versionSchema,
    }),
    z.object({
      transitionId: z.literal('start_hiring'),
      fields: z.strictObject({
        date: dateSchema,
        employerId: text().trim().min(1, 'ce champ est obligatoire.').max(200, 'au plus 200 caractères.'),
      }),
      version: versionSchema,
    }),
    z.object({
      transitionId: z.literal('start_follow_up'),
      fields: z.strictObject({
        date: dateSchema,
        contractKind: z.enum(CONTRACT_KINDS, 'type de contrat inconnu (cdd, cdi ou other).'),
        contractStart: dateSchema,
        contractEnd: dateSchema.nullish(),
      }),
      version: versionSchema,
    }),
    z.object({
      transitionId: z.literal('return_to_pre_hire'),
      fields: z.strictObject({
        date: dateSchema,
        returnReason: z.enum(RETURN_REASONS, 'motif inconnu.'),
        reasonDetail: detail,
      }),
      version: versionSchema,
    }),
    z.object({
      transitionId: z.literal('exit'),
      fields: z.strictObject({
        date: dateSchema,
        exitReason: z.enum(EXIT_REASONS, 'motif inconnu.'),
        reasonDetail: detail,
      }),
      version: versionSchema,
    }),
  ],
  'changement de phase inconnu.',
);

const personIdInput = z.object({ personId: idSchema });

/** A move asked for by a coach or coordinator (POST /api/persons/:id/transitions). */
export const applyTransition = defineCommand(
  'persons.applyTransition',
  z.intersection(personIdInput, transitionBodySchema),
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

export const employmentPeriodInput = z.object({
  personId: idSchema,
  kind: z.enum(CONTRACT_KINDS, 'type de contrat inconnu (cdd, cdi ou other).'),
  start: dateSchema,
  end: dateSchema.nullish(),
});

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
