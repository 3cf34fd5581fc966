import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  type IsoDate,
  maxDate,
  minDate,
} from '../calendar.ts';
import { type EmploymentPeriod, type PreHireClock, preHireClock } from '../clock.ts';
import type { FieldError } from '../coachability.ts';
import type { VacancyContractType } from '../matching/matching.ts';
import type { ContractKind, Phase, ReturnReason } from '../trajectory.ts';

/**
 * Employment contracts signed by coached persons (method.md §4 hiring and follow-up, §5 clocks,
 * §7 "contracts signed"). A person may hold several contracts, overlapping ones included.
 *
 * Decisions (docs/decisions.md, "Contracts and follow-up"):
 * - Every day under an employment contract (CDD, CDI, interim, art. 60 §7, other subsidised
 *   contract) suspends the pre-hire clock: pre-hire time is time spent looking for work, so a
 *   person who loses a job comes back to pre-hire with the time that was left (the issue's
 *   "remaining pre-hire time intact"). The method names CDD periods because they are the ones
 *   expected to end; the 30-month overall limit is never suspended, so the whole stays bounded.
 * - A work immersion or internship is not an employment contract: it neither moves the
 *   trajectory nor suspends the clock (it is a pre-hire tool).
 */
export const CONTRACT_TYPES = ['cdi', 'cdd', 'interim', 'art_60_7', 'other_subsidised', 'immersion'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  cdi: 'CDI (contrat à durée indéterminée)',
  cdd: 'CDD (contrat à durée déterminée)',
  interim: 'Intérim',
  art_60_7: 'Article 60 §7 (mise à l’emploi par le CPAS)',
  other_subsidised: 'Autre contrat subventionné',
  immersion: 'Immersion professionnelle ou stage',
};

/** Short names, for titles and lists ("CDD chez …"). */
export const CONTRACT_TYPE_SHORT_LABELS: Record<ContractType, string> = {
  cdi: 'CDI',
  cdd: 'CDD',
  interim: 'Intérim',
  art_60_7: 'Article 60 §7',
  other_subsidised: 'Contrat subventionné',
  immersion: 'Immersion / stage',
};

/** Types that always run for a fixed term: their planned end is required. */
export const FIXED_TERM_TYPES: readonly ContractType[] = ['cdd', 'interim', 'art_60_7', 'immersion'];

export const CONTRACT_END_REASONS = [
  'term_reached',
  'dismissal',
  'resignation',
  'abandonment',
  'trial_period_failed',
  'converted_to_cdi',
  'renewed',
] as const;
export type ContractEndReason = (typeof CONTRACT_END_REASONS)[number];

export const CONTRACT_END_REASON_LABELS: Record<ContractEndReason, string> = {
  term_reached: 'Terme atteint',
  dismissal: 'Licenciement',
  resignation: 'Démission',
  abandonment: 'Abandon de poste',
  trial_period_failed: 'Période d’essai non concluante',
  converted_to_cdi: 'Converti en CDI',
  renewed: 'Renouvelé',
};

/** End reasons after which the same employment goes on under a new contract. */
export const CONTINUING_END_REASONS: readonly ContractEndReason[] = ['converted_to_cdi', 'renewed'];

/**
 * Hiring aids an employer used (information on the contract, never a ranking criterion): the one
 * list every form chooses from (the contract, the dated rules of the administration, whose codes are
 * these), each shown by its label.
 */
export const HIRING_AIDS = [
  'impulsion_under_25',
  'impulsion_12_months',
  'impulsion_55_plus',
  'sesam',
  'ape',
  'activa',
  'first_hires_reduction',
  'sine',
  'art60',
  'other',
] as const;
export type HiringAid = (typeof HIRING_AIDS)[number];

export const HIRING_AID_LABELS: Record<HiringAid, string> = {
  impulsion_under_25: 'Impulsion -25 ans',
  impulsion_12_months: 'Impulsion 12 mois +',
  impulsion_55_plus: 'Impulsion 55 ans +',
  sesam: 'SESAM (aide à l’emploi en PME)',
  ape: 'APE (aides à la promotion de l’emploi)',
  activa: 'Activa',
  first_hires_reduction: 'Réduction ONSS premiers engagements',
  sine: 'SINE (économie sociale d’insertion)',
  art60: 'Mise à l’emploi article 60 §7 (CPAS)',
  other: 'Autre aide',
};

/** Days before a fixed-term contract's planned end when "Ma journée" starts to warn (a setting). */
export const DEFAULT_CDD_ALERT_DAYS = 21;

/** A contract as the rules read it. Dates are days; `end` fields are the last day worked. */
export interface Contract {
  id: string;
  type: ContractType;
  signedOn: IsoDate;
  start: IsoDate;
  plannedEnd: IsoDate | null;
  actualEnd: IsoDate | null;
  endReason: ContractEndReason | null;
  /** The contract this one continues (a CDD converted to CDI, a renewal). */
  convertedFromId: string | null;
}

/**
 * What the clocks and the follow-up window read of a contract: its type, its days, and the contract
 * it continues (a reader may hand them more, as « Ma journée » does with what it shows).
 */
export type ContractDays = Pick<
  Contract,
  'id' | 'type' | 'start' | 'plannedEnd' | 'actualEnd' | 'convertedFromId'
>;

/** Employment contracts open follow-up and suspend the pre-hire clock; an immersion does neither. */
export function isEmploymentContract(type: ContractType): boolean {
  return type !== 'immersion';
}

/** Whether the contract's days suspend the pre-hire clock (see the decision above). */
export function suspendsPreHireClock(type: ContractType): boolean {
  return isEmploymentContract(type);
}

/** Last day of the contract as known today: the actual end, else the planned end, else open (null). */
export function contractEnd(c: Pick<Contract, 'plannedEnd' | 'actualEnd'>): IsoDate | null {
  return c.actualEnd ?? c.plannedEnd;
}

/** The contract covers this day (started, and not ended before it). */
export function isRunningOn(c: Pick<Contract, 'start' | 'plannedEnd' | 'actualEnd'>, day: IsoDate): boolean {
  const end = contractEnd(c);
  return compareDates(c.start, day) <= 0 && (end === null || compareDates(day, end) <= 0);
}

/** The employment contracts still open on the day: started, no end recorded, planned end not passed. */
export function openContractsOn<C extends Pick<Contract, 'type' | 'start' | 'plannedEnd' | 'actualEnd'>>(
  contracts: readonly C[],
  day: IsoDate,
): C[] {
  return contracts.filter((c) => isEmploymentContract(c.type) && c.actualEnd === null && isRunningOn(c, day));
}

/** "signed" before its first day, "running" until its end, then "ended". */
export type ContractStatus = 'signed' | 'running' | 'ended';

export function contractStatus(
  c: Pick<Contract, 'start' | 'plannedEnd' | 'actualEnd'>,
  today: IsoDate,
): ContractStatus {
  if (compareDates(today, c.start) < 0) return 'signed' satisfies ContractStatus;
  const end = contractEnd(c);
  if (c.actualEnd !== null || (end !== null && compareDates(today, end) > 0)) {
    return 'ended' satisfies ContractStatus;
  }
  return 'running' satisfies ContractStatus;
}

/** The clock's category of a contract, for the employment history (cdd = fixed term). */
export function employmentKindOf(c: Pick<Contract, 'type' | 'plannedEnd'>): ContractKind {
  switch (c.type) {
    case 'cdi':
      return 'cdi';
    case 'immersion':
      return 'other';
    case 'other_subsidised':
      return c.plannedEnd === null ? 'other' : 'cdd';
    default:
      return 'cdd';
  }
}

/**
 * The contract as an employment period: from its start to its actual end, else its planned end
 * (the clock caps a period at the day it is read). A CDD is kind 'cdd', a CDI 'cdi'; interim and
 * art. 60 §7 are fixed-term ('cdd'); another subsidised contract is 'cdd' when it has a planned
 * end, else 'other'; an immersion is 'other'.
 */
export function contractToEmployment(c: Contract): EmploymentPeriod {
  return { kind: employmentKindOf(c), start: c.start, end: contractEnd(c) };
}

/**
 * What the pre-hire clock reads: one period per suspending day range, given to the clock as kind
 * 'cdd' (preHireClock suspends on that kind): every employment contract, and every hand-entered
 * employment period (those are jobs, whatever kind was typed). Immersions are left out.
 */
export function suspendingPeriods(
  contracts: readonly ContractDays[],
  handEntered: readonly EmploymentPeriod[] = [],
): EmploymentPeriod[] {
  // One array, filled in one pass (« Ma journée » reads every person's clock).
  const periods: EmploymentPeriod[] = [];
  for (const c of contracts) {
    if (suspendsPreHireClock(c.type)) periods.push({ kind: 'cdd', start: c.start, end: contractEnd(c) });
  }
  for (const p of handEntered) periods.push({ kind: 'cdd', start: p.start, end: p.end });
  return periods;
}

/** The pre-hire clock (clock.ts) read through the person's contracts and hand-entered periods. */
export function contractsPreHireClock(input: {
  preHireEntry: IsoDate;
  contracts: readonly ContractDays[];
  handEntered?: readonly EmploymentPeriod[];
  today: IsoDate;
}): PreHireClock {
  return preHireClock({
    preHireEntry: input.preHireEntry,
    employments: suspendingPeriods(input.contracts, input.handEntered),
    today: input.today,
  });
}

// ---- validation ----

export interface ContractFields {
  type: ContractType;
  signedOn: IsoDate;
  start: IsoDate;
  plannedEnd: IsoDate | null;
  hoursPerWeek: number | null;
  actualEnd: IsoDate | null;
  endReason: ContractEndReason | null;
}

/** The end reasons that fit a contract: a term needs a fixed term, a CDI is never converted. */
export function endReasonsFor(c: Pick<ContractFields, 'type' | 'plannedEnd'>): ContractEndReason[] {
  return CONTRACT_END_REASONS.filter((reason) => {
    if (reason === 'term_reached' || reason === 'renewed') return c.plannedEnd !== null && c.type !== 'cdi';
    if (reason === 'converted_to_cdi') return c.type !== 'cdi' && c.type !== 'immersion';
    return true;
  });
}

/**
 * Checks a contract before it is recorded. French messages, each on its field; empty when valid.
 * Fields: signedOn, plannedEnd, actualEnd, endReason, hoursPerWeek.
 */
export function validateContract(c: ContractFields, today: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  const short = CONTRACT_TYPE_SHORT_LABELS[c.type];
  if (compareDates(c.signedOn, today) > 0) {
    errors.push({ field: 'signedOn', message: 'La date de signature ne peut pas être dans le futur.' });
  }
  if (c.type === 'cdi' && c.plannedEnd !== null) {
    errors.push({
      field: 'plannedEnd',
      message: 'Un CDI n’a pas de date de fin prévue : choisissez un CDD si le contrat a un terme.',
    });
  } else if (FIXED_TERM_TYPES.includes(c.type) && c.plannedEnd === null) {
    errors.push({
      field: 'plannedEnd',
      message: `La date de fin prévue est obligatoire pour un contrat « ${short} ».`,
    });
  } else if (c.plannedEnd !== null && compareDates(c.plannedEnd, c.start) < 0) {
    errors.push({
      field: 'plannedEnd',
      message: 'La date de fin prévue ne peut pas précéder le début du contrat.',
    });
  }
  if (c.hoursPerWeek !== null && !(c.hoursPerWeek > 0 && c.hoursPerWeek <= 60)) {
    errors.push({
      field: 'hoursPerWeek',
      message: 'Le nombre d’heures par semaine doit être compris entre 0 et 60 (0 exclu).',
    });
  }
  if (c.actualEnd !== null && c.endReason === null) {
    errors.push({ field: 'endReason', message: 'Le motif de fin est obligatoire avec la date de fin.' });
  }
  if (c.actualEnd === null && c.endReason !== null) {
    errors.push({ field: 'actualEnd', message: 'La date de fin est obligatoire avec le motif de fin.' });
  }
  if (c.actualEnd !== null) {
    if (compareDates(c.actualEnd, c.start) < 0) {
      errors.push({
        field: 'actualEnd',
        message: 'La date de fin ne peut pas précéder le début du contrat.',
      });
    } else if (compareDates(c.actualEnd, today) > 0) {
      errors.push({
        field: 'actualEnd',
        message:
          'La fin d’un contrat s’enregistre quand elle a eu lieu : la date de fin ne peut pas être dans le futur (la fin prévue reste affichée jusque-là).',
      });
    }
  }
  if (c.endReason !== null && !endReasonsFor(c).includes(c.endReason)) {
    const label = CONTRACT_END_REASON_LABELS[c.endReason];
    errors.push({
      field: 'endReason',
      message:
        c.endReason === 'converted_to_cdi'
          ? `Un contrat « ${short} » ne se convertit pas en CDI.`
          : `Le motif « ${label} » ne s’applique pas à un contrat sans terme (${short}).`,
    });
  }
  return errors;
}

// ---- effects on the trajectory ----

export type SigningEffect =
  | { ok: true; transitions: ('start_hiring' | 'start_follow_up')[] }
  | { ok: false; message: string };

/**
 * What signing a contract does to the trajectory. From pre-hire the person moves to hiring; once
 * the contract has started (start ≤ today) on to follow-up. From hiring, to follow-up once started.
 * In follow-up, another contract (a second job, overlapping) changes no phase. An immersion never
 * moves the trajectory. Intake and exit refuse a contract.
 */
export function signingEffect(
  type: ContractType,
  phase: Phase,
  start: IsoDate,
  today: IsoDate,
): SigningEffect {
  if (phase === 'intake') {
    return {
      ok: false,
      message:
        'La personne est encore à l’accueil : un contrat s’enregistre à partir de la pré-embauche (après le contrat de confiance).',
    };
  }
  if (phase === 'exited') {
    return {
      ok: false,
      message: 'La personne est sortie du jobcoaching : son parcours est clos, aucun contrat ne s’y ajoute.',
    };
  }
  if (!isEmploymentContract(type) || phase === 'follow_up') return { ok: true, transitions: [] };
  const started = compareDates(start, today) <= 0;
  if (phase === 'pre_hire') {
    return { ok: true, transitions: started ? ['start_hiring', 'start_follow_up'] : ['start_hiring'] };
  }
  return { ok: true, transitions: started ? ['start_follow_up'] : [] };
}

export type EndEffect =
  /** Converted to CDI or renewed: the employment goes on under a new contract, follow-up continues. */
  | { kind: 'continue'; successorType: ContractType }
  /** Back to pre-hire through the trajectory's return_to_pre_hire, with this reason. */
  | { kind: 'return_to_pre_hire'; returnReason: ReturnReason }
  /** No move: another contract still runs, the contract was an immersion, or the phase has none. */
  | { kind: 'none'; why: 'other_contract_running' | 'not_employment' | 'phase' };

/**
 * What the end of a contract does to the trajectory. A term reached, a dismissal, a resignation,
 * an abandonment or a failed trial period send the person back to pre-hire when no other contract
 * is running (from follow-up: "Fin du CDD" for a term, "Licenciement" for a dismissal, "Échec
 * pendant le suivi" otherwise; from hiring: "Échec de l’embauche"). A conversion to CDI or a
 * renewal keeps the person in follow-up under the new contract.
 */
export function trajectoryEffectOfEnd(
  reason: ContractEndReason,
  context: { type?: ContractType; phase?: Phase; otherContractRunning?: boolean } = {},
): EndEffect {
  const type = context.type ?? 'cdd';
  if (reason === 'converted_to_cdi') return { kind: 'continue', successorType: 'cdi' };
  if (reason === 'renewed') return { kind: 'continue', successorType: type };
  if (!isEmploymentContract(type)) return { kind: 'none', why: 'not_employment' };
  if (context.otherContractRunning) return { kind: 'none', why: 'other_contract_running' };
  const phase = context.phase ?? 'follow_up';
  if (phase === 'hiring') return { kind: 'return_to_pre_hire', returnReason: 'hiring_failed' };
  if (phase !== 'follow_up') return { kind: 'none', why: 'phase' };
  switch (reason) {
    case 'term_reached':
      return { kind: 'return_to_pre_hire', returnReason: 'cdd_ended' };
    case 'dismissal':
      return { kind: 'return_to_pre_hire', returnReason: 'dismissal' };
    default:
      return { kind: 'return_to_pre_hire', returnReason: 'follow_up_failed' };
  }
}

/** The day the person is back in pre-hire after a contract's last day: the next day, at most today. */
export function returnDate(actualEnd: IsoDate, phaseSince: IsoDate, today: IsoDate): IsoDate {
  return maxDate(phaseSince, minDate(addDays(actualEnd, 1), today));
}

/** A continuation may start at most this many days after the contract it continues. */
export const MAX_CONTINUATION_GAP_DAYS = 31;

export interface SuccessorInput {
  start?: IsoDate | null;
  signedOn?: IsoDate | null;
  plannedEnd?: IsoDate | null;
}

/**
 * The contract that continues an ended one (converted to CDI, renewed): a CDI or the same type,
 * starting by default the day after the last day worked and signed at the latest that day (never
 * after today). Returns the successor's dates, or French field errors ("next.*").
 */
export function successorOf(
  ended: Pick<Contract, 'type' | 'start'> & { actualEnd: IsoDate },
  reason: 'converted_to_cdi' | 'renewed',
  next: SuccessorInput,
  today: IsoDate,
):
  | { ok: true; type: ContractType; start: IsoDate; signedOn: IsoDate; plannedEnd: IsoDate | null }
  | { ok: false; errors: FieldError[] } {
  const type: ContractType = reason === 'converted_to_cdi' ? 'cdi' : ended.type;
  const start = next.start ?? addDays(ended.actualEnd, 1);
  const signedOn = next.signedOn ?? minDate(start, today);
  const plannedEnd = type === 'cdi' ? null : (next.plannedEnd ?? null);
  const errors: FieldError[] = [];
  if (
    compareDates(start, ended.start) <= 0 ||
    daysBetween(ended.actualEnd, start) > MAX_CONTINUATION_GAP_DAYS
  ) {
    errors.push({
      field: 'next.start',
      message: `Le nouveau contrat continue le précédent : il commence après le début de celui-ci et au plus tard ${MAX_CONTINUATION_GAP_DAYS} jours après sa fin.`,
    });
  }
  if (type === 'cdi' && next.plannedEnd) {
    errors.push({ field: 'next.plannedEnd', message: 'Un CDI n’a pas de date de fin prévue.' });
  }
  for (const e of validateContract(
    { type, signedOn, start, plannedEnd, hoursPerWeek: null, actualEnd: null, endReason: null },
    today,
  )) {
    errors.push({ field: `next.${e.field}`, message: e.message });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, type, start, signedOn, plannedEnd };
}

// ---- alerts ----

export interface EndAlert {
  plannedEnd: IsoDate;
  /** First day of the alert window (planned end − alert days). */
  alertFrom: IsoDate;
  /** Days from today to the planned end (negative once passed without a recorded end). */
  daysLeft: number;
  /** The planned end has passed and no end (nor a renewal, nor a conversion) was recorded. */
  overdue: boolean;
}

/**
 * The warning before a fixed-term employment contract's planned end (default 21 days): prepare the
 * rebound, explore a renewal or a CDI. From planned end − alertDays on, until an end is recorded;
 * past the planned end it stays, marked overdue, so that the end gets recorded. Null otherwise
 * (open-ended contracts, immersions, ended contracts, before the window).
 */
export function cddEndAlert(
  c: Pick<Contract, 'type' | 'plannedEnd' | 'actualEnd'>,
  today: IsoDate,
  alertDays: number = DEFAULT_CDD_ALERT_DAYS,
): EndAlert | null {
  if (c.plannedEnd === null || c.actualEnd !== null || !isEmploymentContract(c.type)) return null;
  const alertFrom = addDays(c.plannedEnd, -alertDays);
  if (compareDates(today, alertFrom) < 0) return null;
  const daysLeft = daysBetween(today, c.plannedEnd);
  return { plannedEnd: c.plannedEnd, alertFrom, daysLeft, overdue: daysLeft < 0 };
}

/** What an offer says of the job (its terms), to fill the contract signed for it (method.md §6). */
export interface OfferTerms {
  employerId: string;
  employerName: string;
  vacancyId: string;
  title: string;
  contractType: VacancyContractType;
  /** A CDD's length in months, when the offer says it. */
  contractMonths: number | null;
  hoursPerWeek: number | null;
}

/** The contract form filled from the offer: the hire is typed once (the person page's « Embauché·e »). */
export interface ContractDraft {
  employerId: string;
  employerName: string;
  vacancyId: string;
  jobTitle: string;
  /** Null when the offer's type is not a contract type (« autre »): the coach picks it. */
  type: ContractType | null;
  contractMonths: number | null;
  hoursPerWeek: number | null;
}

const OFFER_CONTRACT_TYPES: Record<VacancyContractType, ContractType | null> = {
  cdi: 'cdi',
  cdd: 'cdd',
  interim: 'interim',
  other: null,
};

export function contractDraftFrom(offer: OfferTerms): ContractDraft {
  return {
    employerId: offer.employerId,
    employerName: offer.employerName,
    vacancyId: offer.vacancyId,
    jobTitle: offer.title,
    type: OFFER_CONTRACT_TYPES[offer.contractType],
    contractMonths: offer.contractType === 'cdd' ? offer.contractMonths : null,
    hoursPerWeek: offer.hoursPerWeek,
  };
}

/** The last day of a contract of `months` calendar months starting on `start` (6 months from 1 March: 31 August). */
export function plannedEndAfter(start: IsoDate, months: number): IsoDate {
  return addDays(addMonths(start, months), -1);
}
