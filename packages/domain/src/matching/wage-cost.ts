import type { IsoDate } from '../calendar.ts';

/**
 * An estimate of what a hire costs the employer each month, for a conversation with the employer:
 * the offer's hours at a gross hourly wage the coach enters, the usual employer charges of a
 * private-sector employee, minus the monthly aids the person opens. It is an estimate, not a
 * payroll calculation: every assumption is listed with the date of the parameters used, and the
 * result says so.
 */
export interface WageCostParameters {
  validFrom: IsoDate;
  /** Employer's social security contributions, as a share of gross pay (basic rate with wage moderation). */
  employerContributionRate: number;
  /** End-of-year bonus, in months of pay per year (most joint committees: one). */
  endOfYearBonusMonths: number;
  /** Double holiday pay, as a share of one month's pay a year. */
  doubleHolidayPayRate: number;
  /** Work-accident insurance and occupational health service, as a share of gross pay. */
  insuranceRate: number;
  /** Weekly hours of a full time, for the share of a full time. */
  fullTimeHours: number;
  /** Where the parameters come from. */
  source: string;
}

/** Parameters by date, oldest first; the estimate uses the last one in force on its day. */
export const WAGE_COST_PARAMETERS: readonly WageCostParameters[] = [
  {
    validFrom: '2018-01-01',
    employerContributionRate: 0.25,
    endOfYearBonusMonths: 1,
    doubleHolidayPayRate: 0.92,
    insuranceRate: 0.015,
    fullTimeHours: 38,
    source:
      'ONSS : cotisation patronale de base du secteur marchand, environ 25 % avec la modération salariale depuis le tax shift (2018) ; pécule de vacances double 92 % ; prime de fin d’année selon la commission paritaire',
  },
];

export const WEEKS_PER_MONTH = 52 / 12;

export interface WageCostInput {
  /** Gross hourly wage entered by the coach, in euros. */
  grossHourly: number;
  hoursPerWeek: number;
  /** The aids the person opens, with their monthly equivalent (null when it depends on the employer). */
  aids: readonly { name: string; monthlyAmount: number | null }[];
  on: IsoDate;
}

export interface WageCostLine {
  label: string;
  amount: number;
}

export interface WageCostEstimate {
  on: IsoDate;
  parametersFrom: IsoDate;
  grossMonthly: number;
  lines: WageCostLine[];
  costBeforeAids: number;
  aidsDeducted: number;
  costAfterAids: number;
  /** Every assumption, in French, dated. */
  assumptions: string[];
  /** Aids left out of the figure, named, because their amount depends on the employer. */
  aidsNotCounted: string[];
  notice: string;
}

const euro = (n: number) => Math.round(n * 100) / 100;
const pct = (r: number) => `${String(Math.round(r * 1000) / 10).replace('.', ',')} %`;

export function wageCostParametersOn(on: IsoDate): WageCostParameters {
  let chosen = WAGE_COST_PARAMETERS[0] as WageCostParameters;
  for (const p of WAGE_COST_PARAMETERS) if (p.validFrom <= on) chosen = p;
  return chosen;
}

export function estimateWageCost(input: WageCostInput): WageCostEstimate {
  const p = wageCostParametersOn(input.on);
  const grossMonthly = euro(input.grossHourly * input.hoursPerWeek * WEEKS_PER_MONTH);
  const contributions = euro(grossMonthly * p.employerContributionRate);
  const bonus = euro((grossMonthly * p.endOfYearBonusMonths * (1 + p.employerContributionRate)) / 12);
  const holiday = euro((grossMonthly * p.doubleHolidayPayRate) / 12);
  const insurance = euro(grossMonthly * p.insuranceRate);
  const lines: WageCostLine[] = [
    { label: 'Salaire brut mensuel', amount: grossMonthly },
    { label: 'Cotisations patronales de sécurité sociale', amount: contributions },
    { label: 'Prime de fin d’année (part mensuelle, cotisations comprises)', amount: bonus },
    { label: 'Pécule de vacances double (part mensuelle)', amount: holiday },
    { label: 'Assurance accidents du travail et médecine du travail', amount: insurance },
  ];
  const costBeforeAids = euro(lines.reduce((sum, l) => sum + l.amount, 0));
  const counted = input.aids.filter((a) => a.monthlyAmount !== null && a.monthlyAmount > 0);
  const aidsDeducted = euro(
    Math.min(
      costBeforeAids,
      counted.reduce((sum, a) => sum + (a.monthlyAmount as number), 0),
    ),
  );
  for (const a of counted)
    lines.push({ label: `Aide : ${a.name}`, amount: -euro(a.monthlyAmount as number) });
  const share = input.hoursPerWeek / p.fullTimeHours;
  const assumptions = [
    `Paramètres en vigueur au ${input.on} (depuis le ${p.validFrom}) : ${p.source}.`,
    `${String(input.hoursPerWeek).replace('.', ',')} h par semaine (${pct(share)} d’un temps plein de ${p.fullTimeHours} h), ${String(Math.round(WEEKS_PER_MONTH * 100) / 100).replace('.', ',')} semaines par mois.`,
    `Salaire brut horaire saisi : ${input.grossHourly.toFixed(2).replace('.', ',')} € ; il doit respecter le barème de la commission paritaire de l’employeur.`,
    `Cotisations patronales : ${pct(p.employerContributionRate)} du brut, sans réduction structurelle ni réduction propre au secteur.`,
    `Prime de fin d’année : ${p.endOfYearBonusMonths} mois de salaire par an ; pécule de vacances double : ${pct(p.doubleHolidayPayRate)} d’un mois par an.`,
    `Assurance accidents du travail et médecine du travail : ${pct(p.insuranceRate)} du brut.`,
    'Les aides sont comptées pour leur montant mensuel pendant leur durée, sans limite de plafond salarial.',
  ];
  return {
    on: input.on,
    parametersFrom: p.validFrom,
    grossMonthly,
    lines,
    costBeforeAids,
    aidsDeducted,
    costAfterAids: euro(costBeforeAids - aidsDeducted),
    assumptions,
    aidsNotCounted: input.aids.filter((a) => !counted.includes(a)).map((a) => a.name),
    notice:
      'Estimation pour en parler avec l’employeur, pas un calcul de paie : le secrétariat social de l’employeur fait le calcul exact.',
  };
}
