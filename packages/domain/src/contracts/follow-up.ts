import { type CadenceSettings, DEFAULT_CADENCE_SETTINGS, validateCadenceSettings } from '../cadence.ts';
import { addMonths, compareDates, dayNumber, type IsoDate, maxDate, minDate } from '../calendar.ts';
import { type EmploymentPeriod, FOLLOW_UP_MAX_MONTHS } from '../clock.ts';
import type { FieldError } from '../coachability.ts';
import { sortInPlace } from '../sorting.ts';
import { type Contract, type ContractDays, contractEnd, isEmploymentContract } from './contracts.ts';

/**
 * The follow-up (suivi en entreprise) of an employment (method.md §4–§6): at most 6 months from
 * the start of the employment that opened it, and the arrangement agreed at hiring with both
 * parties (modalités de suivi).
 */

/** The day range of a follow-up: `limit` is start + 6 months, `end` the earlier of it and the job's end. */
export interface FollowUpWindow {
  start: IsoDate;
  limit: IsoDate;
  end: IsoDate;
  /** The contracts of this employment (a CDD and the CDI it became, overlapping jobs…). */
  contractIds: string[];
}

interface Episode {
  start: IsoDate;
  /** null: still open-ended. */
  end: IsoDate | null;
  ids: string[];
}

const later = (a: IsoDate | null, b: IsoDate | null) => (a === null || b === null ? null : maxDate(a, b));

/**
 * The follow-up window of the employment running (or last run) as of today. Employments are the
 * started employment contracts and the hand-entered periods; those that overlap or touch (one
 * starting at most the day after another ends), or that continue one another (a CDD converted to
 * CDI, a renewal), form one employment, whose follow-up lasts 6 months from its first day. So a
 * CDD converted to CDI keeps the CDD's start: the CDI continues within the same 6 months; a second,
 * overlapping job does not reopen them. Null when no employment has started.
 */
export function followUpWindow(
  contracts: readonly ContractDays[],
  today: IsoDate,
  handEntered: readonly EmploymentPeriod[] = [],
): FollowUpWindow | null {
  // Each start read once as a day number (« Ma journée » reads every person's window).
  const now = dayNumber(today);
  const items: Started[] = [];
  for (const c of contracts) {
    if (!isEmploymentContract(c.type)) continue;
    const day = dayNumber(c.start);
    if (day <= now)
      items.push({ id: c.id, start: c.start, day, end: contractEnd(c), continues: c.convertedFromId });
  }
  let begun = 0;
  for (const p of handEntered) {
    const day = dayNumber(p.start);
    // Numbered among the periods already begun.
    if (day <= now) items.push({ id: `period:${begun++}`, start: p.start, day, end: p.end, continues: null });
  }
  if (items.length === 0) return null;
  sortInPlace(items, byStart);
  const episodes: Episode[] = [];
  for (const item of items) {
    const linked = item.continues === null ? -1 : episodeOf(episodes, item.continues);
    const last = episodes.at(-1);
    if (linked >= 0) {
      // Continuation: this episode and every later one become one employment.
      const merged = episodes.splice(linked);
      const ids: string[] = [];
      for (const e of merged) ids.push(...e.ids);
      ids.push(item.id);
      episodes.push({
        start: merged[0]!.start,
        end: merged.reduce<IsoDate | null>((end, e) => later(end, e.end), item.end),
        ids,
      });
    } else if (last && (last.end === null || item.day <= dayNumber(last.end) + 1)) {
      last.end = later(last.end, item.end);
      last.ids.push(item.id);
    } else {
      episodes.push({ start: item.start, end: item.end, ids: [item.id] });
    }
  }
  const current = episodes.at(-1);
  if (!current) return null;
  const limit = addMonths(current.start, FOLLOW_UP_MAX_MONTHS);
  return {
    start: current.start,
    limit,
    end: current.end === null ? limit : minDate(limit, current.end),
    contractIds: current.ids.filter(isContractId),
  };
}

/** An employment begun by today: a contract, or a hand-entered period (id `period:n`). */
interface Started {
  id: string;
  start: IsoDate;
  day: number;
  end: IsoDate | null;
  continues: string | null;
}

// Defined once, not per call: « Ma journée » reads every person's window.
const byStart = (a: Started, b: Started) => a.day - b.day || a.id.localeCompare(b.id);
const isContractId = (id: string) => !id.startsWith('period:');

/** The index of the episode that holds the contract `id`; -1 if none. */
function episodeOf(episodes: readonly Episode[], id: string): number {
  for (let i = 0; i < episodes.length; i++) if (episodes[i]!.ids.includes(id)) return i;
  return -1;
}

// ---- the follow-up arrangement ----

export const FOLLOW_UP_MODES = ['bilateral', 'phone', 'workplace_visits', 'three_way'] as const;
export type FollowUpMode = (typeof FOLLOW_UP_MODES)[number];

export const FOLLOW_UP_MODE_LABELS: Record<FollowUpMode, string> = {
  bilateral: 'Entretiens séparés avec chaque partie',
  phone: 'Par téléphone',
  workplace_visits: 'Visites sur le lieu de travail',
  three_way: 'Rencontre tripartite (dernier recours)',
};

/** Separate talks with the person and with the employer: the method's default (§7.2.2). */
export const DEFAULT_FOLLOW_UP_MODE: FollowUpMode = 'bilateral';

/** A three-way meeting is a last resort: it needs one of these reasons. */
export const THREE_WAY_REASONS = ['other_means_exhausted', 'explicit_request'] as const;
export type ThreeWayReason = (typeof THREE_WAY_REASONS)[number];

export const THREE_WAY_REASON_LABELS: Record<ThreeWayReason, string> = {
  other_means_exhausted: 'Les autres moyens sont épuisés',
  explicit_request: 'Demande explicite de la personne ou de l’employeur',
};

/**
 * Modes compatible with a discreet follow-up (the employer is not told the person is coached):
 * talks with the person only, face to face or by phone. Workplace visits and three-way meetings
 * would reveal the coaching.
 */
export const DISCREET_MODES: readonly FollowUpMode[] = ['bilateral', 'phone'];

/** A follow-up frequency: the follow-up steps of the cadence (cadence.ts), e.g. weekly then monthly. */
export type FollowUpFrequency = CadenceSettings['followUp'];

export interface ArrangementFields {
  mode: FollowUpMode;
  threeWayReason: ThreeWayReason | null;
  discreet: boolean;
  consentOn: IsoDate | null;
  /** Null: the organisation's follow-up cadence. */
  frequency: FollowUpFrequency | null;
}

/**
 * Checks a follow-up arrangement: a three-way meeting only with a recorded reason; a discreet
 * follow-up only by talks with the person (no visit, no three-way meeting); a consent not in the
 * future; a usable frequency (steps as in the cadence settings). French messages, empty when valid.
 */
export function validateArrangement(a: ArrangementFields, today: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  if (a.mode === 'three_way' && a.threeWayReason === null) {
    errors.push({
      field: 'threeWayReason',
      message:
        'Une rencontre tripartite ne se prévoit qu’en dernier recours : indiquez si les autres moyens sont épuisés ou si elle est demandée explicitement.',
    });
  }
  if (a.discreet && !DISCREET_MODES.includes(a.mode)) {
    errors.push({
      field: 'mode',
      message: `Un suivi discret ne se fait qu’avec la personne (entretiens ou téléphone) : « ${FOLLOW_UP_MODE_LABELS[a.mode]} » révélerait l’accompagnement à l’employeur.`,
    });
  }
  if (a.consentOn !== null && compareDates(a.consentOn, today) > 0) {
    errors.push({ field: 'consentOn', message: 'La date du consentement ne peut pas être dans le futur.' });
  }
  if (a.frequency !== null) {
    for (const e of validateCadenceSettings({
      preHireDays: DEFAULT_CADENCE_SETTINGS.preHireDays,
      followUp: a.frequency,
    })) {
      errors.push({ field: e.field.replace(/^followUp/, 'frequency'), message: e.message });
    }
  }
  return errors;
}

/**
 * The follow-up frequency agreed for a person: the arrangement's of their latest employment
 * contract without a recorded end that has one (contracts latest first); null (the organisation's
 * cadence) otherwise.
 */
export function currentFrequency(
  contracts: readonly (Pick<Contract, 'type' | 'actualEnd'> & { frequency: FollowUpFrequency | null })[],
): FollowUpFrequency | null {
  const agreed = contracts.find((c) => c.actualEnd === null && isEmploymentContract(c.type) && c.frequency);
  return agreed?.frequency ?? null;
}

/** The cadence to read a person with: the arrangement's frequency, when agreed, replaces the follow-up steps. */
export function cadenceWithFrequency(
  settings: CadenceSettings,
  frequency: FollowUpFrequency | null | undefined,
): CadenceSettings {
  return frequency && frequency.length > 0 ? { ...settings, followUp: frequency } : settings;
}
