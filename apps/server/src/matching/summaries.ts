import type { PersonSummary } from '@jobcoach/contract';
import { PREPARED_MARK, sql } from '@jobcoach/db';
import { cadenceOf, formatNiss, type Phase } from '@jobcoach/domain';
import { type PersonScope, personInScope } from '../application/person-scope.ts';
import type { Db } from '../persons/common.ts';
import { type PersonLine, selectPersonLines } from '../persons/queries.ts';
import { loadSettings } from '../settings/queries.ts';

/** "85073003328" → "**.**.**-*33.28", as GET /api/persons shows it. */
function maskNiss(niss: string | null): string | null {
  if (!niss) return null;
  return formatNiss(niss).replace(/\d/g, (d, index: number) => (index >= 10 ? d : '*'));
}

/**
 * PersonSummary lines (the shape of GET /api/persons) for the organisation's persons the filter
 * keeps, built from the persons capability's own query and cadence rule.
 */
export async function personSummaries(
  db: Db,
  organisationId: string,
  today: string,
  filter: { phase?: Phase; coachId?: string; ids?: string[]; scope?: PersonScope },
): Promise<Map<string, PersonSummary>> {
  let query = db.selectFrom(selectPersonLines(db, organisationId).as('l')).selectAll();
  // Only the persons the caller reaches (a jobcoach: own caseload, application/person-scope.ts).
  if (filter.scope) query = query.where(personInScope(filter.scope, 'l'));
  if (filter.phase) query = query.where('l.phase', '=', filter.phase);
  if (filter.coachId) query = query.where('l.coach_id', '=', filter.coachId);
  if (filter.ids) {
    if (filter.ids.length === 0) return new Map();
    query = query.where('l.id', 'in', filter.ids);
  }
  // Without a list of ids the text depends only on which filters are given: prepared once per
  // connection (PREPARED_MARK, packages/db).
  const [rows, { cadence }] = await Promise.all([
    (filter.ids ? query : query.modifyEnd(sql.raw(PREPARED_MARK))).execute() as Promise<PersonLine[]>,
    loadSettings(db, organisationId),
  ]);
  return new Map(
    rows.map((r) => {
      const status = cadenceOf(
        {
          phase: r.phase as Phase,
          phaseSince: r.phase_since,
          preHireEntry: r.pre_hire_entry,
          lastDirectContact: r.last_direct_contact,
        },
        today,
        cadence,
      );
      const summary: PersonSummary = {
        id: r.id,
        firstName: r.first_name,
        lastName: r.last_name,
        phase: r.phase as Phase,
        coachId: r.coach_id,
        coachName: r.coach_name,
        decision: (r.decision as PersonSummary['decision']) ?? null,
        reviewDate: r.review_date ?? null,
        phone: r.phone,
        nissMasked: maskNiss(r.niss),
        overdue: status.overdue,
        nextDue: status.dueDate,
      };
      return [r.id, summary];
    }),
  );
}
