import { assessmentInputSchema, contactInputSchema } from '@jobcoach/contract';
import { COACHABILITY_CONDITIONS, compareDates, validateCoachabilityAssessment } from '@jobcoach/domain';
import { z } from 'zod';
import { markPlanDone } from '../../agenda/use-cases/plans.ts';
import type { Context } from '../../application/context.ts';
import { AppError, invalid, notFound } from '../../application/errors.ts';
import { requirePerson, viewerOf } from '../../application/person-scope.ts';
import { defineCommand } from '../../application/use-case.ts';
import { recordContact } from '../../contacts/record.ts';
import { assertNotFuture } from '../common.ts';
import { loadPersonFile } from '../file.ts';
import { answerPrescriber } from '../prescriber-answer.ts';
import { assertPartner, lockPerson } from '../queries.ts';

const idSchema = z.uuid('identifiant invalide.');

/** The domain names the redirect partner "partner"; the API calls it redirectPartnerId. */
const API_FIELD: Record<string, string> = { partner: 'redirectPartnerId' };

/** The coachability assessment of a person in intake (method.md §3), with its decision. */
export const assessPerson = defineCommand(
  'persons.assess',
  assessmentInputSchema.extend({ personId: idSchema }),
  { action: 'assess', entity: 'person' },
  async (ctx, { personId: id, ...body }) => {
    const scope = await requirePerson(ctx, 'persons.write', id);
    ctx.audit.entityId = id;
    ctx.audit.details = { decision: body.decision };
    const person = await lockPerson(ctx.db, ctx.organisationId, id);
    if (!person) throw notFound('Personne');
    if (person.phase !== 'intake') {
      throw new AppError(
        409,
        'conflict',
        'L’évaluation de la coachabilité se fait pendant l’accueil : cette personne a déjà quitté cette phase.',
      );
    }
    assertNotFuture('assessedOn', body.assessedOn, ctx.today);
    if (compareDates(body.assessedOn, person.referral_received_on) < 0) {
      throw invalid('assessedOn', 'l’évaluation ne peut pas précéder la réception de l’orientation.');
    }
    const conditions = Object.fromEntries(
      COACHABILITY_CONDITIONS.map((c) => [c, body.conditions[c].met]),
    ) as Record<(typeof COACHABILITY_CONDITIONS)[number], boolean>;
    const [error] = validateCoachabilityAssessment({
      assessedOn: body.assessedOn,
      conditions,
      decision: body.decision,
      reviewDate: body.reviewDate ?? null,
      partner: body.redirectPartnerId ?? null,
      reason: body.reason ?? null,
    });
    if (error) throw new AppError(400, 'validation', error.message, API_FIELD[error.field] ?? error.field);
    const redirected = body.decision === 'redirected';
    if (redirected)
      await assertPartner(ctx.db, ctx.organisationId, body.redirectPartnerId!, 'redirectPartnerId');
    await ctx.db
      .insertInto('coachability_assessment')
      .values({
        organisation_id: ctx.organisationId,
        person_id: id,
        assessed_on: body.assessedOn,
        conditions: JSON.stringify(
          Object.fromEntries(
            COACHABILITY_CONDITIONS.map((c) => [
              c,
              { met: body.conditions[c].met, comment: body.conditions[c].comment ?? null },
            ]),
          ),
        ),
        decision: body.decision,
        review_date: body.decision === 'postponed' ? (body.reviewDate ?? null) : null,
        redirect_partner_id: redirected ? (body.redirectPartnerId ?? null) : null,
        reason: body.reason ?? null,
        assessor_id: scope.userId,
        created_at: ctx.now,
      })
      .execute();
    // The referring partner hears of the decision, with the person's consent (prescriber-answer.ts).
    ctx.audit.details.prescriberAnswered = await answerPrescriber(
      ctx,
      person,
      body.decision,
      body.decision === 'postponed' ? (body.reviewDate ?? null) : null,
      scope.userId,
    );
    return (await loadPersonFile(ctx.db, ctx.organisationId, id, viewerOf(scope), ctx.today))!;
  },
);

/**
 * Whether the organisation already has the contact a device sent under this identifier (an
 * outbox sending again after a lost answer): then nothing is recorded and the answer is the
 * file, as the first time. The person's row is locked first, so two sends of the same contact
 * at once wait for each other instead of meeting on the unique index. The identifier of a
 * contact about someone else is refused, without saying whom it is about.
 */
async function alreadyRecorded(ctx: Context, personId: string, clientId: string): Promise<boolean> {
  await lockPerson(ctx.db, ctx.organisationId, personId);
  const existing = await ctx.db
    .selectFrom('contact')
    .select('id')
    .where('organisation_id', '=', ctx.organisationId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (!existing) return false;
  const about = await ctx.db
    .selectFrom('contact_person')
    .select('person_id')
    .where('contact_id', '=', existing.id)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!about) {
    throw new AppError(
      409,
      'conflict',
      'Cet identifiant de contact est déjà pris par un autre contact.',
      'clientId',
    );
  }
  ctx.audit.entityId = existing.id;
  ctx.audit.details = { replayed: true };
  return true;
}

/**
 * « Noter un contact » on a person's file: one record (contacts/record.ts), about the person (who
 * took part or not), with an employer of the registry when one took part.
 */
export const logContact = defineCommand(
  'persons.logContact',
  contactInputSchema.extend({ personId: idSchema }),
  { action: 'create', entity: 'contact' },
  async (ctx, { personId: id, personPresent, employerId, plannedContactId, clientId, ...body }) => {
    const scope = await requirePerson(ctx, 'persons.write', id);
    // Sent again from a device's outbox: answered as the first time, nothing recorded twice.
    if (clientId && (await alreadyRecorded(ctx, id, clientId))) {
      return (await loadPersonFile(ctx.db, ctx.organisationId, id, viewerOf(scope), ctx.today))!;
    }
    const contactId = await recordContact(ctx, {
      ...body,
      employerId,
      clientId,
      persons: [{ personId: id, present: personPresent }],
    });
    if (plannedContactId) await markPlanDone(ctx, plannedContactId, id, contactId);
    return (await loadPersonFile(ctx.db, ctx.organisationId, id, viewerOf(scope), ctx.today))!;
  },
);
