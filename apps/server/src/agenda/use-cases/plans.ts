import { type PlannedContact, planCancelSchema, planInputSchema, planUpdateSchema } from '@jobcoach/contract';
import { validatePlan } from '@jobcoach/domain';
import { z } from 'zod';
import type { Context } from '../../application/context.ts';
import { writeAuditEntry } from '../../application/context.ts';
import { AppError, notFound, staleVersion } from '../../application/errors.ts';
import { requirePerson } from '../../application/person-scope.ts';
import { defineCommand, defineQuery } from '../../application/use-case.ts';
import { basinOf } from '../../employers/scope.ts';
import { plansToHold, selectPlans, toPlannedContact } from '../queries.ts';

const idSchema = z.uuid('identifiant invalide.');

type PlanFields = z.output<typeof planInputSchema>;

/** The domain's checks (agenda.ts), and the employer among the basin's registry. */
async function checkPlan(ctx: Context, p: PlanFields) {
  const [problem] = validatePlan(
    {
      date: p.date,
      time: p.time ?? null,
      durationMinutes: p.durationMinutes ?? null,
      place: p.place ?? null,
    },
    ctx.today,
  );
  if (problem) throw new AppError(400, 'validation', problem.message, problem.field);
  if (p.employerId) {
    const basinId = await basinOf(ctx.db, ctx.organisationId);
    const employer = await ctx.db
      .selectFrom('employer')
      .select('id')
      .where('basin_id', '=', basinId)
      .where('id', '=', p.employerId)
      .executeTakeFirst();
    if (!employer) {
      throw new AppError(
        400,
        'validation',
        'Employeur introuvable dans le registre de votre bassin d’emploi.',
        'employerId',
      );
    }
  }
}

const columns = (p: PlanFields) => ({
  starts_on: p.date,
  starts_at: p.time ?? null,
  duration_minutes: p.time ? (p.durationMinutes ?? null) : null,
  place: p.place ?? null,
  channel: p.channel,
  employer_id: p.employerId ?? null,
});

async function loadPlan(ctx: Context, id: string): Promise<PlannedContact> {
  const row = await selectPlans(ctx.db).where('pc.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Contact planifié');
  return toPlannedContact(row);
}

/** The details an audit entry keeps of a plan: when and how, not where (a home address, perhaps). */
const audited = (personId: string, p: PlanFields) => ({
  personId,
  date: p.date,
  time: p.time ?? null,
  channel: p.channel,
  employerId: p.employerId ?? null,
});

/**
 * « Planifier un contact » on a person's file: a contact or a visit on a day, at a time
 * (Europe/Brussels) or all day, in the caller's agenda.
 */
export const planContact = defineCommand(
  'agenda.plan',
  planInputSchema.extend({ personId: idSchema }),
  { action: 'create', entity: 'planned_contact' },
  async (ctx, { personId, ...plan }) => {
    await requirePerson(ctx, 'persons.write', personId);
    await checkPlan(ctx, plan);
    const row = await ctx.db
      .insertInto('planned_contact')
      .values({
        organisation_id: ctx.organisationId,
        person_id: personId,
        coach_id: ctx.userId,
        ...columns(plan),
        created_by: ctx.userId,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.audit.entityId = row.id;
    ctx.audit.details = audited(personId, plan);
    return loadPlan(ctx, row.id);
  },
);

/** A plan still to hold, locked, with its person in the caller's scope (404 otherwise). */
async function openPlan(ctx: Context, id: string, version: number) {
  const row = await ctx.db
    .selectFrom('planned_contact')
    .select(['id', 'person_id', 'status', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('Contact planifié');
  await requirePerson(ctx, 'persons.write', row.person_id);
  if (row.status !== 'planned') {
    throw new AppError(409, 'conflict', 'Ce contact planifié a déjà eu lieu ou a été annulé.');
  }
  if (row.version !== version) throw staleVersion(await loadPlan(ctx, id));
  return row;
}

/** Changing a plan's day, time, duration, place, channel or employer. */
export const updatePlan = defineCommand(
  'agenda.update',
  planUpdateSchema.extend({ planId: idSchema }),
  { action: 'update', entity: 'planned_contact' },
  async (ctx, { planId, version, ...plan }) => {
    const row = await openPlan(ctx, planId, version);
    await checkPlan(ctx, plan);
    await ctx.db
      .updateTable('planned_contact')
      .set((eb) => ({ ...columns(plan), updated_at: ctx.now, version: eb('version', '+', 1) }))
      .where('id', '=', planId)
      .execute();
    ctx.audit.entityId = planId;
    ctx.audit.details = audited(row.person_id, plan);
    return loadPlan(ctx, planId);
  },
);

/** Cancelling a plan: it leaves the agenda and the calendar feed; the row stays. */
export const cancelPlan = defineCommand(
  'agenda.cancel',
  planCancelSchema.extend({ planId: idSchema }),
  { action: 'cancel', entity: 'planned_contact' },
  async (ctx, { planId, version }) => {
    const row = await openPlan(ctx, planId, version);
    await ctx.db
      .updateTable('planned_contact')
      .set((eb) => ({
        status: 'cancelled',
        cancelled_at: ctx.now,
        cancelled_by: ctx.userId,
        updated_at: ctx.now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', planId)
      .execute();
    ctx.audit.entityId = planId;
    ctx.audit.details = { personId: row.person_id };
    return loadPlan(ctx, planId);
  },
);

/** The plans of a person still to hold, by day and time; a read of the file, audited. */
export const listPlans = defineQuery(
  'agenda.list',
  z.object({ personId: idSchema }),
  async (ctx, { personId }) => {
    await requirePerson(ctx, 'persons.read', personId);
    const plans = await plansToHold(ctx.db, personId);
    await writeAuditEntry(
      ctx,
      { action: 'read', entity: 'person' },
      { entityId: personId, details: { part: 'planned_contacts' } },
    );
    return plans;
  },
);

/**
 * The plan a logged contact holds (« Noter un contact » from the agenda): done, with the contact's
 * id. The plan is the person's and still to hold, or the contact is refused (404).
 */
export async function markPlanDone(ctx: Context, planId: string, personId: string, contactId: string) {
  const done = await ctx.db
    .updateTable('planned_contact')
    .set((eb) => ({
      status: 'done',
      done_contact_id: contactId,
      updated_at: ctx.now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', planId)
    .where('person_id', '=', personId)
    .where('status', '=', 'planned')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) {
    throw new AppError(404, 'not_found', 'Contact planifié introuvable ou déjà noté.', 'plannedContactId');
  }
  ctx.audit.details = { ...ctx.audit.details, plannedContactId: planId };
}
