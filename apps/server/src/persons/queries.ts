import type { PersonInput, PersonInputDto, PersonSummary } from '@jobcoach/contract';
import type { Database, Selectable } from '@jobcoach/db';
import {
  type CadenceSettings,
  cadenceOf,
  cadenceWithFrequency,
  formatNiss,
  type Phase,
} from '@jobcoach/domain';
import { AppError, invalid } from '../http/errors.ts';
import type { Db } from './common.ts';

export type PersonRow = Selectable<Database['person']>;

/** PersonInput key → person column. */
export const PERSON_COLUMNS = {
  firstName: 'first_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
  sex: 'sex',
  niss: 'niss',
  address: 'address',
  postcode: 'postcode',
  commune: 'commune',
  phone: 'phone',
  email: 'email',
  origin: 'origin',
  residenceStatus: 'residence_status',
  studies: 'studies',
  monthsWithoutJob: 'months_without_job',
  income: 'income',
  singleParent: 'single_parent',
  childrenCount: 'children_count',
  debtSettlementPlan: 'debt_settlement_plan',
  drivingLicence: 'driving_licence',
  hasCar: 'has_car',
  publicTransport: 'public_transport',
  maxTravelMinutes: 'max_travel_minutes',
  languages: 'languages',
  scheduleDays: 'schedule_days',
  scheduleHours: 'schedule_hours',
  scheduleLimits: 'schedule_limits',
  physicalLimits: 'physical_limits',
  physicalLimitsNote: 'physical_limits_note',
  wishedSectors: 'wished_sectors',
  wishedJobs: 'wished_jobs',
  cdiOnly: 'cdi_only',
  skillsKnowHow: 'skills_know_how',
  skillsSoft: 'skills_soft',
  notes: 'notes',
  notesConfidential: 'notes_confidential',
} as const satisfies Record<keyof PersonInput, keyof PersonRow>;

const LIST_KEYS: ReadonlySet<string> = new Set([
  'languages',
  'physicalLimits',
  'scheduleDays',
  'scheduleLimits',
  'wishedSectors',
  'wishedJobs',
]);

/** The columns to write for the given (possibly partial) input; absent keys are left alone. */
export function personColumns(input: Partial<PersonInput>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(PERSON_COLUMNS)) {
    const value = input[key as keyof PersonInput];
    if (value === undefined) continue;
    out[column] = LIST_KEYS.has(key) ? JSON.stringify(value ?? []) : value;
  }
  return out;
}

/** The person's recorded input, as the API shows it. */
export function personInputOf(row: PersonRow): PersonInputDto {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(PERSON_COLUMNS)) out[key] = row[column];
  return out as PersonInputDto;
}

/** The person of the organisation (not deleted), or undefined. */
export function findPerson(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('person')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** What a write on an erased person answers (409 `person_erased`). */
export function personErased() {
  return new AppError(
    409,
    'person_erased',
    'Les données de cette personne ont été effacées : son dossier ne peut plus être modifié ni complété.',
  );
}

/**
 * Same, locked for the rest of the transaction (concurrent writers queue up). Every write on a
 * person's file goes through it, so an erased person's file is read-only: 409 `person_erased`.
 */
export async function lockPerson(db: Db, organisationId: string, id: string) {
  const person = await db
    .selectFrom('person')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (person?.erased_at) throw personErased();
  return person;
}

/** A partner of the organisation, or a 400 naming the field. */
export async function assertPartner(db: Db, organisationId: string, partnerId: string, field: string) {
  const partner = await db
    .selectFrom('partner')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', partnerId)
    .executeTakeFirst();
  if (!partner) throw invalid(field, 'partenaire inconnu dans le répertoire de l’organisation.');
  return partner;
}

/** An active jobcoach of the organisation, or a 400 naming the field. */
export async function assertCoach(db: Db, organisationId: string, userId: string, field = 'coachId') {
  const coach = await db
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.organisation_id', '=', organisationId)
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'jobcoach')
    .where('m.active', '=', true)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!coach) throw invalid(field, 'ce n’est pas un·e jobcoach actif·ve de l’organisation.');
  return coach;
}

/** Refuses a NISS already recorded for another person of the organisation (409 naming niss). */
export async function assertNissFree(db: Db, organisationId: string, niss: string, exceptId?: string) {
  let query = db
    .selectFrom('person')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('niss', '=', niss)
    .where('deleted_at', 'is', null);
  if (exceptId) query = query.where('id', '<>', exceptId);
  if (await query.executeTakeFirst()) throw duplicateNiss();
}

export const duplicateNiss = () =>
  new AppError(
    409,
    'conflict',
    '« numéro NISS » : une autre personne de l’organisation porte déjà ce numéro.',
    'niss',
  );

/** Turns the NISS unique index's violation (a race past assertNissFree) into the same 409. */
export function rethrowNissConflict(error: unknown): never {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (
    e.code === '23505' &&
    (e.constraint === 'person_org_niss_key' || e.message?.includes('person_org_niss_key'))
  ) {
    throw duplicateNiss();
  }
  throw error;
}

/**
 * One line per person with what lists and "Ma journée" need: the coach's name, the last direct
 * contact with the person (channels the domain calls direct), the latest contact's next planned
 * date, and the current intake decision (latest assessment).
 */
export function selectPersonLines(db: Db, organisationId: string) {
  return db
    .selectFrom('person as p')
    .leftJoin('app_user as coach', 'coach.id', 'p.coach_id')
    .select([
      'p.id',
      'p.first_name',
      'p.last_name',
      'p.phase',
      'p.phase_since',
      'p.pre_hire_entry',
      'p.coach_id',
      'coach.name as coach_name',
      'p.phone',
      'p.niss',
      'p.referral_received_on',
      // Kept on the person row by a trigger on contact (migration 0011, docs/performance.md).
      'p.last_direct_contact',
      'p.next_planned_on',
    ])
    .select((eb) => [
      eb
        .selectFrom('coachability_assessment as a')
        .select('a.decision')
        .whereRef('a.person_id', '=', 'p.id')
        .orderBy('a.created_at', 'desc')
        .limit(1)
        .as('decision'),
      eb
        .selectFrom('coachability_assessment as a')
        .select('a.review_date')
        .whereRef('a.person_id', '=', 'p.id')
        .orderBy('a.created_at', 'desc')
        .limit(1)
        .as('review_date'),
      // The follow-up frequency agreed for the person's latest running contract (contracts/).
      eb
        .selectFrom('follow_up_arrangement as fa')
        .innerJoin('contract as fk', 'fk.id', 'fa.contract_id')
        .select('fa.frequency')
        .whereRef('fk.person_id', '=', 'p.id')
        .where('fk.actual_end_on', 'is', null)
        .where('fk.cancelled_at', 'is', null)
        .where('fk.type', '<>', 'immersion')
        .where('fa.frequency', 'is not', null)
        .orderBy('fk.start_on', 'desc')
        .orderBy('fk.created_at', 'desc')
        .limit(1)
        .as('follow_up_frequency'),
    ])
    .where('p.organisation_id', '=', organisationId)
    .where('p.deleted_at', 'is', null);
}
export type PersonLine = Awaited<ReturnType<ReturnType<typeof selectPersonLines>['execute']>>[number];

/** "85073003328" → "**.**.**-*33.28": enough to tell two persons apart, not to identify one. */
function maskNiss(niss: string | null): string | null {
  if (!niss) return null;
  return formatNiss(niss).replace(/\d/g, (d, index: number) => (index >= 10 ? d : '*'));
}

/**
 * A person's line as the persons list shows it (PersonSummary), wherever persons are listed (the
 * list, the matching candidates, the employer's visit sheet): the organisation's cadence rule,
 * with the follow-up frequency agreed for the running contract.
 */
export function personSummaryOf(line: PersonLine, today: string, cadence: CadenceSettings): PersonSummary {
  const status = cadenceOf(
    {
      phase: line.phase as Phase,
      phaseSince: line.phase_since,
      preHireEntry: line.pre_hire_entry,
      lastDirectContact: line.last_direct_contact,
    },
    today,
    cadenceWithFrequency(cadence, line.follow_up_frequency),
  );
  return {
    id: line.id,
    firstName: line.first_name,
    lastName: line.last_name,
    phase: line.phase as Phase,
    coachId: line.coach_id,
    coachName: line.coach_name,
    decision: (line.decision as PersonSummary['decision']) ?? null,
    reviewDate: line.review_date ?? null,
    phone: line.phone,
    nissMasked: maskNiss(line.niss),
    overdue: status.overdue,
    nextDue: status.dueDate,
  };
}

/** Escapes LIKE wildcards so that a search for "50%" looks for those characters. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
