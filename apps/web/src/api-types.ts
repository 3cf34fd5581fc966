// Shapes of the HTTP API, copied from docs/api.md (the contract the server implements).
import type {
  CadenceSettings,
  CoachabilityCondition,
  CoachabilityDecision,
  ContactChannel,
  ContactStatus,
  ContractKind,
  DiplomaLevel,
  IncomeSource,
  LanguageLevel,
  MatchResult,
  MembershipRole,
  OrganisationKind,
  Origin,
  Phase,
  PhysicalDemand,
  PreHireClock,
  ResidenceStatus,
  Sex,
  Studies,
  VacancyContractType,
  WorkSchedule,
} from '@jobcoach/domain';

export type { OrganisationKind };
export type Role = MembershipRole;

export type Basin = { id: string; name: string; active: boolean };

export type Organisation = {
  id: string;
  name: string;
  kind: OrganisationKind;
  basinId: string;
  basinName: string;
  address: string | null;
  bce: string | null;
  /** Members must use a second factor (TOTP). */
  requireTotp: boolean;
  version: number;
};

export type Membership = {
  organisationId: string;
  organisationName: string;
  role: Role;
  fte: number;
  /** The organisation requires a second factor of the sessions working in it. */
  requireTotp: boolean;
};

export type Me = {
  user: {
    id: string;
    name: string;
    email: string;
    isAdmin: boolean;
    mustChangePassword: boolean;
    totpEnabled: boolean;
    /**
     * The current organisation requires TOTP, not enabled yet: nothing else works in it until it
     * is (the user's other organisations are not affected).
     */
    mustEnrolTotp: boolean;
  };
  csrfToken: string;
  currentOrganisationId: string | null;
  memberships: Membership[];
  /** Invitations to join an organisation, waiting for the user's answer. */
  invitations: ReceivedInvitation[];
};

/** An invitation the user received: accepting it makes them a member of the organisation. */
export type ReceivedInvitation = {
  id: string;
  organisationName: string;
  role: Role;
  invitedByName: string | null;
  expiresAt: string;
};

/**
 * An invitation of the organisation, waiting for an answer (the team page): what the coordinator
 * typed, never anything of an existing account.
 */
export type Invitation = {
  id: string;
  email: string;
  name: string;
  role: Role;
  fte: number;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
};

export type Member = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  fte: number;
  active: boolean;
  mustChangePassword: boolean;
  /** A jobcoach granted the right to read sensitive fields. */
  sensitiveAccess?: boolean;
  version: number;
};

/** A live session of the user (GET /api/auth/sessions); `id` is public, not the cookie. */
export type AccountSession = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  clientAddress: string | null;
  userAgent: string | null;
  current: boolean;
};

export type TotpSetup = { secret: string; otpauthUrl: string };

export type SetupStatus = { needed: boolean; basins?: Basin[] };

// ---- Trajectory (docs/api.md, "Trajectory routes"). Dates are 'YYYY-MM-DD' strings. ----

export type IsoDay = string;

export type PartnerType =
  | 'cpas'
  | 'forem'
  | 'oisp_cisp'
  | 'eft'
  | 'debt_mediation'
  | 'health'
  | 'childcare'
  | 'union'
  | 'school'
  | 'association'
  | 'other';

export type Partner = {
  id: string;
  name: string;
  type: PartnerType;
  contact: string | null;
  version: number;
};

export type ReferralKind = 'partner' | 'spontaneous' | 'word_of_mouth';
export type Referral = {
  kind: ReferralKind;
  partnerId?: string | null;
  receivedOn: IsoDay;
  informationSessionOn?: IsoDay | null;
  consentOn?: IsoDay | null;
  consentScope?: string | null;
};

export type WeekDay = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type ScheduleLimit = 'no_evening' | 'no_night' | 'no_weekend' | 'no_shifts';

export type PersonInput = {
  firstName: string;
  lastName: string;
  birthDate: IsoDay | null;
  sex: Sex;
  niss?: string | null;
  address?: string | null;
  postcode?: string | null;
  commune?: string | null;
  phone?: string | null;
  email?: string | null;
  origin?: Origin | null;
  /** Asylum or residence status (sensitive). */
  residenceStatus?: ResidenceStatus | null;
  studies?: Studies | null;
  monthsWithoutJob?: number | null;
  income?: IncomeSource | null;
  singleParent?: boolean | null;
  childrenCount?: number | null;
  debtSettlementPlan?: boolean | null;
  drivingLicence?: boolean | null;
  hasCar?: boolean | null;
  publicTransport?: boolean | null;
  maxTravelMinutes?: number | null;
  languages?: string[];
  scheduleDays?: WeekDay[];
  scheduleHours?: string | null;
  scheduleLimits?: ScheduleLimit[];
  physicalLimits?: string | null;
  wishedSectors?: string[];
  wishedJobs?: string[];
  cdiOnly?: boolean;
  skillsKnowHow?: string | null;
  skillsSoft?: string | null;
  notes?: string | null;
  /** The notes are confidential (read only with the right to sensitive fields). */
  notesConfidential?: boolean;
};

export type NewPerson = PersonInput & { referral: Referral; coachId?: string | null };
export type PersonChanges = Partial<PersonInput> & { coachId?: string | null; version: number };

export type ConditionAnswer = { met: boolean; comment?: string | null };
export type AssessmentInput = {
  assessedOn: IsoDay;
  conditions: Record<CoachabilityCondition, ConditionAnswer>;
  decision: CoachabilityDecision;
  reviewDate?: IsoDay | null;
  redirectPartnerId?: string | null;
  reason?: string | null;
};

export type ContactWith = 'person' | 'employer' | 'partner';
export type ContactInput = {
  date: IsoDay;
  withWhom: ContactWith;
  counterpart?: string | null;
  channel: ContactChannel;
  durationMinutes?: number | null;
  notes?: string | null;
  /** Notes readable only by their author and those with the right to sensitive fields. */
  confidential?: boolean;
  nextPlannedOn?: IsoDay | null;
};

export type TransitionOption = { id: string; label: string; to: Phase; requiredFields: string[] };

export type TimelineType =
  | 'contact'
  | 'transition'
  | 'assessment'
  | 'document'
  | 'intake'
  | 'presentation'
  | 'contract';
export type TimelineEntry = {
  id: string;
  date: IsoDay;
  at: string;
  type: TimelineType;
  title: string;
  detail: string | null;
  authorName: string | null;
};

export type EmploymentPeriod = { id: string; kind: ContractKind; start: IsoDay; end: IsoDay | null };

/** What GET /api/persons/:id answers: the input fields, always present (null when unknown). */
export type PersonFile = Required<PersonInput> & {
  /** Sensitive fields withheld from the caller (absent from the answer): shown « Accès restreint ». */
  restricted?: string[];
  id: string;
  organisationId: string;
  version: number;
  phase: Phase;
  phaseSince: IsoDay;
  coachId: string | null;
  coachName: string | null;
  referral: Required<Referral> & { partnerName: string | null };
  assessment:
    | (Omit<AssessmentInput, 'conditions'> & {
        conditions: Record<string, { met: boolean; comment: string | null }>;
        redirectPartnerName?: string | null;
        assessorName: string | null;
      })
    | null;
  trustContractSignedOn: IsoDay | null;
  ageToday: number | null;
  ageAtEntry: number | null;
  priorityGroups: { code: string; label: string }[];
  clock: PreHireClock | null;
  cadence: ContactStatus & { lastDirectContact: IsoDay | null; nextPlanned: IsoDay | null };
  allowedTransitions: TransitionOption[];
  employmentPeriods: EmploymentPeriod[];
  timeline: TimelineEntry[];
};

export type PersonSummary = {
  id: string;
  firstName: string;
  lastName: string;
  phase: Phase;
  coachId: string | null;
  coachName: string | null;
  decision: CoachabilityDecision | null;
  reviewDate: IsoDay | null;
  phone: string | null;
  nissMasked: string | null;
  overdue: boolean;
  nextDue: IsoDay | null;
};

export type MyDayPerson = {
  id: string;
  firstName: string;
  lastName: string;
  phase: Phase;
  /** Shown because the person's coach is absent and this coach covers them. */
  covered: boolean;
  coachName: string | null;
  dueDate: IsoDay | null;
  daysOverdue: number;
  deadline: IsoDay | null;
  daysLeft: number | null;
  plannedOn: IsoDay | null;
};

export type MyDay = {
  today: IsoDay;
  coach: { id: string; name: string; fte: number };
  caseload: {
    activeCount: number;
    capacity: number;
    over: boolean;
    ratio: number | null;
    personsPerFte: number;
  };
  overdue: MyDayPerson[];
  deadlines: MyDayPerson[];
  plannedThisWeek: MyDayPerson[];
  referralsWaiting: MyDayPerson[];
  waitingList: MyDayPerson[];
  /** Not in docs/api.md (the server adds it): the absent colleagues this coach covers today. */
  covering?: { coachId: string; coachName: string; from: IsoDay; to: IsoDay }[];
};

export type Absence = {
  id: string;
  coachId: string;
  coachName: string;
  from: IsoDay;
  to: IsoDay;
  coverCoachId: string;
  coverCoachName: string;
};
export type NewAbsence = { coachId?: string | null; from: IsoDay; to: IsoDay; coverCoachId: string };

export type OrganisationSettings = {
  personsPerFte: number;
  cadence: CadenceSettings;
  trustContractTemplate: string;
  version: number;
};

// ---- Employers, vacancies, matching and presentations (docs/api.md, same section). The
// server's zod schemas (apps/server/src/employers…) win where they add to the doc; see the
// comments marked « server ». ----

export type EmployerStatus = 'prospect' | 'contacted' | 'partner' | 'dormant';
export type EmployerSizeClass = 'lt10' | '10_49' | '50_249' | '250_plus';
export type EmployerSector = 'private' | 'public';
export type EmployerContactChannel = 'visit' | 'phone' | 'letter_email' | 'meeting' | 'event';
export type EmployerContactPurpose = 'canvassing' | 'vacancy' | 'follow_up' | 'other';

export type EmployerReference = {
  name: string;
  role?: string | null;
  phone?: string | null;
  email?: string | null;
};

export type EmployerInput = {
  name: string;
  bce?: string | null;
  naceCode?: string | null;
  sizeClass?: EmployerSizeClass | null;
  sector: EmployerSector;
  address?: string | null;
  postcode?: string | null;
  commune?: string | null;
  reference?: EmployerReference | null;
  status: EmployerStatus;
  /** The caller's organisation's own notes. */
  notes?: string | null;
};
export type EmployerChanges = Partial<EmployerInput> & { version: number };

/** GET /api/employers lines (server: more than the doc's « EmployerSummary »). */
export type EmployerSummary = {
  id: string;
  name: string;
  bce: string | null;
  naceCode: string | null;
  sizeClass: EmployerSizeClass | null;
  sector: EmployerSector;
  postcode: string | null;
  commune: string | null;
  status: EmployerStatus;
  referenceName: string | null;
  version: number;
  /** The caller's organisation's latest contact. */
  lastOwnContact: IsoDay | null;
  /** Other organisations of the basin with a direct contact in the last 6 months. */
  followedBy: string[];
};

export type EmployerContact = {
  id: string;
  date: IsoDay;
  channel: EmployerContactChannel;
  purpose: EmployerContactPurpose;
  direct: boolean;
  authorName: string | null;
  personId: string | null;
  notes: string | null;
  /** server: logged after a « basin_overlap » warning was confirmed. */
  overlapConfirmed?: boolean;
};

export type BasinActivity = { organisationName: string; coachName: string | null; date: IsoDay };

export type EmployerFile = {
  id: string;
  basinId: string;
  name: string;
  bce: string | null;
  naceCode: string | null;
  sizeClass: EmployerSizeClass | null;
  sector: EmployerSector;
  address: string | null;
  postcode: string | null;
  commune: string | null;
  reference: { name: string; role: string | null; phone: string | null; email: string | null } | null;
  status: EmployerStatus;
  notes: string | null;
  ownNotes: string | null;
  version: number;
  contacts: EmployerContact[];
  basinActivity: BasinActivity[];
  vacancies: VacancySummary[];
};

export type EmployerContactInput = {
  date: IsoDay;
  channel: EmployerContactChannel;
  purpose: EmployerContactPurpose;
  personId?: string | null;
  notes?: string | null;
  confirmOverlap?: boolean;
};

export type VacancySource =
  | 'forem'
  | 'newspaper'
  | 'union_delegate'
  | 'canvassing'
  | 'employer_request'
  | 'other';
export type VacancyStatus = 'open' | 'filled' | 'closed';

export type Requirements = {
  text: string;
  diplomaLevel: DiplomaLevel | null;
  languages: { code: string; level: LanguageLevel }[];
  drivingLicence: boolean;
  car: boolean;
  experienceYears: number | null;
};
export type ObjectifiedRequirements = Requirements & { taskDescription: string };

export type VacancyInput = {
  employerId: string;
  title: string;
  source: VacancySource;
  sourceRef?: string | null;
  placeOfWork?: string | null;
  commune?: string | null;
  openings: number;
  contract: { type: VacancyContractType; months?: number | null };
  hoursPerWeek?: number | null;
  schedule: WorkSchedule[];
  sectorCode?: string | null;
  published: Requirements;
  objectified?: ObjectifiedRequirements | null;
  physicalDemands: PhysicalDemand[];
  qualityNote?: string | null;
  status: VacancyStatus;
  openedOn: IsoDay;
  closedOn?: IsoDay | null;
};
export type VacancyChanges = Partial<VacancyInput> & { version: number };

export type VacancySummary = {
  id: string;
  employerId: string;
  employerName: string;
  title: string;
  source: VacancySource;
  sourceRef: string | null;
  commune: string | null;
  openings: number;
  contract: { type: VacancyContractType; months: number | null };
  hoursPerWeek: number | null;
  schedule: WorkSchedule[];
  status: VacancyStatus;
  openedOn: IsoDay;
  closedOn: IsoDay | null;
  /** server: the coach objectified the offer with the employer. */
  objectified: boolean;
  /** server: candidates presented now. */
  activePresentations: number;
  version: number;
};

export type VacancyFile = {
  id: string;
  organisationId: string;
  employerId: string;
  employerName: string;
  title: string;
  source: VacancySource;
  sourceRef: string | null;
  placeOfWork: string | null;
  commune: string | null;
  openings: number;
  contract: { type: VacancyContractType; months: number | null };
  hoursPerWeek: number | null;
  schedule: WorkSchedule[];
  sectorCode: string | null;
  published: Requirements;
  objectified: ObjectifiedRequirements | null;
  physicalDemands: PhysicalDemand[];
  qualityNote: string | null;
  status: VacancyStatus;
  openedOn: IsoDay;
  closedOn: IsoDay | null;
  version: number;
  /** server: the organisation's cap of candidates presented at once, and how many are now. */
  presentationCap: number;
  activePresentations: number;
};

export type PresentationStep =
  | 'proposed'
  | 'discussed'
  | 'applied'
  | 'declined'
  | 'introduced'
  | 'interview'
  | 'hired'
  | 'refused'
  | 'withdrawn';
export type IntroductionChannel = 'phone' | 'accompanied_interview' | 'cv';

/** server: the active presentation of the pair, beside each match. */
export type PresentationRef = { id: string; step: PresentationStep } | null;
export type PersonMatch = { person: PersonSummary; result: MatchResult; presentation?: PresentationRef };
export type VacancyMatch = { vacancy: VacancySummary; result: MatchResult; presentation?: PresentationRef };

export type Presentation = {
  id: string;
  personId: string;
  vacancyId: string;
  step: PresentationStep;
  /** server: not closed (counts against the organisation's cap). */
  active: boolean;
  personName: string;
  vacancyTitle: string;
  employerName: string;
  /** server: the steps the workflow allows next. */
  allowedSteps: { step: PresentationStep; label: string }[];
  history: {
    step: PresentationStep;
    label: string;
    date: IsoDay;
    reason: string | null;
    channel: IntroductionChannel | null;
    authorName: string | null;
  }[];
  version: number;
};
export type StepInput = {
  step: PresentationStep;
  date: IsoDay;
  reason?: string | null;
  channel?: IntroductionChannel | null;
  version: number;
};

export type RowError = { line: number; field: string; message: string };

/** server: the file's column names for each import field (not VacancyInput's names). */
export type ImportField =
  | 'title'
  | 'employerName'
  | 'employerBce'
  | 'employerCommune'
  | 'source'
  | 'sourceRef'
  | 'placeOfWork'
  | 'commune'
  | 'openings'
  | 'contractType'
  | 'contractMonths'
  | 'hoursPerWeek'
  | 'schedule'
  | 'sectorCode'
  | 'requirementsText'
  | 'diplomaLevel'
  | 'languages'
  | 'drivingLicence'
  | 'car'
  | 'experienceYears'
  | 'status'
  | 'openedOn'
  | 'closedOn';
export type ImportMapping = Partial<Record<ImportField, string>>;

/** server: a row as it would be imported, with the employer it names (found, or to create). */
export type ImportPreviewRow = {
  line: number;
  employerId: string | null;
  employerName: string;
  employerBce: string | null;
  title: string;
  source: VacancySource;
  sourceRef: string;
  commune: string | null;
  openings: number;
  contract: { type: VacancyContractType; months: number | null };
  hoursPerWeek: number | null;
  status: VacancyStatus;
  openedOn: IsoDay;
};

export type ImportPreview = {
  columns: string[];
  delimiter?: string;
  mapping: ImportMapping;
  rows: number;
  preview: ImportPreviewRow[];
  errors: RowError[];
  errorCount?: number;
};

export type ImportJob = {
  id?: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  errorCount?: number;
};

// ---- Contracts and follow-up (apps/server/src/contracts/schemas.ts; the person file's
// `contracts`, `employmentHistory` and `followUp`, « Ma journée »'s contract lists). ----

export type ContractTypeCode = 'cdi' | 'cdd' | 'interim' | 'art_60_7' | 'other_subsidised' | 'immersion';
export type ContractEndReasonCode =
  | 'term_reached'
  | 'dismissal'
  | 'resignation'
  | 'abandonment'
  | 'trial_period_failed'
  | 'converted_to_cdi'
  | 'renewed';
export type FollowUpModeCode = 'bilateral' | 'phone' | 'workplace_visits' | 'three_way';
export type ThreeWayReasonCode = 'other_means_exhausted' | 'explicit_request';

export type ReferencePerson = {
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
};

export type FollowUpArrangement = {
  id: string;
  contractId: string;
  reference: ReferencePerson | null;
  mode: FollowUpModeCode;
  modeLabel: string;
  threeWayReason: ThreeWayReasonCode | null;
  threeWayReasonLabel: string | null;
  threeWayDetail: string | null;
  frequency: { untilMonth: number; days: number }[] | null;
  consentOn: IsoDay | null;
  discreet: boolean;
  notes: string | null;
  version: number;
};

export type ArrangementInput = {
  reference?: { name: string; role?: string | null; phone?: string | null; email?: string | null } | null;
  mode: FollowUpModeCode;
  threeWayReason?: ThreeWayReasonCode | null;
  threeWayDetail?: string | null;
  frequency?: { untilMonth: number; days: number }[] | null;
  consentOn?: IsoDay | null;
  discreet: boolean;
  notes?: string | null;
  /** 0 when no arrangement was recorded yet. */
  version: number;
};

export type ContractView = {
  id: string;
  personId: string;
  employerId: string;
  employerName: string;
  employerReference: ReferencePerson | null;
  vacancyId: string | null;
  vacancyTitle: string | null;
  presentationId: string | null;
  type: ContractTypeCode;
  typeLabel: string;
  signedOn: IsoDay;
  start: IsoDay;
  plannedEnd: IsoDay | null;
  hoursPerWeek: number | null;
  jobTitle: string;
  hiringAids: { code: string; label: string }[];
  actualEnd: IsoDay | null;
  endReason: ContractEndReasonCode | null;
  endReasonLabel: string | null;
  endDetail: string | null;
  convertedFromContractId: string | null;
  convertedToContractId: string | null;
  status: 'signed' | 'running' | 'ended';
  employment: boolean;
  /** End reasons the end form may offer for this contract. */
  endReasons: { reason: ContractEndReasonCode; label: string }[];
  alert: { plannedEnd: IsoDay; alertFrom: IsoDay; daysLeft: number; overdue: boolean } | null;
  canStartFollowUp: boolean;
  arrangement: FollowUpArrangement | null;
  version: number;
};

export type ContractInput = {
  employerId: string;
  vacancyId?: string | null;
  type: ContractTypeCode;
  signedOn: IsoDay;
  start: IsoDay;
  plannedEnd?: IsoDay | null;
  hoursPerWeek?: number | null;
  jobTitle: string;
  hiringAids?: string[];
};

export type ContractPatch = {
  version: number;
  actualEnd?: IsoDay;
  endReason?: ContractEndReasonCode;
  endDetail?: string | null;
};

export type EmploymentHistoryEntry = {
  id: string;
  source: 'contract' | 'hand_entered';
  kind: ContractKind;
  type: ContractTypeCode | null;
  label: string;
  employerName: string | null;
  jobTitle: string | null;
  start: IsoDay;
  end: IsoDay | null;
  ongoing: boolean;
  endReasonLabel: string | null;
};

/** The person file's parts about contracts (the server adds them to PersonFile). */
export type PersonContracts = {
  contracts?: ContractView[];
  employmentHistory?: EmploymentHistoryEntry[];
  followUp?: { start: IsoDay; limit: IsoDay; end: IsoDay; daysLeft: number } | null;
};

export type ContractAndPerson = { contract: ContractView; person: PersonFile };

export type MyDayContractEnding = {
  contractId: string;
  personId: string;
  firstName: string;
  lastName: string;
  phase: Phase;
  covered: boolean;
  coachName: string | null;
  type: ContractTypeCode;
  typeLabel: string;
  employerName: string;
  jobTitle: string;
  plannedEnd: IsoDay;
  alertFrom: IsoDay;
  daysLeft: number;
  overdue: boolean;
};

export type MyDayFollowUpDue = MyDayPerson & {
  followUpEnd: IsoDay | null;
  mode: FollowUpModeCode | null;
  modeLabel: string | null;
  discreet: boolean;
  employerName: string | null;
};

/** « Ma journée »'s contract lists (the server adds them to MyDay). */
export type MyDayContracts = {
  contractsEndingSoon?: MyDayContractEnding[];
  followUpsDue?: MyDayFollowUpDue[];
};
