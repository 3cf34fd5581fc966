import { memoizedByText } from '../memo.ts';
import type { Studies } from '../person.ts';
import { distanceKm, travelMinutesEstimate } from '../places/distance.ts';
import { findPlace, normalizePlaceName, type Place } from '../places/places.ts';
import {
  LANGUAGE_SKILLS,
  type LanguageRequirement,
  type LanguageSkill,
  type LanguageSkillName,
  type LanguageSkills,
  normalizeLanguage,
  requiredSkills,
  type SkillLevel,
  skillLevelMeets,
} from './languages.ts';
import { NACE_SECTION_LABELS, type NaceSection, naceDigits, naceSection } from './nace.ts';

/**
 * The matching hypothesis (hypothèse d'adéquation, method.md §4 and §6): how a person's constraints
 * and wishes fit a vacancy. Pure: data in, a decision and its reasons out (keys and values, which
 * the screen words from its message catalog). It proposes; the coach judges and the person decides
 * whether to apply.
 *
 * - Hard constraints (blocking) make the pair incompatible, score 0: CDI only vs another contract,
 *   driving licence, car, schedules outside the person's limits or days, physical demands the person
 *   cannot meet, a required language the person lacks. Only known facts block: an unknown (null)
 *   licence, car or language level gives an "à vérifier" information, never a block.
 * - Soft preferences add or remove points around a neutral 50: wished jobs and sectors, estimated
 *   travel time, diploma (soft, because published requirements are often over-demanding), job
 *   quality (contract, hours: method.md §6) and experience asked.
 * - Requirements come from the objectified offer when the coach has objectified it, from the
 *   published offer otherwise (`basis`).
 * - Hiring aids the person carries are copied beside the result and never weigh in it (method.md §6).
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** What the person cannot work: evenings, nights, weekends, shift work (travail en équipes / pauses). */
export const SCHEDULE_LIMITS = ['no_evening', 'no_night', 'no_weekend', 'no_shifts'] as const;
export type ScheduleLimit = (typeof SCHEDULE_LIMITS)[number];
export const SCHEDULE_LIMIT_LABELS: Record<ScheduleLimit, string> = {
  no_evening: 'Pas le soir',
  no_night: 'Pas de nuit',
  no_weekend: 'Pas le week-end',
  no_shifts: 'Pas de travail en équipes (pauses)',
};

/** When a vacancy's work happens. */
export const WORK_SCHEDULES = ['day', 'evening', 'night', 'weekend', 'shifts'] as const;
export type WorkSchedule = (typeof WORK_SCHEDULES)[number];
export const WORK_SCHEDULE_LABELS: Record<WorkSchedule, string> = {
  day: 'Journée',
  evening: 'Soir',
  night: 'Nuit',
  weekend: 'Week-end',
  shifts: 'Travail en équipes (pauses)',
};

/**
 * Physical demands of a job and, on a person, the same vocabulary for what the person cannot do
 * (health, disability): one list, so a limit meets a demand by its code. The person's free note
 * stays beside it for what the list does not say.
 */
export const PHYSICAL_DEMANDS = [
  'heavy_loads',
  'long_standing',
  'repetitive_motion',
  'work_at_height',
  'cold_heat',
  'outdoor',
  'kneeling',
  'fine_motor',
  'night_work',
  'driving',
] as const;
export type PhysicalDemand = (typeof PHYSICAL_DEMANDS)[number];
export const PHYSICAL_DEMAND_LABELS: Record<PhysicalDemand, string> = {
  heavy_loads: 'Port de charges lourdes',
  long_standing: 'Station debout prolongée',
  repetitive_motion: 'Gestes répétitifs',
  work_at_height: 'Travail en hauteur',
  cold_heat: 'Froid ou chaleur (chambre froide, fours…)',
  outdoor: "Travail à l'extérieur",
  kneeling: 'Travail à genoux ou accroupi',
  fine_motor: 'Motricité fine (petites pièces, précision)',
  night_work: 'Travail de nuit',
  driving: 'Conduite de véhicule',
};

/** Contract offered by a vacancy (trajectory.ts' CONTRACT_KINDS are the contracts actually signed). */
export const VACANCY_CONTRACT_TYPES = ['cdi', 'cdd', 'interim', 'other'] as const;
export type VacancyContractType = (typeof VACANCY_CONTRACT_TYPES)[number];
export const VACANCY_CONTRACT_TYPE_LABELS: Record<VacancyContractType, string> = {
  cdi: 'CDI',
  cdd: 'CDD',
  interim: 'Intérim',
  other: 'Autre contrat',
};

/** Diploma a vacancy asks for, lowest first. */
export const DIPLOMA_LEVELS = ['none', 'ceb', 'cesi', 'cess', 'higher'] as const;
export type DiplomaLevel = (typeof DIPLOMA_LEVELS)[number];
export const DIPLOMA_LEVEL_LABELS: Record<DiplomaLevel, string> = {
  none: 'Aucun diplôme',
  ceb: 'CEB',
  cesi: 'CESI',
  cess: 'CESS',
  higher: 'Enseignement supérieur',
};

export interface MatchingPerson {
  drivingLicence: boolean | null;
  hasCar: boolean | null;
  publicTransport: boolean | null;
  /** Longest one-way commute the person accepts, in minutes. */
  maxTravelMinutes: number | null;
  /** Where the person lives: a place name ("Fleurus", "La Louvière") or a commune's NIS code. */
  commune: string | null;
  /**
   * Languages with their level, French included: a required language missing from a non-empty list
   * blocks. A bare code or name ("de", "Allemand") means the level is not recorded: it meets any
   * requirement on that language, with an "à vérifier" information. An empty list means "not
   * recorded": requirements then give "à vérifier" information, never a block.
   */
  languages: readonly (LanguageSkill | string)[];
  /** Days the person can work; empty = no limit. */
  scheduleDays: readonly Weekday[];
  scheduleLimits: readonly ScheduleLimit[];
  /** Physical demands the person cannot meet (sensitive: health). */
  physicalLimits: readonly PhysicalDemand[];
  /** Other health limits in the coach's words, shown for checking. */
  physicalLimitsNote?: string | null;
  singleParent: boolean | null;
  childrenCount: number | null;
  /** NACE-BEL codes (section letter, division "56", class "56.10") or free text ("horeca"). */
  wishedSectors: readonly string[];
  /** Job titles in the person's words ("magasinier", "aide-cuisinier"). */
  wishedJobs: readonly string[];
  studies: Studies | null;
  /** Will accept only a CDI (e.g. a worker leaving a social enterprise, method.md §2). */
  cdiOnly: boolean;
  /** Hiring aids the person carries (Impulsion, art. 60 §7…): information only, never scored. */
  hiringAids: readonly string[];
}

/** What the employer asks, as published or as objectified by the coach. */
export interface VacancyRequirements {
  text: string;
  diplomaLevel: DiplomaLevel | null;
  languages: readonly LanguageRequirement[];
  drivingLicence: boolean;
  car: boolean;
  experienceYears: number | null;
}

/** Requirements after objectivation with the employer, with the tasks the job really involves. */
export interface ObjectifiedRequirements extends VacancyRequirements {
  taskDescription: string;
}

export interface MatchingVacancy {
  title: string;
  /** NACE-BEL code of the activity ("56.10") or section letter ("I"); null when unknown. */
  sectorCode: string | null;
  contract: { type: VacancyContractType; months?: number | null };
  hoursPerWeek: number | null;
  /** When the work happens; empty when not stated (then no schedule check). */
  schedule: readonly WorkSchedule[];
  /** Where the job is: a place name or a commune's NIS code. */
  commune: string | null;
  published: VacancyRequirements;
  /** Null while the coach has not objectified the offer with the employer. */
  objectified: ObjectifiedRequirements | null;
  physicalDemands: readonly PhysicalDemand[];
  /** The coach's note on the job's quality (pay, stability, risk of losing benefits…). */
  qualityNote?: string | null;
}

export type MatchBasis = 'objectified' | 'published';
export type MatchReasonKind = 'blocking' | 'plus' | 'minus' | 'info';

/** Stable identifiers of the reasons, for filtering (the wording is `key`'s). */
export const MATCH_REASON_CODES = [
  'basis',
  'cdi_only',
  'driving_licence',
  'car',
  'schedule',
  'schedule_days',
  'physical',
  'physical_note',
  'language',
  'wished_job',
  'wished_sector',
  'wishes_not_met',
  'travel',
  'mobility',
  'diploma',
  'contract',
  'hours',
  'experience',
  'quality_note',
] as const;
export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];

/**
 * Every wording of a reason: the screen words `matchReason.<key>` from its message catalog with the
 * reason's params. A key starts with its code. The two `restricted` wordings replace what a reason
 * says of the person's health for a reader without the right to see it.
 */
export const MATCH_REASON_KEYS = [
  'basis.objectified',
  'basis.published',
  'cdi_only',
  'contract.cdi',
  'contract.cddLong',
  'contract.cddShort',
  'contract.cddUnknown',
  'contract.interim',
  'contract.other',
  'hours.veryFew',
  'hours.smallPartTime',
  'hours.partTime',
  'hours.fullTime',
  'quality_note',
  'driving_licence.missing',
  'driving_licence.unknown',
  'car.missing',
  'car.unknown',
  'schedule.night',
  'schedule.evening',
  'schedule.weekend',
  'schedule.shifts',
  'schedule_days.weekdaysOnly',
  'schedule_days.weekendOnly',
  'schedule_days.tooFew',
  'physical.heavy_loads',
  'physical.long_standing',
  'physical.repetitive_motion',
  'physical.work_at_height',
  'physical.cold_heat',
  'physical.outdoor',
  'physical.kneeling',
  'physical.fine_motor',
  'physical.night_work',
  'physical.driving',
  'physical.restricted',
  'physical_note',
  'physical_note.restricted',
  'language.notRecorded',
  'language.notSpoken',
  'language.short',
  'language.toCheck',
  'language.met',
  'wished_job',
  'wished_sector.section',
  'wished_sector.text',
  'wishes_not_met',
  'travel.unknown',
  'travel.estimate',
  'travel.within',
  'travel.over',
  'mobility.none',
  'mobility.offHours',
  'diploma.notRecorded',
  'diploma.short',
  'diploma.met',
  'experience.none',
  'experience.years',
] as const;
export type MatchReasonKey = (typeof MATCH_REASON_KEYS)[number];

/** A language skill and a level: asked by the offer, or the person's when it falls short. */
export type SkillAndLevel = [LanguageSkillName, SkillLevel];

/**
 * What a reason's wording names. Numbers are rounded to one decimal; lists' items are the
 * domain's codes (worded by the catalog); free text (`note`, `job`, `sector`) is the person's or
 * the offer's own.
 */
export interface MatchReasonParams {
  /** cdi_only: the contract the offer proposes (with `months` for a CDD of known length). */
  contract?: VacancyContractType;
  months?: number;
  hours?: number;
  /** quality_note, physical_note: the coach's words. */
  note?: string;
  /** schedule.*: why the person cannot work those hours. */
  because?: 'childcare' | 'availability';
  /** schedule_days.tooFew: days needed (8 hours a day) and days the person is available. */
  needed?: number;
  days?: number;
  /** language.*: the language, the skills the offer asks, and the person's shortfall. */
  language?: string;
  asked?: SkillAndLevel[];
  short?: SkillAndLevel[];
  unknown?: LanguageSkillName[];
  /** wished_job: the person's wish met; wished_sector: the NACE section met, or the wish's text. */
  job?: string;
  section?: NaceSection;
  sector?: string;
  /** travel.*: estimate in minutes, whole km (unless `sameCommune`), the person's limit. */
  minutes?: number;
  km?: number;
  sameCommune?: boolean;
  max?: number;
  /** mobility.offHours: the off-hours schedules of the offer. */
  schedules?: WorkSchedule[];
  /** diploma.*: the diploma asked and the person's studies. */
  diploma?: DiplomaLevel;
  studies?: Studies;
  /** experience.years */
  years?: number;
}

export interface MatchReason {
  kind: MatchReasonKind;
  code: MatchReasonCode;
  /** The wording (message catalog `matchReason.<key>`). */
  key: MatchReasonKey;
  /** Absent when the wording names nothing. */
  params?: MatchReasonParams;
  /** What the reason adds to or removes from the score (0 for blocking and info reasons). */
  points: number;
}

export interface MatchResult {
  compatible: boolean;
  /** 0–100, integer; 0 when incompatible; 50 is neutral. */
  score: number;
  basis: MatchBasis;
  /** Blocking first, then plus, minus, info; in the order the rules run within each kind. */
  reasons: MatchReason[];
  /** Copied from the person, to show beside the result. Never used in the score. */
  hiringAids: string[];
  /** Straight-line distance between the two communes, km with one decimal; null when unknown. */
  distanceKm: number | null;
  /** travelMinutesEstimate of that distance: a rough estimate. */
  travelMinutes: number | null;
}

/** The neutral score, before soft preferences. */
export const MATCH_BASE_SCORE = 50;

/** Points of the soft preferences (see assessMatch). */
export const MATCH_POINTS = {
  wishedJob: 20,
  wishedSector: 10,
  wishesNotMet: -10,
  travelWithinLimit: 10,
  travelSlightlyOver: -10,
  travelFarOver: -25,
  noMobility: -10,
  diplomaPerLevelShort: -5,
  diplomaMaxPenalty: -15,
  cdi: 15,
  longCdd: 5,
  shortCdd: -5,
  interim: -10,
  fullTime: 5,
  smallPartTime: -5,
  veryFewHours: -15,
  noExperienceAsked: 5,
  experienceOneYear: -5,
  experienceMoreYears: -10,
  notEnoughDays: -10,
} as const;

/** A CDD of at least this many months counts as long. */
export const LONG_CDD_MONTHS = 6;
/** Under this many hours a week, the job is very small (less than a third of a 38-hour full time). */
export const VERY_FEW_HOURS = 13;
/** From this many hours a week, the job counts as (nearly) full time. */
export const FULL_TIME_HOURS = 30;
/** Travel over the person's limit by at most this factor is "slightly" over. */
export const TRAVEL_TOLERANCE = 1.25;
/** Hours a day assumed when checking that the person's days can hold the weekly hours. */
const HOURS_PER_DAY = 8;

const PERSON_STUDIES_RANK: Record<Studies, number> = { other: 0, ceb: 1, cesi: 2, cess: 3 };
const KIND_ORDER: Record<MatchReasonKind, number> = { blocking: 0, plus: 1, minus: 2, info: 3 };

const SCHEDULE_RULES: readonly { schedule: WorkSchedule; limit: ScheduleLimit; key: MatchReasonKey }[] = [
  { schedule: 'night', limit: 'no_night', key: 'schedule.night' },
  { schedule: 'evening', limit: 'no_evening', key: 'schedule.evening' },
  { schedule: 'weekend', limit: 'no_weekend', key: 'schedule.weekend' },
  { schedule: 'shifts', limit: 'no_shifts', key: 'schedule.shifts' },
];

/** Hours outside the day, harder to reach without a car. */
const OFF_HOURS = ['night', 'evening', 'weekend'] as const;

/** A reason's code: its key up to the first dot. */
function codeOf(key: MatchReasonKey): MatchReasonCode {
  const dot = key.indexOf('.');
  return (dot < 0 ? key : key.slice(0, dot)) as MatchReasonCode;
}

/** A number as the reasons name it: rounded to one decimal. */
function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

const STOP_WORDS = new Set([
  'a',
  'au',
  'aux',
  'd',
  'de',
  'des',
  'du',
  'en',
  'et',
  'f',
  'h',
  'l',
  'la',
  'le',
  'les',
  'm',
  'ou',
  'par',
  'pour',
  'sur',
  'un',
  'une',
  'x',
]);

/**
 * Significant words of a text: normalised like place names, stop words and "H/F" dropped, each
 * without a plural -s or -x (so that two words are the same word when their stems are equal).
 * Remembered per text: every answer ranks the same offers' titles again.
 */
const wordStems: (text: string) => readonly string[] = memoizedByText(
  (text) =>
    Object.freeze(
      normalizePlaceName(text)
        .split(' ')
        .filter((w) => w !== '' && !STOP_WORDS.has(w))
        .map((w) => (w.length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w)),
    ),
  5_000,
);

/** Every significant word wanted appears among the words (and there is at least one). */
function wordsIn(wanted: readonly string[], among: readonly string[]): boolean {
  return wanted.length > 0 && wanted.every((w) => among.includes(w));
}

/** Free-text sector wishes people often say, with the NACE code they stand for. */
const SECTOR_KEYWORDS: Readonly<Record<string, string>> = {
  horeca: 'I',
  restauration: '56',
  hotellerie: '55',
  nettoyage: '81',
  construction: 'F',
  batiment: 'F',
  commerce: 'G',
  vente: '47',
  distribution: '47',
  logistique: '52',
  transport: 'H',
  agriculture: 'A',
  horticulture: '01',
  industrie: 'C',
  alimentaire: '10',
  sante: 'Q',
  soins: 'Q',
  enseignement: 'P',
};

/** A wished sector as typed, and what it stands for: a NACE code, or free-text words. */
interface SectorWish {
  wish: string;
  section: NaceSection | null;
  digits: string | null;
  words: readonly string[];
}

function sectorWish(wish: string): SectorWish {
  const trimmed = wish.trim();
  // A section picked from the referential: « I — Hébergement et restauration ».
  const picked = /^([A-U])\s+[—–-]\s/.exec(trimmed);
  const code = picked ? (picked[1] as string) : (SECTOR_KEYWORDS[normalizePlaceName(trimmed)] ?? trimmed);
  const section = naceSection(code);
  return { wish, section, digits: naceDigits(code), words: section === null ? wordStems(trimmed) : [] };
}

/** Whether a wished sector (code or free text) covers the vacancy's activity code. */
function sectorMatches(wish: SectorWish, vacancy: VacancyFacts): boolean {
  if (wish.section !== null && vacancy.vacancy.sectorCode !== null) {
    if (wish.digits !== null && vacancy.sectorDigits !== null) {
      return vacancy.sectorDigits.startsWith(wish.digits) || wish.digits.startsWith(vacancy.sectorDigits);
    }
    return vacancy.section === wish.section;
  }
  if (wish.section !== null) return false;
  // Free text: its words in the title or in the name of the vacancy's NACE section.
  return wordsIn(wish.words, vacancy.titleWords) || wordsIn(wish.words, vacancy.sectionWords);
}

/**
 * The person's skills per language: the best level of each skill over the entries of that language;
 * a bare name or code gives a language with no skill recorded.
 */
function personLanguages(person: MatchingPerson): Map<string, LanguageSkills> {
  const byCode = new Map<string, LanguageSkills>();
  for (const entry of person.languages) {
    const code = normalizeLanguage(typeof entry === 'string' ? entry : entry.code);
    const skills: LanguageSkills = { ...(byCode.get(code) ?? {}) };
    if (typeof entry !== 'string') {
      for (const skill of LANGUAGE_SKILLS) {
        const level = entry[skill];
        if (level == null) continue;
        const current = skills[skill];
        if (current == null || !skillLevelMeets(current, level)) skills[skill] = level;
      }
    }
    byCode.set(code, skills);
  }
  return byCode;
}

/**
 * What the rules read of a person alone, worked out once when one person is matched with many
 * vacancies (rankVacancies); the normalising of names and words is most of a match's cost.
 */
interface PersonFacts {
  person: MatchingPerson;
  spoken: Map<string, LanguageSkills>;
  home: Place | null;
  limits: Set<ScheduleLimit>;
  days: Set<Weekday>;
  cannot: Set<PhysicalDemand>;
  wishedJobs: { wish: string; words: readonly string[] }[];
  wishedSectors: SectorWish[];
  hasWishes: boolean;
}

function personFacts(person: MatchingPerson): PersonFacts {
  return {
    person,
    spoken: personLanguages(person),
    home: person.commune === null ? null : findPlace(person.commune),
    limits: new Set(person.scheduleLimits),
    days: new Set(person.scheduleDays),
    cannot: new Set(person.physicalLimits),
    wishedJobs: person.wishedJobs.map((wish) => ({ wish, words: wordStems(wish) })),
    wishedSectors: person.wishedSectors.map(sectorWish),
    hasWishes: [...person.wishedJobs, ...person.wishedSectors].some((w) => w.trim() !== ''),
  };
}

/** What the rules read of a vacancy alone, worked out once when it is matched with many persons. */
interface VacancyFacts {
  vacancy: MatchingVacancy;
  /** The requirements in force: objectified when the coach objectified the offer, else published. */
  req: VacancyRequirements;
  work: Place | null;
  titleWords: readonly string[];
  section: NaceSection | null;
  sectorDigits: string | null;
  sectionWords: readonly string[];
  schedule: Set<WorkSchedule>;
  demands: Set<PhysicalDemand>;
  /** The languages asked (requirements in force), each with the skills asked. */
  languages: { code: string; skills: ReturnType<typeof requiredSkills> }[];
}

function vacancyFacts(vacancy: MatchingVacancy): VacancyFacts {
  const req: VacancyRequirements = vacancy.objectified ?? vacancy.published;
  const section = vacancy.sectorCode === null ? null : naceSection(vacancy.sectorCode);
  const demands = new Set(vacancy.physicalDemands);
  // Night hours are a night-work demand whether or not the offer lists it among its demands.
  if (vacancy.schedule.includes('night')) demands.add('night_work');
  const languages: VacancyFacts['languages'] = [];
  for (const required of req.languages) {
    const code = normalizeLanguage(required.code);
    const skills = requiredSkills(required);
    if (skills.length === 0) continue;
    languages.push({ code, skills });
  }
  return {
    vacancy,
    req,
    work: vacancy.commune === null ? null : findPlace(vacancy.commune),
    titleWords: wordStems(vacancy.title),
    section,
    sectorDigits: vacancy.sectorCode === null ? null : naceDigits(vacancy.sectorCode),
    sectionWords: section === null ? [] : wordStems(NACE_SECTION_LABELS[section]),
    schedule: new Set(vacancy.schedule),
    demands,
    languages,
  };
}

/**
 * The matching hypothesis for one person and one vacancy. Points (MATCH_POINTS), around
 * MATCH_BASE_SCORE = 50 and clamped to 0–100:
 * - wished job found in the title +20; wished sector (NACE section, division or class; or free text
 *   in the title or the section's name) +10; the person has wishes and none is met −10;
 * - travel (straight line between the communes, travelMinutesEstimate): within the person's limit
 *   +10, up to 25 % over −10, further −25; unknown commune: `travel.unknown`, 0; neither car nor
 *   public transport and more than 5 km −10;
 * - diploma below the one asked −5 per level (at most −15); met or not asked: 0;
 * - contract: CDI +15, CDD of 6 months or more +5, shorter CDD −5, interim −10;
 * - hours a week: under 13 −15, 13 to 18 −5, 30 or more +5;
 * - experience asked: none +5, 1 year −5, 2 years or more −10;
 * - the person's days cannot hold the weekly hours (8 h a day) −10.
 * Any blocking reason makes the pair incompatible and the score 0; every reason is still listed.
 */
export function assessMatch(person: MatchingPerson, vacancy: MatchingVacancy): MatchResult {
  return assessFacts(personFacts(person), vacancyFacts(vacancy));
}

function assessFacts(ofPerson: PersonFacts, ofVacancy: VacancyFacts): MatchResult {
  const { person } = ofPerson;
  const { vacancy, req } = ofVacancy;
  const basis: MatchBasis = vacancy.objectified ? 'objectified' : 'published';
  const reasons: MatchReason[] = [];
  const add = (kind: MatchReasonKind, key: MatchReasonKey, params?: MatchReasonParams, points = 0) => {
    const reason: MatchReason = {
      kind,
      code: codeOf(key),
      key,
      points: kind === 'blocking' || kind === 'info' ? 0 : points,
    };
    if (params !== undefined) reason.params = params;
    reasons.push(reason);
  };

  add('info', basis === 'objectified' ? 'basis.objectified' : 'basis.published');

  // Contract: CDI only (hard), then job quality (soft).
  const contract = vacancy.contract;
  const months = contract.months != null && contract.months > 0 ? round1(contract.months) : null;
  if (person.cdiOnly && contract.type !== 'cdi') {
    add(
      'blocking',
      'cdi_only',
      contract.type === 'cdd' && months !== null
        ? { contract: contract.type, months }
        : { contract: contract.type },
    );
  }
  if (contract.type === 'cdi') add('plus', 'contract.cdi', undefined, MATCH_POINTS.cdi);
  else if (contract.type === 'cdd') {
    if (months === null) add('info', 'contract.cddUnknown');
    else if (months >= LONG_CDD_MONTHS) add('plus', 'contract.cddLong', { months }, MATCH_POINTS.longCdd);
    else add('minus', 'contract.cddShort', { months }, MATCH_POINTS.shortCdd);
  } else if (contract.type === 'interim') add('minus', 'contract.interim', undefined, MATCH_POINTS.interim);
  else add('info', 'contract.other');

  const hours = vacancy.hoursPerWeek;
  if (hours !== null && Number.isFinite(hours) && hours > 0) {
    const worded = { hours: round1(hours) };
    if (hours < VERY_FEW_HOURS) add('minus', 'hours.veryFew', worded, MATCH_POINTS.veryFewHours);
    else if (hours < 19) add('minus', 'hours.smallPartTime', worded, MATCH_POINTS.smallPartTime);
    else if (hours < FULL_TIME_HOURS) add('info', 'hours.partTime', worded);
    else add('plus', 'hours.fullTime', worded, MATCH_POINTS.fullTime);
  }

  if (vacancy.qualityNote && vacancy.qualityNote.trim() !== '') {
    add('info', 'quality_note', { note: vacancy.qualityNote.trim() });
  }

  // Mobility: licence and car (hard when known).
  if (req.drivingLicence || req.car) {
    if (person.drivingLicence === false) add('blocking', 'driving_licence.missing');
    else if (person.drivingLicence === null) add('info', 'driving_licence.unknown');
  }
  if (req.car) {
    if (person.hasCar === false) add('blocking', 'car.missing');
    else if (person.hasCar === null) add('info', 'car.unknown');
  }

  // Schedules: the person's limits and days (hard).
  const { schedule } = ofVacancy;
  const { limits, days } = ofPerson;
  const withChildren = person.singleParent === true && (person.childrenCount ?? 0) >= 1;
  for (const rule of SCHEDULE_RULES) {
    if (schedule.has(rule.schedule) && limits.has(rule.limit)) {
      add('blocking', rule.key, { because: withChildren ? 'childcare' : 'availability' });
    }
  }
  if (days.size > 0 && schedule.size > 0) {
    const weekendDays = ['sat', 'sun'].filter((d) => days.has(d as Weekday)).length;
    const weekDays = days.size - weekendDays;
    if (schedule.has('weekend') && weekendDays === 0 && !limits.has('no_weekend')) {
      add('blocking', 'schedule_days.weekdaysOnly');
    }
    if (!schedule.has('weekend') && weekDays === 0) add('blocking', 'schedule_days.weekendOnly');
    if (hours !== null && Number.isFinite(hours) && hours > 0) {
      const needed = Math.ceil(hours / HOURS_PER_DAY);
      if (days.size < needed) {
        add(
          'minus',
          'schedule_days.tooFew',
          { hours: round1(hours), needed, days: days.size },
          MATCH_POINTS.notEnoughDays,
        );
      }
    }
  }

  // Health: physical demands (hard).
  const { cannot } = ofPerson;
  const { demands } = ofVacancy;
  for (const demand of PHYSICAL_DEMANDS) {
    if (demands.has(demand) && cannot.has(demand)) add('blocking', `physical.${demand}`);
  }
  if (person.physicalLimitsNote && person.physicalLimitsNote.trim() !== '') {
    add('info', 'physical_note', { note: person.physicalLimitsNote.trim() });
  }

  // Languages, skill by skill (hard when the person's level of that skill is known).
  const { spoken } = ofPerson;
  for (const { code, skills } of ofVacancy.languages) {
    const language = { language: code, asked: skills };
    if (spoken.size === 0) {
      add('info', 'language.notRecorded', language);
      continue;
    }
    const has = spoken.get(code);
    if (has === undefined) {
      add('blocking', 'language.notSpoken', language);
      continue;
    }
    const short: SkillAndLevel[] = [];
    const unknown: LanguageSkillName[] = [];
    for (const [skill, level] of skills) {
      const own = has[skill];
      if (own == null) unknown.push(skill);
      else if (!skillLevelMeets(own as SkillLevel, level)) short.push([skill, own as SkillLevel]);
    }
    if (short.length > 0) add('blocking', 'language.short', { ...language, short });
    else if (unknown.length > 0) add('info', 'language.toCheck', { ...language, unknown });
    else add('plus', 'language.met', language);
  }

  // Wishes: jobs and sectors (soft).
  const job = ofPerson.wishedJobs.find((w) => wordsIn(w.words, ofVacancy.titleWords))?.wish;
  if (job !== undefined) add('plus', 'wished_job', { job: job.trim() }, MATCH_POINTS.wishedJob);
  const sector = ofPerson.wishedSectors.find((w) => sectorMatches(w, ofVacancy))?.wish;
  if (sector !== undefined) {
    const { section } = ofVacancy;
    if (section === null)
      add('plus', 'wished_sector.text', { sector: sector.trim() }, MATCH_POINTS.wishedSector);
    else add('plus', 'wished_sector.section', { section }, MATCH_POINTS.wishedSector);
  }
  if (ofPerson.hasWishes && job === undefined && sector === undefined) {
    add('minus', 'wishes_not_met', undefined, MATCH_POINTS.wishesNotMet);
  }

  // Travel (soft, estimated).
  const { home } = ofPerson;
  const { work } = ofVacancy;
  let km: number | null = null;
  let minutes: number | null = null;
  if (home === null || work === null) add('info', 'travel.unknown');
  else {
    const exact = distanceKm(home, work);
    km = Math.round(exact * 10) / 10;
    minutes = travelMinutesEstimate(exact);
    const trip: MatchReasonParams =
      home.nis === work.nis ? { minutes, sameCommune: true } : { minutes, km: Math.round(exact) };
    const max = person.maxTravelMinutes;
    if (max === null || !Number.isFinite(max) || max <= 0) add('info', 'travel.estimate', trip);
    else if (minutes <= max) {
      add('plus', 'travel.within', { ...trip, max: round1(max) }, MATCH_POINTS.travelWithinLimit);
    } else {
      add(
        'minus',
        'travel.over',
        { ...trip, max: round1(max) },
        minutes <= max * TRAVEL_TOLERANCE ? MATCH_POINTS.travelSlightlyOver : MATCH_POINTS.travelFarOver,
      );
    }
    if (person.hasCar === false && person.publicTransport === false && exact > 5) {
      add('minus', 'mobility.none', undefined, MATCH_POINTS.noMobility);
    }
  }
  const offHours = OFF_HOURS.filter((s) => schedule.has(s));
  if (person.hasCar === false && person.publicTransport !== false && offHours.length > 0) {
    add('info', 'mobility.offHours', { schedules: offHours });
  }

  // Diploma (soft: published requirements are often over-demanding).
  const diploma = req.diplomaLevel;
  if (diploma !== null && diploma !== 'none') {
    if (person.studies === null) add('info', 'diploma.notRecorded', { diploma });
    else {
      const short = DIPLOMA_LEVELS.indexOf(diploma) - PERSON_STUDIES_RANK[person.studies];
      if (short > 0) {
        add(
          'minus',
          'diploma.short',
          { diploma, studies: person.studies },
          Math.max(MATCH_POINTS.diplomaMaxPenalty, short * MATCH_POINTS.diplomaPerLevelShort),
        );
      } else add('plus', 'diploma.met', { diploma });
    }
  }

  // Experience asked (soft).
  const years = req.experienceYears;
  if (years !== null && Number.isFinite(years)) {
    if (years <= 0) add('plus', 'experience.none', undefined, MATCH_POINTS.noExperienceAsked);
    else {
      add(
        'minus',
        'experience.years',
        { years: round1(years) },
        years >= 2 ? MATCH_POINTS.experienceMoreYears : MATCH_POINTS.experienceOneYear,
      );
    }
  }

  const compatible = !reasons.some((r) => r.kind === 'blocking');
  const total = MATCH_BASE_SCORE + reasons.reduce((sum, r) => sum + r.points, 0);
  const score = compatible ? Math.min(100, Math.max(0, Math.round(total))) : 0;
  const ordered = reasons
    .map((reason, index) => ({ reason, index }))
    .sort((a, b) => KIND_ORDER[a.reason.kind] - KIND_ORDER[b.reason.kind] || a.index - b.index)
    .map(({ reason }) => reason);
  return {
    compatible,
    score,
    basis,
    reasons: ordered,
    hiringAids: [...person.hiringAids],
    distanceKm: km,
    travelMinutes: minutes,
  };
}

export interface RankedVacancy<V extends MatchingVacancy = MatchingVacancy> {
  vacancy: V;
  result: MatchResult;
}

export interface RankedPerson<P extends MatchingPerson = MatchingPerson> {
  person: P;
  result: MatchResult;
}

function byMatch(
  a: { result: MatchResult; index: number },
  b: { result: MatchResult; index: number },
): number {
  if (a.result.compatible !== b.result.compatible) return a.result.compatible ? -1 : 1;
  return b.result.score - a.result.score || a.index - b.index;
}

/**
 * A vacancy with what the rules read of it alone worked out beforehand: a caller that ranks the
 * same offers for many persons (a list held between requests) prepares each once. Nothing in it
 * depends on the person or on the day.
 */
export interface PreparedVacancy<V extends MatchingVacancy = MatchingVacancy> {
  readonly vacancy: V;
  readonly facts: unknown;
}

export function prepareVacancy<V extends MatchingVacancy>(vacancy: V): PreparedVacancy<V> {
  return { vacancy, facts: vacancyFacts(vacancy) };
}

/**
 * A person's vacancies, compatible ones first by score (highest first), then incompatible ones; equal
 * scores keep the input order. Extra fields of each vacancy (an id…) are kept.
 */
export function rankVacancies<V extends MatchingVacancy>(
  person: MatchingPerson,
  vacancies: readonly V[],
): RankedVacancy<V>[] {
  return rankPreparedVacancies(person, vacancies.map(prepareVacancy));
}

/** rankVacancies over vacancies prepared beforehand (prepareVacancy). */
export function rankPreparedVacancies<V extends MatchingVacancy>(
  person: MatchingPerson,
  vacancies: readonly PreparedVacancy<V>[],
): RankedVacancy<V>[] {
  const facts = personFacts(person);
  return vacancies
    .map(({ vacancy, facts: prepared }, index) => ({
      vacancy,
      result: assessFacts(facts, prepared as VacancyFacts),
      index,
    }))
    .sort(byMatch)
    .map(({ vacancy, result }) => ({ vacancy, result }));
}

/** The persons for a vacancy, in the same order as rankVacancies. */
export function rankPersons<P extends MatchingPerson>(
  vacancy: MatchingVacancy,
  persons: readonly P[],
): RankedPerson<P>[] {
  const facts = vacancyFacts(vacancy);
  return persons
    .map((person, index) => ({ person, result: assessFacts(personFacts(person), facts), index }))
    .sort(byMatch)
    .map(({ person, result }) => ({ person, result }));
}
