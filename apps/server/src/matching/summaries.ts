import type { PersonSummary } from '@jobcoach/contract';
import { type CadenceSettings, cadenceOf, formatNiss, type Phase } from '@jobcoach/domain';
import type { Db } from '../persons/common.ts';
import { type PersonLine, selectPersonLines } from '../persons/queries.ts';
import { loadSettings } from '../settings/queries.ts';

/** "85073003328" → "**.**.**-*33.28", as GET /api/persons shows it. */
function maskNiss(niss: string | null): string | null {
  if (!niss) return null;
  return formatNiss(niss).replace(/\d/g, (d, index: number) => (index >= 10 ? d : '*'));
}

/**
 * A person's line as GET /api/persons shows it (PersonSummary), from the persons capability's own
 * query (selectPersonLines) and the organisation's cadence rule.
 */
export function personSummaryOf(line: PersonLine, today: string, cadence: CadenceSettings): PersonSummary {
  const status = cadenceOf(
    {
      phase: line.phase as Phase,
      phaseSince: line.phase_since,
      preHireEntry: line.pre_hire_entry,
      lastDirectContact: line.last_direct_contact,
    },
    today,
    cadence,
  );
  return {
    id: line.id,
    firstName: line.first_name,
    lastName: line.last_name,
    phase: line.phase as Phase,
    coachId: line.coach_id,
    coachName: line.coach_name,
    decision: (line.decision as PersonSummary['decision']) ?? null,
    reviewDate: line.review_date ?? null,
    phone: line.phone,
    nissMasked: maskNiss(line.niss),
    overdue: status.overdue,
    nextDue: status.dueDate,
  };
}

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
