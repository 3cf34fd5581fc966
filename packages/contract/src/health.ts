import { z } from 'zod';

/** The health check, answered with 200 when the database answers, 503 otherwise. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ ok: z.boolean(), driver: z.enum(['pglite', 'postgres']) }),
});
export type Health = z.output<typeof healthSchema>;

/** /api/health/live: the process answers (never touches the database). */
export const livenessSchema = z.object({ status: z.literal('ok') });

/** /api/health/ready: whether a load balancer should send requests (database up, not stopping). */
export const readinessSchema = z.object({
  status: z.enum(['ready', 'unavailable', 'stopping']),
  database: z.object({ ok: z.boolean(), driver: z.enum(['pglite', 'postgres']) }),
});
