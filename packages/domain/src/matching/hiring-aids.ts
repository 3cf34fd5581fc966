import { ageAt, type IsoDate, monthsBetween } from '../calendar.ts';
import type { IncomeSource } from '../person.ts';

/**
 * Hiring aids (aides à l'embauche): what a person may open for an employer who hires them. The
 * rules are dated configuration, not code: each rule has its conditions on the person's facts,
 * its amount, the period it is in force and its source. The installation keeps them in a table
 * that an administrator edits (shipped with DEFAULT_HIRING_AID_RULES, migration 0016); this module
 * only evaluates them. Aids are shown beside a match and on a presentation and never weigh in the
 * matching score (method.md §6).
 */

export const HIRING_AID_AUTHORITIES = ['wallonia', 'federal', 'cpas', 'other'] as const;
export type HiringAidAuthority = (typeof HIRING_AID_AUTHORITIES)[number];
export const HIRING_AID_AUTHORITY_LABELS: Record<HiringAidAuthority, string> = {
  wallonia: 'Région wallonne',
  federal: 'Fédéral',
  cpas: 'CPAS',
  other: 'Autre',
};

/** Conditions on the person's facts; a condition left null does not apply. */
export interface HiringAidConditions {
  /** Younger than this age on the day (« moins de 25 ans »). */
  ageBelow: number | null;
  /** At least this age on the day (« 55 ans et plus »). */
  ageFrom: number | null;
  /** Without a job for at least this many months on the day. */
  minJoblessMonths: number | null;
  /** The person's income is one of these (art. 60 §7: the integration income of a CPAS). */
  incomes: IncomeSource[] | null;
  /** Lives in Wallonia (postcode 1300–1499 or 4000–7999). */
  walloonResident: boolean;
}

export interface HiringAidRule {
  /** Stable identifier of the aid (the contract's HIRING_AIDS code where it has one); a new version keeps it. */
  code: string;
  /** French name shown to the coach and the employer. */
  name: string;
  authority: HiringAidAuthority;
  conditions: HiringAidConditions;
  /** What the employer has to meet, said in words and checked with the employer (« premier engagement »). */
  employerCondition: string | null;
  /** The amount in words (« 500 € par mois pendant 24 mois, déduits du salaire net »). */
  amount: string;
  /** Monthly equivalent in euros used by the wage-cost estimate; null when it depends on the employer. */
  monthlyAmount: number | null;
  /** How long the aid runs, in months; null when not limited or not known. */
  durationMonths: number | null;
  validFrom: IsoDate;
  /** Last day in force; null while in force. */
  validTo: IsoDate | null;
  /** Where the rule comes from (legal text or official page) and when it was checked. */
  source: string;
}

/** The facts of a person the rules read, on the day of the assessment. */
export interface HiringAidFacts {
  birthDate: IsoDate | null;
  /** Months without a job on the day; null when unknown. */
  joblessMonths: number | null;
  income: IncomeSource | null;
  postcode: string | null;
}

export interface OpenedHiringAid {
  code: string;
  name: string;
  authority: HiringAidAuthority;
  amount: string;
  monthlyAmount: number | null;
  durationMonths: number | null;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  source: string;
  /** Why the person opens it, in French (« 24 ans (moins de 25 ans) »…). */
  because: string[];
  /** What remains to check with the employer, when the rule says. */
  employerCondition: string | null;
}

/**
 * Months without a job on a day, from the months recorded at a date (the file records « mois sans
 * emploi » at intake): the months since then are added while the person is still looking. Null
 * when nothing was recorded.
 */
export function joblessMonthsOn(recorded: number | null, recordedOn: IsoDate, on: IsoDate): number | null {
  if (recorded === null) return null;
  return recorded + monthsBetween(recordedOn, on);
}

export function isWalloonPostcode(postcode: string | null): boolean {
  if (postcode === null || !/^\d{4}$/.test(postcode.trim())) return false;
  const n = Number(postcode.trim());
  return (n >= 1300 && n <= 1499) || (n >= 4000 && n <= 7999);
}

/** Whether a rule is in force on a day (validFrom and validTo included). */
export function ruleInForce(rule: Pick<HiringAidRule, 'validFrom' | 'validTo'>, on: IsoDate): boolean {
  return rule.validFrom <= on && (rule.validTo === null || on <= rule.validTo);
}

/**
 * The aids a person opens on a day under the given rules, in the rules' order. A condition on a
 * fact that is not recorded (no birth date, no jobless months…) is not met: the aid is not
 * proposed until the fact is recorded, rather than promised to an employer.
 */
export function hiringAidsFor(
  facts: HiringAidFacts,
  rules: readonly HiringAidRule[],
  on: IsoDate,
): OpenedHiringAid[] {
  const out: OpenedHiringAid[] = [];
  for (const rule of rules) {
    if (!ruleInForce(rule, on)) continue;
    const because = reasonsMet(rule.conditions, facts, on);
    if (because === null) continue;
    out.push({
      code: rule.code,
      name: rule.name,
      authority: rule.authority,
      amount: rule.amount,
      monthlyAmount: rule.monthlyAmount,
      durationMonths: rule.durationMonths,
      validFrom: rule.validFrom,
      validTo: rule.validTo,
      source: rule.source,
      because,
      employerCondition: rule.employerCondition,
    });
  }
  return out;
}

function reasonsMet(c: HiringAidConditions, facts: HiringAidFacts, on: IsoDate): string[] | null {
  const because: string[] = [];
  if (c.ageBelow !== null || c.ageFrom !== null) {
    if (facts.birthDate === null) return null;
    const age = ageAt(facts.birthDate, on);
    if (c.ageBelow !== null && !(age < c.ageBelow)) return null;
    if (c.ageFrom !== null && !(age >= c.ageFrom)) return null;
    because.push(
      c.ageBelow !== null
        ? `${age} ans (moins de ${c.ageBelow} ans)`
        : `${age} ans (${c.ageFrom} ans ou plus)`,
    );
  }
  if (c.minJoblessMonths !== null) {
    if (facts.joblessMonths === null || facts.joblessMonths < c.minJoblessMonths) return null;
    because.push(`${facts.joblessMonths} mois sans emploi (au moins ${c.minJoblessMonths})`);
  }
  if (c.incomes !== null && c.incomes.length > 0) {
    if (facts.income === null || !c.incomes.includes(facts.income)) return null;
    because.push(facts.income === 'integration_income' ? 'revenu d’intégration (CPAS)' : 'revenu');
  }
  if (c.walloonResident) {
    if (!isWalloonPostcode(facts.postcode)) return null;
    because.push('domicile en Wallonie');
  }
  return because;
}

const NO_CONDITIONS: HiringAidConditions = {
  ageBelow: null,
  ageFrom: null,
  minJoblessMonths: null,
  incomes: null,
  walloonResident: false,
};

/**
 * The rules shipped with the project (and inserted by migration 0016; a test ties the two). The
 * amounts and conditions are the main ones of each measure as publicly documented; each rule names
 * its source, and the administrator checks and updates them (docs/hiring-aids.md). Impulsion took
 * over from the federal Activa plan in Wallonia on 1 July 2017, after the sixth state reform.
 */
export const DEFAULT_HIRING_AID_RULES: readonly HiringAidRule[] = [
  {
    code: 'activa',
    name: 'Plan Activa (allocation de travail)',
    authority: 'federal',
    conditions: { ...NO_CONDITIONS, minJoblessMonths: 12, walloonResident: true },
    employerCondition: null,
    amount: '500 € par mois d’allocation de travail, déduits du salaire net, pendant 16 mois au plus',
    monthlyAmount: 500,
    durationMonths: 16,
    validFrom: '2002-01-01',
    validTo: '2017-06-30',
    source:
      'Arrêté royal du 19 décembre 2001 (plan Activa), remplacé en Wallonie par les aides Impulsion au 1er juillet 2017 (décret wallon du 2 février 2017)',
  },
  {
    code: 'impulsion_under_25',
    name: 'Impulsion -25 ans',
    authority: 'wallonia',
    conditions: { ...NO_CONDITIONS, ageBelow: 25, walloonResident: true },
    employerCondition: null,
    amount: '500 € par mois d’allocation de travail, déduits du salaire net, pendant 24 mois au plus',
    monthlyAmount: 500,
    durationMonths: 24,
    validFrom: '2017-07-01',
    validTo: null,
    source:
      'Décret wallon du 2 février 2017 relatif aux aides à la promotion de l’emploi ; le Forem, « Impulsion -25 ans » (conditions de diplôme et d’inscription à vérifier)',
  },
  {
    code: 'impulsion_12_months',
    name: 'Impulsion 12 mois +',
    authority: 'wallonia',
    conditions: { ...NO_CONDITIONS, ageFrom: 25, minJoblessMonths: 12, walloonResident: true },
    employerCondition: null,
    amount: '500 € par mois d’allocation de travail, déduits du salaire net, pendant 24 mois au plus',
    monthlyAmount: 500,
    durationMonths: 24,
    validFrom: '2017-07-01',
    validTo: null,
    source:
      'Décret wallon du 2 février 2017 relatif aux aides à la promotion de l’emploi ; le Forem, « Impulsion 12 mois + »',
  },
  {
    code: 'impulsion_55_plus',
    name: 'Impulsion 55 ans +',
    authority: 'wallonia',
    conditions: { ...NO_CONDITIONS, ageFrom: 55, walloonResident: true },
    employerCondition:
      'Salaire trimestriel sous le plafond fixé par la Région ; montant selon l’âge du travailleur',
    amount: 'Réduction des cotisations patronales, de l’ordre de 1 000 € par trimestre selon l’âge',
    monthlyAmount: 333.33,
    durationMonths: null,
    validFrom: '2017-07-01',
    validTo: null,
    source:
      'Décret wallon du 2 février 2017 relatif aux aides à la promotion de l’emploi (réduction groupe-cible travailleurs âgés) ; le Forem, « Impulsion 55 ans + »',
  },
  {
    code: 'first_hires_reduction',
    name: 'Réduction groupe-cible premiers engagements',
    authority: 'federal',
    conditions: NO_CONDITIONS,
    employerCondition: 'L’employeur engage son premier à sixième travailleur (à vérifier avec l’employeur)',
    amount: 'Réduction des cotisations patronales par trimestre, selon le rang de l’engagement',
    monthlyAmount: null,
    durationMonths: null,
    validFrom: '2004-01-01',
    validTo: null,
    source:
      'Loi-programme du 24 décembre 2002, art. 343 et suivants ; ONSS, instructions administratives « Réduction groupe-cible premiers engagements »',
  },
  {
    code: 'art60',
    name: 'Mise à l’emploi article 60 §7',
    authority: 'cpas',
    conditions: { ...NO_CONDITIONS, incomes: ['integration_income'] },
    employerCondition: 'Le CPAS est l’employeur et met la personne à disposition (convention avec le CPAS)',
    amount: 'Le CPAS engage et met à disposition ; coût pour l’utilisateur selon la convention',
    monthlyAmount: null,
    durationMonths: null,
    validFrom: '1976-08-05',
    validTo: null,
    source: 'Loi organique des CPAS du 8 juillet 1976, article 60 §7',
  },
];
