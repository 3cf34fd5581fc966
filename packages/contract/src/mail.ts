import { z } from 'zod';

/** The administrator's view of the e-mail outbox: counts only, never a message. */
export const outboxStatusSchema = z.object({
  /** SMTP_URL is set: the background job delivers the messages. */
  configured: z.boolean(),
  /** Messages not delivered yet (« Courriels en attente »). */
  pending: z.number(),
  /** Messages given up after too many failed attempts. */
  failed: z.number(),
  /** When the oldest pending message was written. */
  oldestPendingAt: z.string().nullable(),
});

export type OutboxStatus = z.output<typeof outboxStatusSchema>;
