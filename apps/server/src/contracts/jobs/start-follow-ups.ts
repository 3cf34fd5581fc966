import { Context, writeAuditEntry } from '../../application/context.ts';
import type { AppDatabase } from '../../application/database.ts';
import { startContractFollowUp } from '../service.ts';

/**
 * The follow-up starts from the contract on its first day, on its own (method.md §5): every
 * morning, each person still waiting in hiring whose employment contract has begun (started, not
 * ended) moves to follow-up through the contract's own use case, dated on the contract's first day.
 * The coach can do the same at once with one click on the contract (nothing more is asked).
 * Returns how many follow-ups started.
 */
export async function startDueFollowUps(
  database: AppDatabase,
  day: { today: string; now: Date },
): Promise<number> {
  // Across organisations: the job serves the whole installation; each move then runs scoped.
  const due = await database
    .acrossOrganisations('jobs')
    .selectFrom('contract as k')
    .innerJoin('person as p', (j) =>
      j.onRef('p.id', '=', 'k.person_id').onRef('p.organisation_id', '=', 'k.organisation_id'),
    )
    .select(['k.id', 'k.organisation_id'])
    .distinctOn('p.id')
    .where('p.phase', '=', 'hiring')
    .where('p.deleted_at', 'is', null)
    .where('p.erased_at', 'is', null)
    .where('k.type', '<>', 'immersion')
    .where('k.actual_end_on', 'is', null)
    .where('k.cancelled_at', 'is', null)
    .where('k.start_on', '<=', day.today)
    .orderBy('p.id')
    .orderBy('k.start_on')
    .execute();
  let started = 0;
  for (const contract of due) {
    await database.transaction(async (trx) => {
      const ctx = Context.within(
        trx,
        contract.organisation_id,
        { userId: null, role: 'coordinator', clientAddress: null },
        day,
      );
      await startContractFollowUp(ctx, contract.id);
      await writeAuditEntry(
        ctx,
        { action: 'start_follow_up', entity: 'contract' },
        { entityId: contract.id, details: { trigger: 'schedule' } },
      );
    });
    started++;
  }
  return started;
}
