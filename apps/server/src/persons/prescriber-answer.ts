import type { Context } from '../application/context.ts';
import { enqueueMail, sendsMail } from '../mail/outbox.ts';
import { type IntakeDecision, intakeDecisionMail } from '../mail/templates.ts';

/** The first e-mail address written in a partner's contact (free text: a name, a phone, an address). */
export function contactEmail(contact: string | null): string | null {
  const match = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/.exec(contact ?? '');
  return match ? match[0].toLowerCase() : null;
}

/**
 * The answer to the prescriber (method.md §3): once the intake decision is taken, the partner who
 * referred the person gets a short message with the decision (accepted, postponed, redirected),
 * when three things hold: the server sends e-mail, the partner's contact holds an e-mail address,
 * and the person's consent to share with this very partner is in force today. Nothing else about
 * the person leaves (no reason, no condition, not the service a person is redirected to). The
 * message is a hand-off to the partner: it is recorded as one (person_handoff), so the person's
 * recipients list shows it. In the transaction of the decision.
 */
export async function answerPrescriber(
  ctx: Context,
  person: {
    id: string;
    first_name: string;
    last_name: string;
    referral_partner_id: string | null;
    referral_received_on: string;
  },
  decision: IntakeDecision,
  reviewDate: string | null,
  sharedBy: string | null,
): Promise<boolean> {
  if (!person.referral_partner_id || !sendsMail(ctx)) return false;
  const partner = await ctx.db
    .selectFrom('partner')
    .select(['id', 'contact'])
    .where('id', '=', person.referral_partner_id)
    .executeTakeFirst();
  const to = contactEmail(partner?.contact ?? null);
  if (!partner || !to) return false;
  const consent = await ctx.db
    .selectFrom('person_consent')
    .select('id')
    .where('person_id', '=', person.id)
    .where('purpose', '=', 'sharing_with_partner')
    .where('partner_id', '=', partner.id)
    .where('withdrawn_on', 'is', null)
    .where('given_on', '<=', ctx.today)
    .executeTakeFirst();
  if (!consent) return false;
  const organisation = await ctx.db
    .selectFrom('organisation')
    .select('name')
    .where('id', '=', ctx.organisationId)
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('person_handoff')
    .values({
      organisation_id: ctx.organisationId,
      person_id: person.id,
      partner_id: partner.id,
      consent_id: consent.id,
      purpose: 'report_to_prescriber',
      sections: JSON.stringify(['identity', 'trajectory']),
      note: null,
      shared_on: ctx.today,
      shared_by: sharedBy,
      created_at: ctx.now,
    })
    .execute();
  await enqueueMail(
    ctx,
    'intake_decision',
    intakeDecisionMail(to, {
      organisationName: organisation.name,
      personName: `${person.first_name} ${person.last_name}`.trim(),
      referralReceivedOn: person.referral_received_on,
      decision,
      reviewDate,
    }),
  );
  return true;
}
