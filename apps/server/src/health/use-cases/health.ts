import type { Health, readinessSchema } from '@jobcoach/contract';
import { checkDatabase } from '@jobcoach/db';
import type { z } from 'zod';
import type { AppDatabase } from '../../application/database.ts';

/**
 * The server's health as its supervisor and load balancer ask for it (docs/operations.md): whether
 * the database answers a trivial query (no data is read), and whether the process is stopping.
 * Nobody signs in for it: it takes the server's database and driver, no context.
 */
export interface HealthDeps {
  database: AppDatabase;
  driver: 'pglite' | 'postgres';
}

/** /api/health: the database check (ok, or degraded when it does not answer). */
export async function checkHealth(deps: HealthDeps): Promise<Health> {
  const ok = await checkDatabase(deps.database.acrossOrganisations('health'));
  return { status: ok ? 'ok' : 'degraded', database: { ok, driver: deps.driver } };
}

/**
 * /api/health/ready: whether requests should be sent here: not while the database does not
 * answer, nor once the process has begun to stop (the database is then not asked).
 */
export async function checkReadiness(
  deps: HealthDeps,
  stopping: boolean,
): Promise<z.output<typeof readinessSchema>> {
  const ok = !stopping && (await checkDatabase(deps.database.acrossOrganisations('health')));
  return {
    status: stopping ? 'stopping' : ok ? 'ready' : 'unavailable',
    database: { ok, driver: deps.driver },
  };
}
