import { z } from 'zod';

/** The health check, answered with 200 when the database answers, 503 otherwise. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ ok: z.boolean(), driver: z.enum(['pglite', 'postgres']) }),
});
export type Health = z.output<typeof healthSchema>;
