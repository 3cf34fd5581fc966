import { appendAudit } from '../../application/audit.ts';
import type { AuditSpec } from '../../application/context.ts';
import type { AppDatabase } from '../../application/database.ts';
import { AppError } from '../../application/errors.ts';
import type { Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';

/** Who moves the clock: anyone, signed in or not (an end-to-end test outside any session). */
export interface TestClockCaller {
  userId: string | null;
  /** The caller's current organisation, if signed in: where the audit entry is filed. */
  organisationId: string | null;
  clientAddress: string | null;
}

export const shiftTestClockAudit: AuditSpec = { action: 'clock_shift', entity: 'test_clock' };

/**
 * Moves the server's clock, for end-to-end tests of deadlines and cadence: an absolute shift in
 * days ({ days: 0 } puts it back), written to the audit log first. Refused (404, as for a route
 * that does not exist) unless the server was built for tests. It belongs to no organisation, so
 * it runs without an organisation's context.
 */
export async function shiftTestClock(
  deps: { database: AppDatabase; clock: Clock; config: Pick<Config, 'allowTestClock'> },
  caller: TestClockCaller,
  { days }: { days: number },
): Promise<{ today: string }> {
  if (!deps.config.allowTestClock) {
    throw new AppError(404, 'not_found', 'Ressource introuvable.');
  }
  await appendAudit(deps.database.acrossOrganisations('audit'), {
    at: deps.clock.now(),
    actor_id: caller.userId,
    organisation_id: caller.organisationId,
    action: shiftTestClockAudit.action,
    entity: shiftTestClockAudit.entity,
    entity_id: null,
    client_address: caller.clientAddress,
    details: JSON.stringify({ days }),
  });
  deps.clock.shiftDays(days);
  return { today: deps.clock.today() };
}
