import { ageAt, type IsoDate } from './calendar.ts';
import type { Studies } from './person.ts';

/**
 * The four priority groups of the call for projects (method.md §2), in the call's order:
 * 1. without a job for at least 2 years (24 months);
 * 2. older than 45 (age in whole years > 45, i.e. 46 or more) and without a job for at least 1 year;
 * 3. under a debt settlement plan (plan d'apurement) with a recognised debt mediation service;
 * 4. single parent raising at least one child, low-qualified.
 */
export const PRIORITY_GROUPS = [
  'jobless_24_months',
  'over_45_jobless_12_months',
  'debt_settlement_plan',
  'low_qualified_single_parent',
] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

export const PRIORITY_GROUP_LABELS: Record<PriorityGroup, string> = {
  jobless_24_months: 'Sans emploi depuis au moins 2 ans',
  over_45_jobless_12_months: 'Plus de 45 ans et sans emploi depuis au moins 1 an',
  debt_settlement_plan: 'Sous plan d’apurement auprès d’un service de médiation de dettes agréé',
  low_qualified_single_parent: 'Parent isolé élevant au moins un enfant, peu qualifié',
};

/**
 * "Low-qualified" for group 4: at most a lower-secondary certificate. CEB and CESI qualify; so does
 * "other", because in the report's breakdown it gathers persons without a recognised diploma
 * (no diploma, foreign diploma not recognised). A CESS does not qualify.
 */
export const LOW_QUALIFIED_STUDIES: readonly Studies[] = ['ceb', 'cesi', 'other'];

/** What the groups are computed from. Unknown values (null) never place a person in a group. */
export interface PrioritySituation {
  birthDate: IsoDate | null;
  monthsWithoutJob: number | null;
  debtSettlementPlan: boolean | null;
  singleParent: boolean | null;
  childrenCount: number | null;
  studies: Studies | null;
}

/** The groups a person belongs to on a given day, in the call's order (possibly none). */
export function priorityGroups(situation: PrioritySituation, date: IsoDate): PriorityGroup[] {
  const months = situation.monthsWithoutJob ?? 0;
  const age = situation.birthDate === null ? null : ageAt(situation.birthDate, date);
  const member: Record<PriorityGroup, boolean> = {
    jobless_24_months: months >= 24,
    over_45_jobless_12_months: age !== null && age > 45 && months >= 12,
    debt_settlement_plan: situation.debtSettlementPlan === true,
    low_qualified_single_parent:
      situation.singleParent === true &&
      (situation.childrenCount ?? 0) >= 1 &&
      situation.studies !== null &&
      LOW_QUALIFIED_STUDIES.includes(situation.studies),
  };
  return PRIORITY_GROUPS.filter((group) => member[group]);
}
