import {
  type ContactChannel,
  type ContactPerson,
  type ContactPurpose,
  isDirectChannel,
  validateContact,
} from '@jobcoach/domain';
import type { Context } from '../application/context.ts';
import { AppError } from '../application/errors.ts';
import { checkDiscreetContact } from '../contracts/discreet.ts';
import { basinActivity, lockEmployer } from '../employers/queries.ts';
import { basinOf, CODES } from '../employers/scope.ts';
import { frenchDate } from '../persons/common.ts';
import { lockPerson } from '../persons/queries.ts';

/** A contact to record, whichever page it comes from (a person's file, an employer's page). */
export interface ContactToRecord {
  date: string;
  channel: ContactChannel;
  purpose?: ContactPurpose | null | undefined;
  counterpart?: string | null | undefined;
  durationMinutes?: number | null | undefined;
  notes?: string | null | undefined;
  confidential?: boolean | undefined;
  nextPlannedOn?: string | null | undefined;
  confirmOverlap?: boolean | undefined;
  confirmDiscreet?: boolean | undefined;
  /** The coached persons it is about (already checked against the caller's scope). */
  persons: ContactPerson[];
  /** An employer of the basin's registry who took part. */
  employerId?: string | null | undefined;
  /** The identifier the device gave it (a contact logged offline, persons/use-cases/intake.ts). */
  clientId?: string | undefined;
}

/**
 * Records one contact (domain contacts.ts) in the command's transaction and returns its id. The
 * domain's checks first (who it was with, dates); with an employer: the employer is one of the
 * basin's registry, a person followed discreetly towards it needs a confirmation (recorded), and
 * canvassing an employer another organisation of the basin works with needs one too (method.md
 * §6); a direct contact makes a prospect a contacted employer. The persons' contact summaries
 * (cadence, next planned contact) follow by trigger.
 */
export async function recordContact(ctx: Context, c: ContactToRecord): Promise<string> {
  const employerId = c.employerId ?? null;
  const [problem] = validateContact(
    {
      date: c.date,
      channel: c.channel,
      persons: c.persons,
      employerId,
      counterpart: c.counterpart ?? null,
      nextPlannedOn: c.nextPlannedOn ?? null,
    },
    ctx.today,
  );
  if (problem) throw new AppError(400, 'validation', problem.message, problem.field);
  for (const p of c.persons) {
    if (!(await lockPerson(ctx.db, ctx.organisationId, p.personId))) {
      throw new AppError(404, 'not_found', 'Personne introuvable.', 'personId');
    }
  }
  let overlap = false;
  let discreetConfirmed = false;
  if (employerId) {
    const basinId = await basinOf(ctx.db, ctx.organisationId);
    const employer = await lockEmployer(ctx.db, basinId, employerId);
    if (!employer) {
      throw new AppError(
        400,
        'validation',
        'Employeur introuvable dans le registre de votre bassin d’emploi.',
        'employerId',
      );
    }
    for (const p of c.persons) {
      // Discreet follow-up (contracts/discreet.ts): a contact about the person needs a confirmation.
      discreetConfirmed =
        (await checkDiscreetContact(ctx.db, {
          organisationId: ctx.organisationId,
          employerId,
          personId: p.personId,
          confirmDiscreet: c.confirmDiscreet,
        })) || discreetConfirmed;
    }
    // Basin coordination (method.md §6): no canvassing in competition without knowing it.
    if (c.purpose === 'canvassing') {
      const scope = { organisationId: ctx.organisationId, basinId };
      const others = await basinActivity(ctx.across('basin'), scope, employerId, ctx.today);
      if (others.length > 0 && c.confirmOverlap !== true) {
        const who = others
          .map(
            (o) =>
              `${o.organisationName}${o.coachName ? ` (${o.coachName})` : ''}, contact direct le ${frenchDate(o.date)}`,
          )
          .join(' ; ');
        throw new AppError(
          409,
          CODES.basinOverlap,
          `Cet employeur est suivi par ${who}. Confirmez pour enregistrer quand même.`,
          'confirmOverlap',
          { basinActivity: others },
        );
      }
      overlap = others.length > 0;
    }
    // A prospect met in person or on the phone has been contacted.
    if (isDirectChannel(c.channel) && employer.status === 'prospect') {
      await ctx.db
        .updateTable('employer')
        .set((eb) => ({ status: 'contacted', version: eb('version', '+', 1), updated_at: ctx.now }))
        .where('id', '=', employerId)
        .execute();
    }
  }
  const row = await ctx.db
    .insertInto('contact')
    .values({
      organisation_id: ctx.organisationId,
      date: c.date,
      channel: c.channel,
      purpose: c.purpose ?? null,
      employer_id: employerId,
      counterpart: c.counterpart ?? null,
      duration_minutes: c.durationMinutes ?? null,
      notes: c.notes ?? null,
      confidential: c.confidential ?? false,
      next_planned_on: c.nextPlannedOn ?? null,
      overlap_confirmed: overlap,
      discreet_confirmed: discreetConfirmed,
      author_id: ctx.userId,
      created_at: ctx.now,
      client_id: c.clientId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (c.persons.length > 0) {
    await ctx.db
      .insertInto('contact_person')
      .values(
        c.persons.map((p) => ({
          contact_id: row.id,
          organisation_id: ctx.organisationId,
          person_id: p.personId,
          present: p.present,
        })),
      )
      .execute();
  }
  ctx.audit.entityId = row.id;
  ctx.audit.details = {
    channel: c.channel,
    direct: isDirectChannel(c.channel),
    personIds: c.persons.map((p) => p.personId),
    present: c.persons.filter((p) => p.present).map((p) => p.personId),
    employerId,
    purpose: c.purpose ?? null,
    confidential: c.confidential ?? false,
    overlap,
    discreetConfirmed,
  };
  return row.id;
}
