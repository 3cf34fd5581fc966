import { sql } from '@jobcoach/db';
import type { Context } from '../application/context.ts';
import type { AppDatabase } from '../application/database.ts';
import type { InstallationContext } from '../application/installation.ts';
import type { Mailer, MailMessage } from './transport.ts';

/** What a message is for: counted for the administrator, never its content. */
export type MailKind = 'password_reset' | 'invitation' | 'intake_decision' | 'morning_digest';

/** A message is held by the instance delivering it for this long (longer than SMTP's time limits). */
export const CLAIM_SECONDS = 300;
/** After this many failed attempts a message is given up (and counted as failed). */
export const MAX_ATTEMPTS = 10;

/** Minutes to wait after the n-th failed attempt: 1, 2, 4… up to 6 hours. */
export function backOffMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 360);
}

/**
 * Whether this server sends e-mail. A notice that is only worth something if it leaves (the
 * prescriber's answer) is not written without it: it would wait in the outbox with a person's name.
 */
export function sendsMail(ctx: Context): boolean {
  // A context opened on a transaction handed in (Context.within) has no deps: it sends nothing.
  const deps = ctx.deps as Context['deps'] | null;
  return Boolean(deps?.mailer);
}

/**
 * Puts a message in the outbox, in the transaction of the use case that causes it: the message
 * exists if and only if the change does. Delivery is the background job's (`deliverDue`).
 */
export async function enqueueMail(
  ctx: Context | InstallationContext,
  kind: MailKind,
  message: MailMessage,
): Promise<void> {
  // The outbox belongs to the installation (a password reset has no organisation).
  const db = ctx.across('jobs');
  if (!db.isTransaction) throw new Error('enqueueMail needs the transaction of the change that causes it');
  await db
    .insertInto('outbox')
    .values({
      kind,
      recipient: message.to,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html,
      created_at: ctx.now,
      next_attempt_at: ctx.now,
    })
    .execute();
}

export interface DeliveryResult {
  sent: number;
  failed: number;
}

/**
 * Delivers the messages that are due, one at a time, until none is left (or `limit`). Each is
 * first claimed in a short transaction (FOR UPDATE SKIP LOCKED, then a lease in `claimed_until`), so
 * two instances running this at once never take the same message; it is marked sent as soon as
 * the SMTP server has accepted it. A failure waits longer each time (`backOffMinutes`), and the
 * message is given up after MAX_ATTEMPTS. Only counts and error codes are kept: never a body or an
 * address in a log.
 */
export async function deliverDue(
  database: AppDatabase,
  mailer: Mailer,
  now: () => Date,
  limit = 100,
): Promise<DeliveryResult> {
  const db = database.acrossOrganisations('jobs');
  const result: DeliveryResult = { sent: 0, failed: 0 };
  for (let i = 0; i < limit; i++) {
    const at = now();
    const until = new Date(at.getTime() + CLAIM_SECONDS * 1000);
    const claimed = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('outbox')
        .select(['id'])
        .where('sent_at', 'is', null)
        .where('failed_at', 'is', null)
        .where('next_attempt_at', '<=', at)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return undefined;
      return trx
        .updateTable('outbox')
        .set({ claimed_until: until, attempts: sql<number>`attempts + 1` })
        .where('id', '=', row.id)
        .returning(['id', 'recipient', 'subject', 'text_body', 'html_body', 'attempts'])
        .executeTakeFirstOrThrow();
    });
    if (!claimed) break;
    try {
      await mailer.send({
        to: claimed.recipient,
        subject: claimed.subject,
        text: claimed.text_body,
        html: claimed.html_body,
      });
    } catch (error) {
      const failedAt = now();
      const givenUp = claimed.attempts >= MAX_ATTEMPTS;
      await db
        .updateTable('outbox')
        .set({
          claimed_until: null,
          last_error: errorCode(error),
          next_attempt_at: new Date(failedAt.getTime() + backOffMinutes(claimed.attempts) * 60_000),
          failed_at: givenUp ? failedAt : null,
        })
        .where('id', '=', claimed.id)
        .execute();
      result.failed++;
      continue;
    }
    // Sent: the body (a reset link, an invitation's token) is not kept.
    await db
      .updateTable('outbox')
      .set({ sent_at: now(), claimed_until: null, last_error: null, text_body: '', html_body: null })
      .where('id', '=', claimed.id)
      .execute();
    result.sent++;
  }
  return result;
}

/** The kind of a failure, never its text (an SMTP answer may quote the address). */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'ERROR';
}
