import { type Database, PREPARED_MARK, type Selectable, sql, unscopedStatement } from '@jobcoach/db';
import {
  type HiringAidAuthority,
  type HiringAidRule,
  hiringAidsFor,
  type IncomeSource,
  joblessMonthsOn,
  type OpenedHiringAid,
} from '@jobcoach/domain';
import type { Db } from '../persons/common.ts';

/**
 * Hiring aids of persons: the installation's dated rules (table hiring_aid_rule, edited by the
 * administrator) evaluated by the domain (hiringAidsFor) on the person's facts on a day.
 */

export type HiringAidRuleRow = Selectable<Database['hiring_aid_rule']>;

export function toHiringAidRule(r: HiringAidRuleRow): HiringAidRule {
  return {
    code: r.code,
    name: r.name,
    authority: r.authority as HiringAidAuthority,
    conditions: {
      ageBelow: r.conditions.ageBelow ?? null,
      ageFrom: r.conditions.ageFrom ?? null,
      minJoblessMonths: r.conditions.minJoblessMonths ?? null,
      incomes: (r.conditions.incomes ?? null) as IncomeSource[] | null,
      walloonResident: r.conditions.walloonResident === true,
    },
    employerCondition: r.employer_condition,
    amount: r.amount,
    monthlyAmount: r.monthly_amount === null ? null : Number(r.monthly_amount),
    durationMonths: r.duration_months,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    source: r.source,
  };
}

/** The installation's rules, oldest first: read by every matching answer, so compiled once. */
const hiringAidRules = unscopedStatement((db, _p: Record<string, never>) =>
  db
    .selectFrom('hiring_aid_rule')
    .selectAll()
    .orderBy('valid_from')
    .orderBy('code')
    .orderBy('id')
    .modifyEnd(sql.raw(PREPARED_MARK)),
);

/** The rules, oldest first. */
export async function loadHiringAidRules(db: Db): Promise<HiringAidRule[]> {
  return (await hiringAidRules(db, {})).map(toHiringAidRule);
}

/** The person columns the rules read. */
export interface HiringAidFactsRow {
  birth_date: string | null;
  months_without_job: number | null;
  referral_received_on: string;
  income: string | null;
  postcode: string | null;
}

export function personHiringAids(
  row: HiringAidFactsRow,
  rules: readonly HiringAidRule[],
  on: string,
): OpenedHiringAid[] {
  const aids = hiringAidsFor(
    {
      birthDate: row.birth_date,
      joblessMonths: joblessMonthsOn(row.months_without_job, row.referral_received_on, on),
      income: row.income as IncomeSource | null,
      postcode: row.postcode,
    },
    rules,
    on,
  );
  // The aids the person's facts open first, then those that depend on the employer.
  return [
    ...aids.filter((a) => a.employerCondition === null),
    ...aids.filter((a) => a.employerCondition !== null),
  ];
}
