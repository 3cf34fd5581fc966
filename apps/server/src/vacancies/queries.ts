import type {
  RequirementsInput,
  VacancyFile,
  VacancyInput,
  VacancySource,
  VacancyStatus,
  VacancySummary,
} from '@jobcoach/contract';
import {
  type Database,
  type PersonLanguageJson,
  type Selectable,
  sql,
  type VacancyRequirementsJson,
} from '@jobcoach/db';
import type {
  DiplomaLevel,
  PhysicalDemand,
  RequiredSkillLevel,
  VacancyContractType,
  WorkSchedule,
} from '@jobcoach/domain';
import { DEFAULT_PRESENTATION_CAP, LANGUAGE_SKILLS, type LanguageRequirement } from '@jobcoach/domain';
import { invalid } from '../application/errors.ts';
import type { Db } from '../persons/common.ts';

export type VacancyRow = Selectable<Database['vacancy']>;

/**
 * The organisation's cap of candidates presented at once for one vacancy, as SQL: the domain's
 * default where the organisation set none. Read alone (`presentationCap`) or within a statement.
 */
export function presentationCapOf(organisationId: string) {
  return sql<number>`coalesce((SELECT s.presentation_cap FROM organisation_settings s
    WHERE s.organisation_id = ${organisationId}), ${sql.lit(DEFAULT_PRESENTATION_CAP)})`;
}

/** The organisation's cap of candidates presented at once for one vacancy. */
export async function presentationCap(db: Db, organisationId: string): Promise<number> {
  const row = await db.selectNoFrom(presentationCapOf(organisationId).as('cap')).executeTakeFirstOrThrow();
  return Number(row.cap);
}

/**
 * The vacancy columns a line of a list and the ranking read: not who created it and when, nor the
 * organisation and the place of work that only the file shows (matching reads every open vacancy
 * of the organisation on every answer, so each column counts).
 */
const VACANCY_LINE_COLUMNS = [
  'v.id',
  'v.employer_id',
  'v.title',
  'v.source',
  'v.source_ref',
  'v.commune',
  'v.openings',
  'v.contract_type',
  'v.contract_months',
  'v.hours_per_week',
  'v.schedule',
  'v.sector_code',
  'v.published',
  'v.objectified',
  'v.physical_demands',
  'v.quality_note',
  'v.status',
  'v.opened_on',
  'v.closed_on',
  'v.version',
] as const;

type LineColumn = (typeof VACANCY_LINE_COLUMNS)[number] extends `v.${infer C}` ? C : never;

/** The organisation's vacancies with their employer's name and the count of active presentations. */
export function selectVacancies(db: Db, organisationId: string) {
  return db
    .selectFrom('vacancy as v')
    .innerJoin('employer as e', 'e.id', 'v.employer_id')
    .select(VACANCY_LINE_COLUMNS)
    .select(['e.name as employer_name', 'e.commune as employer_commune', 'e.nace_code as employer_nace'])
    .select((eb) =>
      eb
        .selectFrom('presentation as p')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('p.vacancy_id', '=', 'v.id')
        .where('p.active', '=', true)
        .as('active_presentations'),
    )
    .where('v.organisation_id', '=', organisationId);
}
export type VacancyLine = Pick<VacancyRow, LineColumn> & {
  employer_name: string;
  employer_commune: string | null;
  employer_nace: string | null;
  active_presentations: number | null;
};

/** A language requirement read back from jsonb: the skills asked, and only those. */
function languageRequirementOf(l: PersonLanguageJson): LanguageRequirement {
  const out: LanguageRequirement = { code: l.code };
  for (const skill of LANGUAGE_SKILLS) {
    const level = l[skill];
    if (level != null) out[skill] = level as RequiredSkillLevel;
  }
  return out;
}

/** Requirements read back from jsonb, missing keys filled (rows written by older code stay readable). */
export function requirementsOf(json: Partial<VacancyRequirementsJson> | null | undefined) {
  return {
    text: json?.text ?? '',
    diplomaLevel: (json?.diplomaLevel ?? null) as DiplomaLevel | null,
    languages: (json?.languages ?? []).map(languageRequirementOf),
    drivingLicence: json?.drivingLicence ?? false,
    car: json?.car ?? false,
    experienceYears: json?.experienceYears ?? null,
  };
}

export function objectifiedOf(json: VacancyRequirementsJson | null) {
  if (json === null) return null;
  return { ...requirementsOf(json), taskDescription: json.taskDescription ?? '' };
}

export function toVacancySummary(r: VacancyLine): VacancySummary {
  return {
    id: r.id,
    employerId: r.employer_id,
    employerName: r.employer_name,
    title: r.title,
    source: r.source as VacancySource,
    sourceRef: r.source_ref,
    commune: r.commune,
    openings: r.openings,
    contract: { type: r.contract_type as VacancyContractType, months: r.contract_months },
    hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
    schedule: r.schedule as WorkSchedule[],
    status: r.status as VacancyStatus,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    objectified: r.objectified !== null,
    activePresentations: Number(r.active_presentations ?? 0),
    version: r.version,
  };
}

export function toVacancyFile(
  r: VacancyLine & Pick<VacancyRow, 'organisation_id' | 'place_of_work'>,
  cap: number,
): VacancyFile {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    employerId: r.employer_id,
    employerName: r.employer_name,
    title: r.title,
    source: r.source as VacancySource,
    sourceRef: r.source_ref,
    placeOfWork: r.place_of_work,
    commune: r.commune,
    openings: r.openings,
    contract: { type: r.contract_type as VacancyContractType, months: r.contract_months },
    hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
    schedule: r.schedule as WorkSchedule[],
    sectorCode: r.sector_code,
    published: requirementsOf(r.published),
    objectified: objectifiedOf(r.objectified),
    physicalDemands: r.physical_demands as PhysicalDemand[],
    qualityNote: r.quality_note,
    status: r.status as VacancyStatus,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    version: r.version,
    presentationCap: cap,
    activePresentations: Number(r.active_presentations ?? 0),
  };
}

export async function loadVacancyFile(db: Db, organisationId: string, id: string) {
  const row = await selectVacancies(db, organisationId)
    .select(['v.organisation_id', 'v.place_of_work'])
    .select(presentationCapOf(organisationId).as('cap'))
    .where('v.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return toVacancyFile(row, Number(row.cap));
}

/** The vacancy locked for the rest of the transaction (presentations queue up behind it). */
export function lockVacancy(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('vacancy')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

function requirementsJson(r: RequirementsInput & { taskDescription?: string }): string {
  return JSON.stringify({
    text: r.text,
    diplomaLevel: r.diplomaLevel,
    languages: r.languages,
    drivingLicence: r.drivingLicence,
    car: r.car,
    experienceYears: r.experienceYears,
    ...(r.taskDescription !== undefined ? { taskDescription: r.taskDescription } : {}),
  });
}

/** A complete vacancy (the input with its defaults applied), as the API and the import see it. */
export type VacancyValues = Required<Omit<VacancyInput, 'objectified' | 'sourceRef'>> & {
  sourceRef: string | null;
  objectified: (RequirementsInput & { taskDescription: string }) | null;
};

/** The vacancy columns for an insert or an update of every field. */
export function vacancyColumns(v: VacancyValues) {
  return {
    employer_id: v.employerId,
    title: v.title,
    source: v.source,
    source_ref: v.sourceRef,
    place_of_work: v.placeOfWork ?? null,
    commune: v.commune ?? null,
    openings: v.openings,
    contract_type: v.contract.type,
    contract_months: v.contract.type === 'cdd' ? (v.contract.months ?? null) : null,
    hours_per_week: v.hoursPerWeek ?? null,
    schedule: JSON.stringify(v.schedule),
    sector_code: v.sectorCode ?? null,
    published: requirementsJson(v.published),
    objectified: v.objectified ? requirementsJson(v.objectified) : null,
    physical_demands: JSON.stringify(v.physicalDemands),
    quality_note: v.qualityNote ?? null,
    status: v.status,
    opened_on: v.openedOn,
    closed_on: v.closedOn ?? null,
  };
}

/** A stored vacancy as complete values (to merge a PATCH or an import row into). */
export function valuesOf(r: VacancyRow): VacancyValues {
  return {
    employerId: r.employer_id,
    title: r.title,
    source: r.source as VacancySource,
    sourceRef: r.source_ref,
    placeOfWork: r.place_of_work,
    commune: r.commune,
    openings: r.openings,
    contract: { type: r.contract_type as VacancyContractType, months: r.contract_months },
    hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
    schedule: r.schedule as WorkSchedule[],
    sectorCode: r.sector_code,
    published: requirementsOf(r.published),
    objectified: objectifiedOf(r.objectified),
    physicalDemands: r.physical_demands as PhysicalDemand[],
    qualityNote: r.quality_note,
    status: r.status as VacancyStatus,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
  };
}

/** Dates that hold together: a closing day not before the opening day. */
export function checkVacancyDates(v: Pick<VacancyValues, 'openedOn' | 'closedOn'>) {
  if (v.closedOn && v.closedOn < v.openedOn) {
    throw invalid('closedOn', 'la date de clôture ne peut pas précéder la date d’ouverture.');
  }
}

/** An employer of the basin (the vacancy's employerId), or a 400 naming the field. */
export async function assertEmployerInBasin(
  db: Db,
  basinId: string,
  employerId: string,
  field = 'employerId',
) {
  const row = await db
    .selectFrom('employer')
    .select(['id', 'name'])
    .where('id', '=', employerId)
    .where('basin_id', '=', basinId)
    .executeTakeFirst();
  if (!row) throw invalid(field, 'employeur introuvable dans le registre de votre bassin d’emploi.');
  return row;
}
