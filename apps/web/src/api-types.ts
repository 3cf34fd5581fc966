// Shapes of the HTTP API, copied from docs/api.md (the contract the server implements).
import type {
  CadenceSettings,
  CoachabilityCondition,
  CoachabilityDecision,
  ContactChannel,
  ContactStatus,
  ContractKind,
  IncomeSource,
  MembershipRole,
  OrganisationKind,
  Origin,
  Phase,
  PreHireClock,
  Sex,
  Studies,
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
  version: number;
};

export type Membership = { organisationId: string; organisationName: string; role: Role; fte: number };

export type Me = {
  user: { id: string; name: string; email: string; isAdmin: boolean; mustChangePassword: boolean };
  csrfToken: string;
  currentOrganisationId: string | null;
  memberships: Membership[];
};

export type Member = {
  userId: string;
  name: string;
  email: string;
  role: Role;
  fte: number;
  active: boolean;
  mustChangePassword: boolean;
  version: number;
};

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
  nextPlannedOn?: IsoDay | null;
};

export type TransitionOption = { id: string; label: string; to: Phase; requiredFields: string[] };

export type TimelineType = 'contact' | 'transition' | 'assessment' | 'document' | 'intake';
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
