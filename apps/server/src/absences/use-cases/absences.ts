import { absenceInputSchema } from '@jobcoach/contract';
import { compareDates } from '@jobcoach/domain';
import { z } from 'zod';
import type { Context } from '../../application/context.ts';
import { AppError, invalid, notFound } from '../../application/errors.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { assertStaff, selectAbsences, toAbsence } from '../queries.ts';

/** A jobcoach records and removes their own absences; a coordinator anyone's (persons.assign). */
function assertMayManage(ctx: Context, coachId: string) {
  if (coachId !== ctx.userId && !ctx.can('persons.assign')) {
    throw new AppError(403, 'forbidden', 'Un·e jobcoach ne gère que ses propres absences.', 'coachId');
  }
}

/** The absences not over yet, with who covers them. */
export const listAbsences = defineQuery('absences.list', z.object({}), async (ctx) => {
  ctx.require('absences.read');
  const rows = await selectAbsences(ctx.db, ctx.organisationId).where('a.to_on', '>=', ctx.today).execute();
  return rows.map(toAbsence);
});

/**
 * A coach's absence and the colleague who covers it (method.md §5): during it, the colleague
 * reaches the absent coach's persons. Without a coach named, the caller's own absence.
 */
export const createAbsence = defineCommand(
  'absences.create',
  absenceInputSchema,
  { action: 'create', entity: 'absence' },
  async (ctx, { from, to, coverCoachId, coachId: named }) => {
    ctx.require('absences.write');
    const coachId = named ?? ctx.userId;
    assertMayManage(ctx, coachId);
    if (compareDates(to, from) < 0)
      throw invalid('to', 'la fin de l’absence ne peut pas précéder son début.');
    if (coverCoachId === coachId) {
      throw invalid('coverCoachId', 'choisissez un·e autre collègue que la personne absente.');
    }
    await assertStaff(ctx.db, ctx.organisationId, coachId, 'coachId');
    await assertStaff(ctx.db, ctx.organisationId, coverCoachId, 'coverCoachId');
    const row = await ctx.db
      .insertInto('absence')
      .values({
        organisation_id: ctx.organisationId,
        coach_id: coachId,
        from_on: from,
        to_on: to,
        cover_coach_id: coverCoachId,
        created_by: ctx.userId,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.audit.entityId = row.id;
    return toAbsence(
      await selectAbsences(ctx.db, ctx.organisationId).where('a.id', '=', row.id).executeTakeFirstOrThrow(),
    );
  },
);

/** An absence removed (cancelled, or entered by mistake). */
export const deleteAbsence = defineCommand(
  'absences.delete',
  z.object({ absenceId: z.uuid('identifiant invalide.') }),
  { action: 'delete', entity: 'absence' },
  async (ctx, { absenceId }) => {
    ctx.require('absences.write');
    ctx.audit.entityId = absenceId;
    const absence = await ctx.db
      .selectFrom('absence')
      .select('coach_id')
      .where('id', '=', absenceId)
      .executeTakeFirst();
    if (!absence) throw notFound('Absence');
    assertMayManage(ctx, absence.coach_id);
    await ctx.db.deleteFrom('absence').where('id', '=', absenceId).execute();
  },
);
