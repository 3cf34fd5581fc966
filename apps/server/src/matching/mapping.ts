import type { PersonLanguageJson } from '@jobcoach/db';
import type {
  LanguageSkill,
  MatchingPerson,
  MatchingVacancy,
  OpenedHiringAid,
  PhysicalDemand,
  ScheduleLimit,
  Studies,
  VacancyContractType,
  Weekday,
  WorkSchedule,
} from '@jobcoach/domain';
import type { Db } from '../persons/common.ts';
import { objectifiedOf, requirementsOf, type VacancyLine } from '../vacancies/queries.ts';

/**
 * From the database to the domain's matching shapes (packages/domain matching.ts). The rules
 * live in the domain; this module only reads columns.
 */

/** The person columns matching reads. */
export const MATCHING_PERSON_COLUMNS = [
  'id',
  'driving_licence',
  'has_car',
  'public_transport',
  'max_travel_minutes',
  'commune',
  'languages',
  'schedule_days',
  'schedule_limits',
  'physical_limits',
  'single_parent',
  'children_count',
  'wished_sectors',
  'wished_jobs',
  'studies',
  'cdi_only',
  'physical_limits_note',
  'birth_date',
  'months_without_job',
  'referral_received_on',
  'income',
  'postcode',
] as const;

type MatchingPersonColumn = (typeof MATCHING_PERSON_COLUMNS)[number];
type LineColumn = 'id' | 'referral_received_on';

/**
 * The matching columns that a person line (persons/queries.ts selectPersonLines, alias `p`) does
 * not read already: a line and its matching facts in one statement.
 */
export const MATCHING_ONLY_COLUMNS = MATCHING_PERSON_COLUMNS.filter(
  (c): c is Exclude<MatchingPersonColumn, LineColumn> => c !== 'id' && c !== 'referral_received_on',
).map((c) => `p.${c}` as const);

export interface MatchingPersonRow {
  id: string;
  driving_licence: boolean | null;
  has_car: boolean | null;
  public_transport: boolean | null;
  max_travel_minutes: number | null;
  commune: string | null;
  languages: PersonLanguageJson[];
  schedule_days: string[];
  schedule_limits: string[];
  physical_limits: string[];
  physical_limits_note: string | null;
  single_parent: boolean | null;
  children_count: number | null;
  wished_sectors: string[];
  wished_jobs: string[];
  studies: string | null;
  cdi_only: boolean;
  birth_date: string | null;
  months_without_job: number | null;
  referral_received_on: string;
  income: string | null;
  postcode: string | null;
}

/**
 * A person for matching. Languages carry a level per skill (a skill not recorded is « à vérifier »);
 * physical limits are the vocabulary's codes, the note beside them is shown for checking. The
 * hiring aids the person opens on the day (the installation's dated rules) are named beside the
 * result and never weigh in it.
 */
export function toMatchingPerson(
  p: MatchingPersonRow,
  aids: readonly OpenedHiringAid[] = [],
): MatchingPerson {
  return {
    drivingLicence: p.driving_licence,
    hasCar: p.has_car,
    publicTransport: p.public_transport,
    maxTravelMinutes: p.max_travel_minutes,
    commune: p.commune,
    languages: p.languages.map((l) => (typeof l === 'string' ? l : (l as LanguageSkill))),
    scheduleDays: p.schedule_days as Weekday[],
    scheduleLimits: p.schedule_limits as ScheduleLimit[],
    physicalLimits: p.physical_limits as PhysicalDemand[],
    physicalLimitsNote: p.physical_limits_note,
    singleParent: p.single_parent,
    childrenCount: p.children_count,
    wishedSectors: p.wished_sectors,
    wishedJobs: p.wished_jobs,
    studies: p.studies as Studies | null,
    cdiOnly: p.cdi_only,
    hiringAids: aids.map((a) => a.name),
  };
}

/**
 * A vacancy for matching. Where the vacancy does not say, the employer's commune stands for the
 * place of work and the employer's NACE code for the activity.
 */
export function toMatchingVacancy(v: VacancyLine): MatchingVacancy {
  return {
    title: v.title,
    sectorCode: v.sector_code ?? v.employer_nace,
    contract: { type: v.contract_type as VacancyContractType, months: v.contract_months },
    hoursPerWeek: v.hours_per_week === null ? null : Number(v.hours_per_week),
    schedule: v.schedule as WorkSchedule[],
    commune: v.commune ?? v.employer_commune,
    published: requirementsOf(v.published),
    objectified: objectifiedOf(v.objectified),
    physicalDemands: v.physical_demands as PhysicalDemand[],
    qualityNote: v.quality_note,
  };
}

export function selectMatchingPersons(db: Db, organisationId: string) {
  return db
    .selectFrom('person')
    .select(MATCHING_PERSON_COLUMNS)
    .where('organisation_id', '=', organisationId)
    .where('deleted_at', 'is', null);
}
