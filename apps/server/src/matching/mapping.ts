import type {
  MatchingPerson,
  MatchingVacancy,
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
] as const;

export interface MatchingPersonRow {
  id: string;
  driving_licence: boolean | null;
  has_car: boolean | null;
  public_transport: boolean | null;
  max_travel_minutes: number | null;
  commune: string | null;
  languages: string[];
  schedule_days: string[];
  schedule_limits: string[];
  physical_limits: string | null;
  single_parent: boolean | null;
  children_count: number | null;
  wished_sectors: string[];
  wished_jobs: string[];
  studies: string | null;
  cdi_only: boolean;
}

/**
 * The persons API records languages as plain names ("français", "arabe") without a level: they go
 * to the domain as bare strings, which it reads as "level not recorded" (meets any requirement on
 * that language, with an « à vérifier » reason) rather than inventing a level. Physical limits are
 * free text in the persons API: they are shown as a note to check, never guessed into demands.
 * Hiring aids are not recorded on persons yet.
 */
export function toMatchingPerson(p: MatchingPersonRow): MatchingPerson {
  return {
    drivingLicence: p.driving_licence,
    hasCar: p.has_car,
    publicTransport: p.public_transport,
    maxTravelMinutes: p.max_travel_minutes,
    commune: p.commune,
    languages: p.languages.filter((l) => typeof l === 'string' && l.trim() !== ''),
    scheduleDays: p.schedule_days as Weekday[],
    scheduleLimits: p.schedule_limits as ScheduleLimit[],
    physicalLimits: [] as PhysicalDemand[],
    physicalLimitsNote: p.physical_limits,
    singleParent: p.single_parent,
    childrenCount: p.children_count,
    wishedSectors: p.wished_sectors,
    wishedJobs: p.wished_jobs,
    studies: p.studies as Studies | null,
    cdiOnly: p.cdi_only,
    hiringAids: [],
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
