import type { ContactChannel, ContactPurpose } from '@jobcoach/domain';
import type { ColumnType, Generated } from 'kysely';

/** A timestamp column with a default (may be omitted on insert). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A timestamp column that must be given on insert. */
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;
/** Calendar dates travel as 'YYYY-MM-DD' strings in both directions. */
export type DateString = string;

export interface BasinTable {
  id: Generated<string>;
  name: string;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  kind: string;
  basin_id: string;
  address: string | null;
  bce: string | null;
  require_totp: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  is_admin: Generated<boolean>;
  must_change_password: Generated<boolean>;
  active: Generated<boolean>;
  /** Base32 TOTP secret once the second factor is enabled. */
  totp_secret: string | null;
  /** Secret shown during enrolment, until the first code confirms it. */
  totp_pending_secret: string | null;
  /** Last TOTP time step accepted: a code is never accepted twice. */
  totp_last_step: number | null;
  /** The language of the messages the account receives (migration 0021). */
  language: Generated<'fr' | 'nl' | 'de' | 'en'>;
  /** The coach's morning digest by e-mail, opted in on the account page (migration 0021). */
  morning_digest: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipTable {
  user_id: string;
  organisation_id: string;
  role: string;
  fte: ColumnType<number, number | undefined, number>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  /** A jobcoach granted the right to read sensitive fields (0009); coordinators hold it anyway. */
  sensitive_access: Generated<boolean>;
}

export interface SessionTable {
  id: Generated<string>;
  id_hash: string;
  user_id: string;
  csrf_token: string;
  current_organisation_id: string | null;
  client_address: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: RequiredTimestamp;
  /** 0024: the key of the device's offline store, handed over with the session, deleted with it. */
  offline_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: RequiredTimestamp;
  locked_until: ColumnType<Date | null, Date | string | null, Date | string | null>;
}

export interface SetupTokenTable {
  token_hash: string;
  created_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  organisation_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  client_address: string | null;
  details: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

export interface SchemaMigrationTable {
  version: string;
  applied_at: Timestamp;
}

/** A jsonb column: written as a JSON string, read back parsed. */
type Json<T> = ColumnType<T, string, string>;
/** A jsonb column with a default. */
type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;
/** A nullable calendar date. */
type OptionalDate = DateString | null;

export interface PartnerTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  type: string;
  contact: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A language of a person as stored in jsonb: the level of each skill recorded. */
export interface PersonLanguageJson {
  code: string;
  understand?: string | null;
  speak?: string | null;
  read?: string | null;
  write?: string | null;
}

export interface PersonTable {
  id: Generated<string>;
  organisation_id: string;
  first_name: string;
  last_name: string;
  birth_date: OptionalDate;
  sex: string;
  niss: string | null;
  address: string | null;
  postcode: string | null;
  commune: string | null;
  phone: string | null;
  email: string | null;
  origin: string | null;
  studies: string | null;
  months_without_job: number | null;
  income: string | null;
  single_parent: boolean | null;
  children_count: number | null;
  debt_settlement_plan: boolean | null;
  driving_licence: boolean | null;
  has_car: boolean | null;
  public_transport: boolean | null;
  max_travel_minutes: number | null;
  /** Per language, the level of each skill recorded (0016; packages/domain languages.ts). */
  languages: JsonWithDefault<PersonLanguageJson[]>;
  schedule_days: JsonWithDefault<string[]>;
  schedule_hours: string | null;
  schedule_limits: JsonWithDefault<string[]>;
  /** Codes of the domain's PHYSICAL_DEMANDS the person cannot meet (0016, sensitive: health). */
  physical_limits: JsonWithDefault<string[]>;
  /** The limits in the coach's words (the free text before 0016; sensitive: health). */
  physical_limits_note: string | null;
  wished_sectors: JsonWithDefault<string[]>;
  wished_jobs: JsonWithDefault<string[]>;
  cdi_only: Generated<boolean>;
  skills_know_how: string | null;
  skills_soft: string | null;
  notes: string | null;
  referral_kind: string;
  referral_partner_id: string | null;
  referral_received_on: DateString;
  information_session_on: OptionalDate;
  consent_on: OptionalDate;
  consent_scope: string | null;
  trust_contract_signed_on: OptionalDate;
  phase: Generated<string>;
  phase_since: DateString;
  pre_hire_entry: OptionalDate;
  /** Age at entry into pre-hire, kept when the birth date is erased (0006). */
  entry_age: ColumnType<number | null, number | null | undefined, number | null>;
  coach_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Asylum or residence status (0009, sensitive). */
  residence_status: ColumnType<string | null, string | null | undefined, string | null>;
  /** The notes are confidential: only members with `persons.sensitive` read them (0009). */
  notes_confidential: Generated<boolean>;
  /** Date of the last direct contact, kept by a trigger on contact (0011); never written directly. */
  last_direct_contact: ColumnType<DateString | null, never, never>;
  /** The next meeting planned at the latest contact, kept by a trigger on contact (0011). */
  next_planned_on: ColumnType<DateString | null, never, never>;
}

export interface CoachabilityAssessmentTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  assessed_on: DateString;
  conditions: Json<Record<string, { met: boolean; comment: string | null }>>;
  decision: string;
  review_date: OptionalDate;
  redirect_partner_id: string | null;
  reason: string | null;
  assessor_id: string | null;
  created_at: Timestamp;
}

export interface TrajectoryEventTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  actor_id: string | null;
  at: Timestamp;
  date: DateString;
  transition_id: string;
  from_phase: string;
  to_phase: string;
  reason: string | null;
  detail: string | null;
  fields: JsonWithDefault<Record<string, unknown>>;
  /** Corrections (0015): cancelled with a reason, never deleted. */
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_by: string | null;
  cancellation_reason: string | null;
}

export interface EmploymentPeriodTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  kind: string;
  start_on: DateString;
  end_on: OptionalDate;
  created_by: string | null;
  created_at: Timestamp;
}

/**
 * One contact record (0014): about coached persons (contact_person) and/or with an employer of the
 * basin's registry; corrected or cancelled with a reason, never deleted.
 */
export interface ContactTable {
  id: Generated<string>;
  organisation_id: string;
  date: DateString;
  channel: ContactChannel;
  /** Generated: the domain's DIRECT_CHANNELS. */
  direct: ColumnType<boolean, never, never>;
  /** With an employer of the basin's registry. */
  employer_id: string | null;
  purpose: ContactPurpose | null;
  counterpart: string | null;
  duration_minutes: number | null;
  notes: string | null;
  next_planned_on: OptionalDate;
  author_id: string | null;
  created_at: Timestamp;
  /** Confidential notes: read by the author and members with `persons.sensitive` only (0009). */
  confidential: Generated<boolean>;
  overlap_confirmed: Generated<boolean>;
  discreet_confirmed: Generated<boolean>;
  version: Generated<number>;
  corrected_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  corrected_by: string | null;
  correction_reason: string | null;
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_by: string | null;
  cancellation_reason: string | null;
  /** 0024: the identifier a device gave a contact logged offline (unique per organisation). */
  client_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A coached person a contact is about, and whether the person took part in it. */
export interface ContactPersonTable {
  contact_id: string;
  organisation_id: string;
  person_id: string;
  present: boolean;
}

export interface PersonDocumentTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  kind: string;
  dated_on: DateString;
  author_id: string | null;
  created_at: Timestamp;
}

export interface AbsenceTable {
  id: Generated<string>;
  organisation_id: string;
  coach_id: string;
  from_on: DateString;
  to_on: DateString;
  cover_coach_id: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface OrganisationSettingsTable {
  organisation_id: string;
  persons_per_fte: ColumnType<number, number | undefined, number>;
  cadence: Json<{ preHireDays: number; followUp: { untilMonth: number; days: number }[] }>;
  trust_contract_template: string;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface Database {
  basin: BasinTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  setup_token: SetupTokenTable;
  audit_log: AuditLogTable;
  schema_migration: SchemaMigrationTable;
  partner: PartnerTable;
  person: PersonTable;
  coachability_assessment: CoachabilityAssessmentTable;
  trajectory_event: TrajectoryEventTable;
  employment_period: EmploymentPeriodTable;
  contact: ContactTable;
  contact_person: ContactPersonTable;
  person_document: PersonDocumentTable;
  absence: AbsenceTable;
  organisation_settings: OrganisationSettingsTable;
}

// ---- Employers, vacancies, matching and presentations (migration 0004) ----

export interface EmployerTable {
  id: Generated<string>;
  basin_id: string;
  name: string;
  bce: string | null;
  nace_code: string | null;
  size_class: string | null;
  sector: string;
  address: string | null;
  postcode: string | null;
  commune: string | null;
  reference_name: string | null;
  reference_role: string | null;
  reference_phone: string | null;
  reference_email: string | null;
  status: Generated<string>;
  version: Generated<number>;
  created_by_organisation_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EmployerNoteTable {
  organisation_id: string;
  employer_id: string;
  notes: string | null;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** Requirements of a vacancy as stored in jsonb (see VacancyRequirements in the domain). */
export interface VacancyRequirementsJson {
  text: string;
  diplomaLevel: string | null;
  /** The minimum level of each skill asked (0016). */
  languages: PersonLanguageJson[];
  drivingLicence: boolean;
  car: boolean;
  experienceYears: number | null;
  /** Only in the objectified requirements. */
  taskDescription?: string;
}

export interface VacancyTable {
  id: Generated<string>;
  organisation_id: string;
  employer_id: string;
  title: string;
  source: string;
  source_ref: string | null;
  place_of_work: string | null;
  commune: string | null;
  openings: Generated<number>;
  contract_type: string;
  contract_months: number | null;
  hours_per_week: number | null;
  schedule: JsonWithDefault<string[]>;
  sector_code: string | null;
  published: Json<VacancyRequirementsJson>;
  objectified: ColumnType<VacancyRequirementsJson | null, string | null, string | null>;
  physical_demands: JsonWithDefault<string[]>;
  quality_note: string | null;
  status: Generated<string>;
  opened_on: DateString;
  closed_on: OptionalDate;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PresentationTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  vacancy_id: string;
  step: string;
  /** Generated: not closed (declined, hired, refused, withdrawn). */
  active: ColumnType<boolean, never, never>;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PresentationStepTable {
  id: Generated<string>;
  organisation_id: string;
  presentation_id: string;
  step: string;
  date: DateString;
  reason: string | null;
  channel: string | null;
  author_id: string | null;
  at: Timestamp;
  /** Corrections (0015): cancelled with a reason, never deleted. */
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_by: string | null;
  cancellation_reason: string | null;
}

export interface ImportJobTable {
  id: Generated<string>;
  organisation_id: string;
  kind: string;
  status: Generated<string>;
  valid_only: Generated<boolean>;
  total: Generated<number>;
  processed: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  error_count: Generated<number>;
  errors: JsonWithDefault<{ line: number; field: string; message: string }[]>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

// Declaration merging: the tables of migration 0004 join the Database interface above.
export interface OrganisationSettingsTable {
  presentation_cap: Generated<number>;
}

/** A hiring-aid rule, dated configuration of the installation (0016). */
export interface HiringAidRuleTable {
  id: Generated<string>;
  code: string;
  name: string;
  authority: string;
  conditions: Json<{
    ageBelow: number | null;
    ageFrom: number | null;
    minJoblessMonths: number | null;
    incomes: string[] | null;
    walloonResident: boolean;
  }>;
  employer_condition: string | null;
  amount: string;
  monthly_amount: number | null;
  duration_months: number | null;
  valid_from: DateString;
  valid_to: OptionalDate;
  source: string;
  version: Generated<number>;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A request to present a candidate for another organisation's vacancy of the basin (0016). */
export interface BasinRequestTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  vacancy_organisation_id: string;
  vacancy_id: string;
  note: string;
  status: Generated<string>;
  decided_on: OptionalDate;
  decided_by: string | null;
  decision_note: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface Database {
  hiring_aid_rule: HiringAidRuleTable;
  basin_request: BasinRequestTable;
  employer: EmployerTable;
  employer_note: EmployerNoteTable;
  vacancy: VacancyTable;
  presentation: PresentationTable;
  presentation_step: PresentationStepTable;
  import_job: ImportJobTable;
}

// ---- Contracts and follow-up (migration 0005) ----

export interface ContractTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  employer_id: string;
  vacancy_id: string | null;
  presentation_id: string | null;
  type: string;
  signed_on: DateString;
  start_on: DateString;
  planned_end_on: OptionalDate;
  hours_per_week: number | null;
  job_title: string;
  hiring_aids: JsonWithDefault<string[]>;
  actual_end_on: OptionalDate;
  end_reason: string | null;
  end_detail: string | null;
  converted_from_contract_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Corrections (0015): cancelled with a reason, never deleted. */
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_by: string | null;
  cancellation_reason: string | null;
  corrected_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  corrected_by: string | null;
  correction_reason: string | null;
}

export interface FollowUpArrangementTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  contract_id: string;
  reference_name: string | null;
  reference_role: string | null;
  reference_phone: string | null;
  reference_email: string | null;
  mode: Generated<string>;
  three_way_reason: string | null;
  three_way_detail: string | null;
  frequency: ColumnType<{ untilMonth: number; days: number }[] | null, string | null, string | null>;
  consent_on: OptionalDate;
  discreet: Generated<boolean>;
  notes: string | null;
  version: Generated<number>;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

// Declaration merging: the columns and tables of migration 0005.
export interface OrganisationSettingsTable {
  cdd_alert_days: Generated<number>;
}

export interface Database {
  contract: ContractTable;
  follow_up_arrangement: FollowUpArrangementTable;
}

// ---- Historical import (migration 0007) ----

export interface HistoryImportKeyTable {
  organisation_id: string;
  entity: string;
  external_id: string;
  entity_id: string;
  content_hash: string;
  matched: Generated<boolean>;
  job_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ImportJobTable {
  dry_run: Generated<boolean>;
  summary: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

export interface Database {
  history_import_key: HistoryImportKeyTable;
}

// ---- Consent, hand-offs, erasure and retention (migration 0008) ----

export interface PersonConsentTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  purpose: string;
  partner_id: string | null;
  given_on: DateString;
  information_on: OptionalDate;
  notice: string | null;
  note: string | null;
  withdrawn_on: OptionalDate;
  recorded_by: string | null;
  withdrawn_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonHandoffTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  partner_id: string;
  consent_id: string;
  purpose: string;
  sections: Json<string[]>;
  note: string | null;
  shared_on: DateString;
  shared_by: string | null;
  created_at: Timestamp;
}

export interface RetentionRunTable {
  id: Generated<string>;
  trigger: string;
  dry_run: Generated<boolean>;
  today: DateString;
  started_at: RequiredTimestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  anonymised: Generated<number>;
  error: string | null;
}

export interface RetentionRunOrganisationTable {
  run_id: string;
  organisation_id: string;
  retention_years: number;
  cutoff: DateString;
  anonymised: number;
}

/** A language of a person as stored in jsonb: the level of each skill recorded. */
export interface PersonLanguageJson {
  code: string;
  understand?: string | null;
  speak?: string | null;
  read?: string | null;
  write?: string | null;
}

export interface PersonTable {
  /** Set when the person's identity and free texts were erased (request or retention). */
  erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  erasure_kind: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OrganisationSettingsTable {
  retention_years: Generated<number>;
}

export interface Database {
  person_consent: PersonConsentTable;
  person_handoff: PersonHandoffTable;
  retention_run: RetentionRunTable;
  retention_run_organisation: RetentionRunOrganisationTable;
}

// Migration 0012: invitations to join an organisation.
export interface InvitationTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  /** The account invited (null: to be created when the link is used). */
  user_id: string | null;
  /** The name as the coordinator typed it. */
  name: string;
  role: string;
  fte: ColumnType<number, number | undefined, number>;
  /** The account was created with this invitation (its temporary password is the coordinator's). */
  new_account: Generated<boolean>;
  /** SHA-256 of the link's token. */
  token_hash: string;
  invited_by: string | null;
  created_at: Timestamp;
  expires_at: RequiredTimestamp;
  accepted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  declined_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface Database {
  invitation: InvitationTable;
}

// Migration 0017: undoing a historical import, and the mappings of tables in another shape.
export interface HistoryImportRowTable {
  organisation_id: string;
  job_id: string;
  entity: string;
  entity_id: string;
  previous: string | null;
}

export interface HistoryImportMappingTable {
  organisation_id: string;
  shape: string;
  target: string;
  columns: ColumnType<Record<string, string>, string, string>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ImportJobTable {
  undone_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  undone_by: string | null;
}

export interface Database {
  history_import_row: HistoryImportRowTable;
  history_import_mapping: HistoryImportMappingTable;
}

// Migration 0019: the e-mail outbox and password resets by e-mail.
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface OutboxTable {
  id: Generated<string>;
  created_at: Timestamp;
  kind: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  claimed_until: NullableTimestamp;
  last_error: string | null;
  sent_at: NullableTimestamp;
  failed_at: NullableTimestamp;
}

export interface PasswordResetTable {
  id: Generated<string>;
  user_id: string;
  /** SHA-256 of the link's token. */
  token_hash: string;
  created_at: Timestamp;
  expires_at: RequiredTimestamp;
  used_at: NullableTimestamp;
}

export interface Database {
  outbox: OutboxTable;
  password_reset: PasswordResetTable;
}

// Migration 0023: the items of the setup checklist a coordinator set aside.
export interface SetupChecklistDismissalTable {
  organisation_id: string;
  item: 'settings' | 'history';
  dismissed_by: string | null;
  dismissed_at: Timestamp;
}

export interface Database {
  setup_checklist_dismissal: SetupChecklistDismissalTable;
}

// Migration 0021: mail preferences and the morning digest's once-a-day mark.
export interface MorningDigestSentTable {
  user_id: string;
  sent_on: DateString;
}

export interface Database {
  morning_digest_sent: MorningDigestSentTable;
}

// Migration 0022: the coach's agenda (planned contacts with a time) and the calendar feed.
export interface PlannedContactTable {
  id: Generated<string>;
  organisation_id: string;
  person_id: string;
  coach_id: string;
  starts_on: DateString;
  /** Europe/Brussels wall-clock time 'HH:MM:SS'; null: all day. */
  starts_at: string | null;
  duration_minutes: number | null;
  place: string | null;
  channel: ContactChannel;
  employer_id: string | null;
  status: Generated<'planned' | 'done' | 'cancelled'>;
  done_contact_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  cancelled_at: NullableTimestamp;
  cancelled_by: string | null;
}

export interface CalendarFeedTable {
  id: Generated<string>;
  organisation_id: string;
  user_id: string;
  /** SHA-256 of the address's token. */
  token_hash: string;
  created_at: Timestamp;
  revoked_at: NullableTimestamp;
  last_read_at: NullableTimestamp;
}

export interface Database {
  planned_contact: PlannedContactTable;
  calendar_feed: CalendarFeedTable;
}

// ---- The open vacancies' stamp (migration 0029) ----

/** Renewed by triggers with every write that changes an organisation's list of open vacancies. */
export interface OpenVacanciesStampTable {
  organisation_id: string;
  stamp: string;
}

export interface Database {
  open_vacancies_stamp: OpenVacanciesStampTable;
}
