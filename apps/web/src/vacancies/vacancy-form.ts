import type {
  ObjectifiedRequirements,
  Requirements,
  VacancyBody,
  VacancyFile,
  VacancySource,
  VacancyStatus,
} from '@jobcoach/contract';
import {
  type DiplomaLevel,
  LANGUAGE_SKILLS,
  type LanguageSkillName,
  type PhysicalDemand,
  type VacancyContractType,
  type WorkSchedule,
} from '@jobcoach/domain';
import { today } from '../i18n/dates.ts';
import type { Translate } from '../i18n/index.ts';
import { day } from '../person/person-validation.ts';

// A vacancy as flat form text. Keys use the API's dotted names (`published.text`,
// `contract.months`) so that a server error naming a field lands next to it. Lists of codes are
// joined with commas; languages are a JSON list of rows (« [{"code":"de","read":"basic"}] »), '' when
// empty; yes/no are 'yes' / ''.

const REQUIREMENT_KEYS = [
  'text',
  'diplomaLevel',
  'languages',
  'drivingLicence',
  'car',
  'experienceYears',
] as const;
export type RequirementKey = (typeof REQUIREMENT_KEYS)[number];
export type Block = 'published' | 'objectified';

export const VACANCY_FIELDS = [
  'employerId',
  'title',
  'source',
  'sourceRef',
  'placeOfWork',
  'commune',
  'openings',
  'contract.type',
  'contract.months',
  'hoursPerWeek',
  'schedule',
  'sectorCode',
  ...REQUIREMENT_KEYS.map((k) => `published.${k}` as const),
  ...REQUIREMENT_KEYS.map((k) => `objectified.${k}` as const),
  'objectified.taskDescription',
  'physicalDemands',
  'qualityNote',
  'status',
  'openedOn',
  'closedOn',
] as const;
export type VacancyField = (typeof VACANCY_FIELDS)[number];
export type VacancyValues = Record<VacancyField, string>;

export const EMPTY_VACANCY: VacancyValues = {
  ...(Object.fromEntries(VACANCY_FIELDS.map((f) => [f, ''])) as VacancyValues),
  source: 'canvassing',
  openings: '1',
  'contract.type': 'cdi',
  status: 'open',
  openedOn: today(),
};

/** A language row of a form: its code and the level of each skill ('' when not set). */
export type LanguageRow = { code: string } & Record<LanguageSkillName, string>;

export const emptyLanguageRow = (): LanguageRow => ({
  code: '',
  understand: '',
  speak: '',
  read: '',
  write: '',
});

/** Rows from the form's text, or from what the API answered. */
export function languageRows(
  list: readonly ({ code: string } & Partial<Record<LanguageSkillName, string | null>>)[],
): LanguageRow[] {
  return list.map((l) => ({
    code: l.code,
    understand: l.understand ?? '',
    speak: l.speak ?? '',
    read: l.read ?? '',
    write: l.write ?? '',
  }));
}

export function parseLanguages(text: string): LanguageRow[] {
  if (text.trim() === '') return [];
  try {
    const list = JSON.parse(text);
    return Array.isArray(list) ? languageRows(list) : [];
  } catch {
    return [];
  }
}

export function joinLanguages(rows: readonly LanguageRow[]): string {
  return rows.length === 0 ? '' : JSON.stringify(rows);
}

/** What the API takes: the code and the skills set. */
export function languageBody(
  row: LanguageRow,
): { code: string } & Partial<Record<LanguageSkillName, string>> {
  const out: { code: string } & Partial<Record<LanguageSkillName, string>> = { code: row.code };
  for (const skill of LANGUAGE_SKILLS) if (row[skill] !== '') out[skill] = row[skill];
  return out;
}

function requirementValues(block: Block, r: Requirements | null): Partial<VacancyValues> {
  if (!r) return {};
  return {
    [`${block}.text`]: r.text,
    [`${block}.diplomaLevel`]: r.diplomaLevel ?? '',
    [`${block}.languages`]: joinLanguages(languageRows(r.languages)),
    [`${block}.drivingLicence`]: r.drivingLicence ? 'yes' : '',
    [`${block}.car`]: r.car ? 'yes' : '',
    [`${block}.experienceYears`]: r.experienceYears === null ? '' : String(r.experienceYears),
  };
}

export function vacancyValues(file: VacancyFile): VacancyValues {
  return {
    ...EMPTY_VACANCY,
    employerId: file.employerId,
    title: file.title,
    source: file.source,
    sourceRef: file.sourceRef ?? '',
    placeOfWork: file.placeOfWork ?? '',
    commune: file.commune ?? '',
    openings: String(file.openings),
    'contract.type': file.contract.type,
    'contract.months': file.contract.months === null ? '' : String(file.contract.months),
    hoursPerWeek: file.hoursPerWeek === null ? '' : String(file.hoursPerWeek).replace('.', ','),
    schedule: file.schedule.join(','),
    sectorCode: file.sectorCode ?? '',
    ...requirementValues('published', file.published),
    ...requirementValues('objectified', file.objectified),
    'objectified.taskDescription': file.objectified?.taskDescription ?? '',
    physicalDemands: file.physicalDemands.join(','),
    qualityNote: file.qualityNote ?? '',
    status: file.status,
    openedOn: file.openedOn,
    closedOn: file.closedOn ?? '',
  };
}

/** The objectified block as the published one, keeping the task description already written. */
export function copyPublished(values: VacancyValues): VacancyValues {
  const next = { ...values };
  for (const k of REQUIREMENT_KEYS) next[`objectified.${k}`] = values[`published.${k}`];
  return next;
}

/** The coach wrote something in the objectified block. */
export function isObjectified(values: VacancyValues): boolean {
  return (
    values['objectified.taskDescription'].trim() !== '' ||
    REQUIREMENT_KEYS.some((k) => values[`objectified.${k}`].trim() !== '')
  );
}

const text = (value: string) => value.trim() || null;
const number = (value: string) => (value.trim() === '' ? null : Number(value.trim().replace(',', '.')));
const codes = <T extends string>(value: string) => value.split(',').filter(Boolean) as T[];

function requirements(values: VacancyValues, block: Block): Requirements {
  return {
    text: values[`${block}.text`].trim(),
    diplomaLevel: (text(values[`${block}.diplomaLevel`]) as DiplomaLevel | null) ?? null,
    languages: parseLanguages(values[`${block}.languages`])
      .filter((l) => l.code && LANGUAGE_SKILLS.some((s) => l[s] !== ''))
      .map((l) => languageBody(l) as Requirements['languages'][number]),
    drivingLicence: values[`${block}.drivingLicence`] === 'yes',
    car: values[`${block}.car`] === 'yes',
    experienceYears: number(values[`${block}.experienceYears`]),
  };
}

export function vacancyInput(values: VacancyValues): VacancyBody {
  const type = values['contract.type'] as VacancyContractType;
  const objectified: ObjectifiedRequirements | null = isObjectified(values)
    ? {
        ...requirements(values, 'objectified'),
        taskDescription: values['objectified.taskDescription'].trim(),
      }
    : null;
  return {
    employerId: values.employerId,
    title: values.title.trim(),
    source: values.source as VacancySource,
    sourceRef: text(values.sourceRef),
    placeOfWork: text(values.placeOfWork),
    commune: text(values.commune),
    openings: Number(values.openings),
    contract: { type, months: type === 'cdd' ? number(values['contract.months']) : null },
    hoursPerWeek: number(values.hoursPerWeek),
    schedule: codes<WorkSchedule>(values.schedule),
    sectorCode: text(values.sectorCode),
    published: requirements(values, 'published'),
    objectified,
    physicalDemands: codes<PhysicalDemand>(values.physicalDemands),
    qualityNote: text(values.qualityNote),
    status: values.status as VacancyStatus,
    openedOn: values.openedOn,
    closedOn: text(values.closedOn),
  };
}

/** The parts of the vacancy that differ from `base`, for a PATCH. */
export function vacancyChanges(values: VacancyValues, base: VacancyValues): Partial<VacancyBody> {
  const now = vacancyInput(values) as Record<string, unknown>;
  const before = vacancyInput(base) as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(now)
      .filter((k) => JSON.stringify(now[k]) !== JSON.stringify(before[k]))
      .map((k) => [k, now[k]]),
  ) as Partial<VacancyBody>;
}

const whole = (value: string, t: Translate, min = 0) =>
  value.trim() === '' || (/^\d+$/.test(value.trim()) && Number(value) >= min)
    ? undefined
    : t('validation.wholeNumber');

/** Checks before sending; the server checks everything again. */
export function checkVacancy(values: VacancyValues, t: Translate): Partial<Record<VacancyField, string>> {
  const languageProblem = (block: Block) =>
    parseLanguages(values[`${block}.languages`]).some(
      (l) => !l.code || LANGUAGE_SKILLS.every((s) => l[s] === ''),
    )
      ? t('vacancy.error.language')
      : undefined;
  return {
    employerId: values.employerId ? undefined : t('vacancy.error.employer'),
    title: values.title.trim() ? undefined : t('validation.required'),
    openings: values.openings.trim() === '' ? t('validation.required') : whole(values.openings, t, 1),
    'contract.months': values['contract.type'] === 'cdd' ? whole(values['contract.months'], t, 1) : undefined,
    hoursPerWeek:
      values.hoursPerWeek.trim() === '' || /^\d{1,2}([.,]\d)?$/.test(values.hoursPerWeek.trim())
        ? undefined
        : t('vacancy.error.hours'),
    'published.experienceYears': whole(values['published.experienceYears'], t),
    'objectified.experienceYears': whole(values['objectified.experienceYears'], t),
    'published.languages': languageProblem('published'),
    'objectified.languages': languageProblem('objectified'),
    'objectified.taskDescription':
      isObjectified(values) && values['objectified.taskDescription'].trim() === ''
        ? t('vacancy.error.taskDescription')
        : undefined,
    openedOn: day(values.openedOn, t, false),
    closedOn: day(values.closedOn, t),
  };
}

/** 'a,b' + toggling 'c' → 'a,b,c', in the order of `all`. */
export function toggle(current: string, code: string, on: boolean, all: readonly string[]): string {
  const set = new Set(current.split(',').filter(Boolean));
  if (on) set.add(code);
  else set.delete(code);
  return all.filter((c) => set.has(c)).join(',');
}
