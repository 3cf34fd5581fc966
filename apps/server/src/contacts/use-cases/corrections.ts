import { cancellationSchema, contactCorrectionSchema } from '@jobcoach/contract';
import { type FieldError, mayCorrect, validateContact, validateCorrectionReason } from '@jobcoach/domain';
import { z } from 'zod';
import type { Context } from '../../application/context.ts';
import { AppError, notFound, refusal, staleVersion } from '../../application/errors.ts';
import { personIsInScope, personScope } from '../../application/person-scope.ts';
import { defineCommand } from '../../application/use-case.ts';

const idSchema = z.uuid('identifiant invalide.');

/**
 * The contact, locked, with its persons, if the caller reaches it: a contact about persons is
 * reached when every one of them is in the caller's scope; one with an employer only, by the
 * members who keep the employers' contacts. Otherwise 404, as for an unknown id.
 */
async function reachableContact(ctx: Context, contactId: string) {
  const contact = await ctx.db
    .selectFrom('contact')
    .selectAll()
    .where('id', '=', contactId)
    .forUpdate()
    .executeTakeFirst();
  if (!contact) throw notFound('Contact');
  const persons = await ctx.db
    .selectFrom('contact_person')
    .select(['person_id', 'present'])
    .where('contact_id', '=', contactId)
    .execute();
  if (persons.length > 0) {
    const ps = await personScope(ctx, 'persons.write');
    for (const p of persons) if (!(await personIsInScope(ctx, ps, p.person_id))) throw notFound('Contact');
  } else {
    ctx.require('employers.write');
  }
  // Its author or a coordinator corrects an entry (domain contacts.ts).
  if (!mayCorrect({ authorId: contact.author_id }, { userId: ctx.userId, role: ctx.role })) {
    throw new AppError(
      403,
      'forbidden',
      'Seul·e l’auteur·rice de ce contact ou un·e coordinateur·rice peut le corriger ou l’annuler.',
      undefined,
      undefined,
      { key: 'correction.forbidden' },
    );
  }
  if (contact.cancelled_at) {
    throw new AppError(
      409,
      'conflict',
      'Ce contact a été annulé : il ne se corrige plus.',
      undefined,
      undefined,
      {
        key: 'correction.contact_cancelled',
      },
    );
  }
  return { contact, persons };
}

function refuse(errors: FieldError[]) {
  const [first] = errors;
  if (first) throw refusal(first);
}

/** The fields of a contact as the audit log keeps them (both versions of a correction). */
const auditView = (c: Record<string, unknown>) => ({
  date: c.date,
  channel: c.channel,
  purpose: c.purpose,
  counterpart: c.counterpart,
  durationMinutes: c.duration_minutes,
  notes: c.notes === null ? null : '(texte)',
  nextPlannedOn: c.next_planned_on,
});

/**
 * « Corriger » a contact entered by mistake (its date, channel, object, notes…), with a reason: the
 * record keeps one version, marked corrected with the reason; the audit log keeps both. The
 * cadence and « Ma journée » follow the corrected facts (the persons' summaries, by trigger).
 */
export const correctContact = defineCommand(
  'contacts.correct',
  contactCorrectionSchema.extend({ contactId: idSchema }),
  { action: 'correct', entity: 'contact' },
  async (ctx, { contactId, reason, version, ...changes }) => {
    const { contact, persons } = await reachableContact(ctx, contactId);
    if (contact.version !== version) throw staleVersion(null);
    refuse(validateCorrectionReason(reason));
    const merged = {
      date: changes.date ?? contact.date,
      channel: changes.channel ?? contact.channel,
      purpose: changes.purpose !== undefined ? changes.purpose : contact.purpose,
      counterpart: changes.counterpart !== undefined ? changes.counterpart : contact.counterpart,
      duration_minutes:
        changes.durationMinutes !== undefined ? changes.durationMinutes : contact.duration_minutes,
      notes: changes.notes !== undefined ? changes.notes : contact.notes,
      next_planned_on: changes.nextPlannedOn !== undefined ? changes.nextPlannedOn : contact.next_planned_on,
    };
    refuse(
      validateContact(
        {
          date: merged.date,
          channel: merged.channel,
          persons: persons.map((p) => ({ personId: p.person_id, present: p.present })),
          employerId: contact.employer_id,
          counterpart: merged.counterpart,
          nextPlannedOn: merged.next_planned_on,
        },
        ctx.today,
      ),
    );
    await ctx.db
      .updateTable('contact')
      .set((eb) => ({
        ...merged,
        version: eb('version', '+', 1),
        corrected_at: ctx.now,
        corrected_by: ctx.userId,
        correction_reason: reason.trim(),
      }))
      .where('id', '=', contactId)
      .execute();
    ctx.audit.entityId = contactId;
    ctx.audit.details = {
      reason: reason.trim(),
      before: auditView(contact),
      after: auditView(merged),
      personIds: persons.map((p) => p.person_id),
      employerId: contact.employer_id,
    };
    return { id: contactId, status: 'corrected' as const, version: contact.version + 1 };
  },
);

/**
 * « Annuler » a contact entered by mistake, with a reason: it stays on the timeline marked
 * cancelled, and counts no more (the cadence, « Employeurs contactés », the basin's view).
 */
export const cancelContact = defineCommand(
  'contacts.cancel',
  cancellationSchema.extend({ contactId: idSchema }),
  { action: 'cancel', entity: 'contact' },
  async (ctx, { contactId, reason }) => {
    const { contact, persons } = await reachableContact(ctx, contactId);
    refuse(validateCorrectionReason(reason));
    await ctx.db
      .updateTable('contact')
      .set((eb) => ({
        version: eb('version', '+', 1),
        cancelled_at: ctx.now,
        cancelled_by: ctx.userId,
        cancellation_reason: reason.trim(),
      }))
      .where('id', '=', contactId)
      .execute();
    ctx.audit.entityId = contactId;
    ctx.audit.details = {
      reason: reason.trim(),
      before: auditView(contact),
      personIds: persons.map((p) => p.person_id),
      employerId: contact.employer_id,
    };
    return { id: contactId, status: 'cancelled' as const, version: contact.version + 1 };
  },
);
