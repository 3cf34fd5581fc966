import type { PersonFile } from '@jobcoach/contract';
import {
  CONTRACT_END_REASON_LABELS,
  CONTRACT_KIND_LABELS,
  CONTRACT_TYPE_LABELS,
  type ContractDays,
  type ContractKind,
  compareDates,
  contractEnd,
  contractStatus,
  daysBetween,
  type EmploymentPeriod,
  employmentKindOf,
  type FollowUpWindow,
  followUpWindow,
  suspendingPeriods,
} from '@jobcoach/domain';
import { type ContractLine, toDomainContract } from '../contracts/queries.ts';

/** A hand-entered employment period (employment_period: jobs the coach only heard about). */
export interface HandEnteredPeriod {
  id: string;
  kind: ContractKind;
  start: string;
  end: string | null;
}

/**
 * What the person's jobs mean for the trajectory, read with the domain's rules: the periods the
 * pre-hire clock is suspended by (every employment contract and every hand-entered period) and the
 * follow-up window of the current employment.
 */
export function employmentRules(
  contracts: readonly ContractDays[],
  periods: readonly HandEnteredPeriod[],
  today: string,
) {
  const handEntered: EmploymentPeriod[] = periods.map(({ kind, start, end }) => ({ kind, start, end }));
  return {
    clockPeriods: suspendingPeriods(contracts, handEntered),
    window: followUpWindow(contracts, today, handEntered),
  };
}

/** The rules above, with the employment history shown on the person's file. */
export function personEmployment(
  lines: readonly ContractLine[],
  periods: readonly HandEnteredPeriod[],
  today: string,
) {
  const contracts = lines.map(toDomainContract);
  const rules = employmentRules(contracts, periods, today);
  const history: PersonFile['employmentHistory'] = [
    ...lines.map((l, i) => {
      const c = contracts[i]!;
      return {
        id: l.id,
        source: 'contract' as const,
        kind: employmentKindOf(c),
        type: c.type,
        label: CONTRACT_TYPE_LABELS[c.type],
        employerName: l.employer_name,
        jobTitle: l.job_title,
        start: c.start,
        end: contractEnd(c),
        status: contractStatus(c, today),
        ongoing: contractStatus(c, today) === 'running',
        endReasonLabel: c.endReason ? CONTRACT_END_REASON_LABELS[c.endReason] : null,
      };
    }),
    ...periods.map((p) => ({
      id: p.id,
      source: 'hand_entered' as const,
      kind: p.kind,
      type: null,
      label: CONTRACT_KIND_LABELS[p.kind],
      employerName: null,
      jobTitle: null,
      start: p.start,
      end: p.end,
      status: contractStatus({ start: p.start, plannedEnd: p.end, actualEnd: null }, today),
      ongoing: compareDates(p.start, today) <= 0 && (p.end === null || compareDates(today, p.end) <= 0),
      endReasonLabel: null,
    })),
  ].sort((a, b) => compareDates(b.start, a.start) || a.id.localeCompare(b.id));
  return { ...rules, contracts, history };
}

/** The follow-up window as the file shows it (in follow-up only), with the days left. */
export function followUpOf(
  window: FollowUpWindow | null,
  phase: string,
  today: string,
): PersonFile['followUp'] {
  if (phase !== 'follow_up' || window === null) return null;
  return {
    start: window.start,
    limit: window.limit,
    end: window.end,
    daysLeft: Math.max(0, daysBetween(today, window.end)),
  };
}
