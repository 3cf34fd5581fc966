import type { PersonSummary } from '@jobcoach/contract';
import type { Db } from '../persons/common.ts';
import { personSummaryOf, selectPersonLines } from '../persons/queries.ts';
import { loadSettings } from '../settings/queries.ts';

/** The summaries of the organisation's persons among `ids`, keyed by id. */
export async function personSummaries(
  db: Db,
  organisationId: string,
  today: string,
  ids: readonly string[],
): Promise<Map<string, PersonSummary>> {
  if (ids.length === 0) return new Map();
  const [rows, { cadence }] = await Promise.all([
    selectPersonLines(db, organisationId).where('p.id', 'in', ids).execute(),
    loadSettings(db, organisationId),
  ]);
  return new Map(rows.map((r) => [r.id, personSummaryOf(r, today, cadence)]));
}
