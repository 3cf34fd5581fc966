import type { OutboxStatus } from '@jobcoach/contract';
import { z } from 'zod';
import { defineInstallationQuery } from '../../application/installation.ts';

/**
 * The installation administrator's view of the outbox (« Courriels en attente »): how many
 * messages wait, how many were given up, since when; whether SMTP is configured at all. Counts
 * only: no address, subject or body leaves the table.
 */
export function outboxUseCases(configured: boolean) {
  const readOutbox = defineInstallationQuery(
    'mail.outbox',
    z.object({}),
    async (ctx): Promise<OutboxStatus> => {
      ctx.requireAdmin();
      const row = await ctx
        .across('administration')
        .selectFrom('outbox')
        .select((eb) => [
          eb.fn
            .countAll<number>()
            .filterWhere((w) => w.and([w('sent_at', 'is', null), w('failed_at', 'is', null)]))
            .as('pending'),
          eb.fn.countAll<number>().filterWhere('failed_at', 'is not', null).as('failed'),
          eb.fn
            .min('created_at')
            .filterWhere((w) => w.and([w('sent_at', 'is', null), w('failed_at', 'is', null)]))
            .as('oldest'),
        ])
        .executeTakeFirstOrThrow();
      const oldest = row.oldest as Date | string | null;
      return {
        configured,
        pending: Number(row.pending),
        failed: Number(row.failed),
        oldestPendingAt: oldest === null ? null : new Date(oldest).toISOString(),
      };
    },
  );
  return { readOutbox };
}
