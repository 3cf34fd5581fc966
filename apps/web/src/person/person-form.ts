import type { PersonBody, PersonFile, ScheduleLimit, WeekDay } from '@jobcoach/contract';
import { formatNiss, PHYSICAL_DEMANDS } from '@jobcoach/domain';
import { joinLanguages, languageBody, languageRows, parseLanguages } from '../vacancies/vacancy-form.ts';

// A person's fields as form text: '' for unknown, 'yes'/'no' for the Oui/Non/Non précisé lists,
// lists of words separated by commas, lists of codes joined with commas, languages as the JSON
// rows of the languages field (one level per skill).

export const WEEK_DAYS: readonly WeekDay[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const SCHEDULE_LIMITS: readonly ScheduleLimit[] = [
  'no_evening',
  'no_night',
  'no_weekend',
  'no_shifts',
];

const TEXT = [
  'firstName',
  'lastName',
  'niss',
  'address',
  'postcode',
  'commune',
  'phone',
  'email',
  'scheduleHours',
  'physicalLimitsNote',
  'skillsKnowHow',
  'skillsSoft',
  'notes',
] as const;
const DATE = ['birthDate'] as const;
const CODE = ['sex', 'origin', 'residenceStatus', 'studies', 'income'] as const;
const NUMBER = ['monthsWithoutJob', 'childrenCount', 'maxTravelMinutes'] as const;
const YES_NO = ['singleParent', 'debtSettlementPlan', 'drivingLicence', 'hasCar', 'publicTransport'] as const;
const WORDS = ['wishedSectors', 'wishedJobs'] as const;
const CODES = ['scheduleDays', 'scheduleLimits', 'physicalLimits'] as const;
const LANGUAGES = ['languages'] as const;
const FLAG = ['cdiOnly', 'notesConfidential'] as const;

export const PERSON_FIELDS = [
  ...TEXT,
  ...DATE,
  ...CODE,
  ...NUMBER,
  ...YES_NO,
  ...WORDS,
  ...CODES,
  ...LANGUAGES,
  ...FLAG,
];
export { PHYSICAL_DEMANDS };
export type PersonField = (typeof PERSON_FIELDS)[number];
export type PersonValues = Record<PersonField, string>;

const is = <T extends readonly string[]>(list: T, field: string): field is T[number] => list.includes(field);

export const EMPTY_PERSON: PersonValues = {
  ...(Object.fromEntries(PERSON_FIELDS.map((f) => [f, ''])) as PersonValues),
  sex: 'not_stated',
  cdiOnly: 'no',
  notesConfidential: 'no',
};

function toText(field: PersonField, value: unknown): string {
  if (value === null || value === undefined) return is(FLAG, field) ? 'no' : '';
  if (is(YES_NO, field) || is(FLAG, field)) return value ? 'yes' : 'no';
  if (is(WORDS, field)) return (value as string[]).join('\n');
  if (is(LANGUAGES, field)) return joinLanguages(languageRows(value as { code: string }[]));
  if (is(CODES, field)) return (value as string[]).join(',');
  if (field === 'niss') return formatNiss(String(value));
  return String(value);
}

/** The form's text for what the server holds. */
export function valuesOf(file: Partial<PersonFile>): PersonValues {
  return Object.fromEntries(
    PERSON_FIELDS.map((f) => [f, toText(f, (file as Record<string, unknown>)[f])]),
  ) as PersonValues;
}

function fromText(field: PersonField, text: string): unknown {
  const trimmed = text.trim();
  if (is(TEXT, field)) return trimmed === '' ? null : trimmed;
  if (is(DATE, field)) return trimmed === '' ? null : trimmed;
  if (is(CODE, field)) return trimmed === '' ? null : trimmed;
  if (is(NUMBER, field)) return trimmed === '' ? null : Number(trimmed);
  if (is(YES_NO, field)) return trimmed === '' ? null : trimmed === 'yes';
  if (is(FLAG, field)) return trimmed === 'yes';
  if (is(LANGUAGES, field))
    return parseLanguages(trimmed)
      .filter((l) => l.code !== '')
      .map(languageBody);
  if (is(WORDS, field))
    return trimmed
      .split('\n')
      .map((w) => w.trim())
      .filter(Boolean);
  return trimmed === '' ? [] : trimmed.split(',');
}

/** Every field, for a new person. */
export function toInput(values: PersonValues): PersonBody {
  return Object.fromEntries(PERSON_FIELDS.map((f) => [f, fromText(f, values[f])])) as PersonBody;
}

/** Only the fields that differ from `base`, for a PATCH. */
export function changedInput(values: PersonValues, base: PersonValues): Partial<PersonBody> {
  return Object.fromEntries(
    PERSON_FIELDS.filter((f) => values[f] !== base[f]).map((f) => [f, fromText(f, values[f])]),
  ) as Partial<PersonBody>;
}

/** 'mon,wed' + toggling 'tue' → 'mon,tue,wed' (always in the order of `all`). */
export function toggleCode(current: string, code: string, on: boolean, all: readonly string[]): string {
  const set = new Set(current.split(',').filter(Boolean));
  if (on) set.add(code);
  else set.delete(code);
  return all.filter((c) => set.has(c)).join(',');
}
