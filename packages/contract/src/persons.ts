import {
  COACHABILITY_CONDITIONS,
  COACHABILITY_DECISIONS,
  CONTACT_CHANNELS,
  CONTACT_PURPOSES,
  CONTRACT_KINDS,
  CONTRACT_TYPES,
  EXIT_REASONS,
  INCOME_SOURCES,
  isValidNiss,
  normaliseNiss,
  ORIGINS,
  PHASES,
  PHYSICAL_DEMANDS,
  RESIDENCE_STATUSES,
  RETURN_REASONS,
  SEXES,
  STUDIES,
  TRANSITION_GUARDS,
  TRANSITION_IDS,
} from '@jobcoach/domain';
import { z } from 'zod';
import { plannedContactListSchema } from './agenda.ts';
import {
  codeList,
  dateSchema,
  idParams,
  optionalText,
  personLanguageOutputSchema,
  personLanguageSchema,
  requiredText,
  strictObject,
  text,
  textList,
  versionSchema,
} from './common.ts';
import { contractSchema } from './contracts.ts';

export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const SCHEDULE_LIMITS = ['no_evening', 'no_night', 'no_weekend', 'no_shifts'] as const;
export const REFERRAL_KINDS = ['partner', 'spontaneous', 'word_of_mouth'] as const;

export const nissSchema = z
  .string('texte attendu.')
  .trim()
  .max(20, 'au plus 20 caractères.')
  .refine((v) => v === '' || isValidNiss(v), {
    message:
      'numéro NISS invalide : 11 chiffres (AAMMJJ-SSS-CC) dont les 2 derniers sont le contrôle modulo 97 (précédé d’un 2 pour les personnes nées à partir de 2000).',
  })
  .transform((v) => (v === '' ? null : normaliseNiss(v)));

const optionalBoolean = z.boolean('vrai ou faux attendu.').nullish();
function optionalInteger(max: number) {
  return z
    .number('nombre attendu.')
    .int('nombre entier attendu.')
    .min(0, 'nombre positif attendu.')
    .max(max, `au plus ${max}.`)
    .nullish();
}

/** What a coach records about the person (identity, statistics, situation, wishes). */
export const personInputSchema = strictObject({
  firstName: requiredText(100),
  lastName: requiredText(100),
  birthDate: dateSchema.nullable(),
  sex: z.enum(SEXES, 'valeur inconnue (woman, man ou not_stated).'),
  niss: nissSchema.nullish(),
  address: optionalText(300),
  postcode: z
    .string('texte attendu.')
    .trim()
    .regex(/^(\d{4})?$/, 'code postal belge à 4 chiffres attendu.')
    .transform((v) => (v === '' ? null : v))
    .nullish(),
  commune: optionalText(100),
  phone: z
    .string('texte attendu.')
    .trim()
    .max(30, 'au plus 30 caractères.')
    .regex(/^[0-9+ ./()-]*$/, 'chiffres, espaces et + . / ( ) - seulement.')
    .transform((v) => (v === '' ? null : v))
    .nullish(),
  email: z
    .string('texte attendu.')
    .trim()
    .max(200, 'au plus 200 caractères.')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'adresse e-mail invalide.')
    .transform((v) => (v === '' ? null : v.toLowerCase()))
    .nullish(),
  origin: z.enum(ORIGINS, 'valeur inconnue.').nullish(),
  residenceStatus: z
    .enum(
      RESIDENCE_STATUSES,
      'valeur inconnue (belgian_or_eu, residence_permit, asylum_seeker, refugee ou other).',
    )
    .nullish(),
  studies: z.enum(STUDIES, 'valeur inconnue (ceb, cesi, cess ou other).').nullish(),
  monthsWithoutJob: optionalInteger(1200),
  income: z.enum(INCOME_SOURCES, 'valeur inconnue.').nullish(),
  singleParent: optionalBoolean,
  childrenCount: optionalInteger(30),
  debtSettlementPlan: optionalBoolean,
  drivingLicence: optionalBoolean,
  hasCar: optionalBoolean,
  publicTransport: optionalBoolean,
  maxTravelMinutes: optionalInteger(600),
  languages: z
    .array(personLanguageSchema, 'liste attendue.')
    .max(20, 'au plus 20 langues.')
    // The same language twice (« français, arabe, français »): the first entry is kept.
    .transform((list) => list.filter((l, i) => list.findIndex((o) => o.code === l.code) === i))
    .optional(),
  scheduleDays: codeList(WEEK_DAYS, 'jour inconnu (mon, tue, wed, thu, fri, sat, sun).').optional(),
  scheduleHours: optionalText(200),
  scheduleLimits: codeList(SCHEDULE_LIMITS, 'limite inconnue.').optional(),
  /** Physical demands the person cannot meet (the vacancies' vocabulary). Sensitive: health. */
  physicalLimits: codeList(PHYSICAL_DEMANDS, `limite inconnue (${PHYSICAL_DEMANDS.join(', ')}).`).optional(),
  /** The limits in the coach's words, beside the list. Sensitive: health. */
  physicalLimitsNote: optionalText(2000),
  wishedSectors: textList(20, 100).optional(),
  wishedJobs: textList(20, 100).optional(),
  cdiOnly: z.boolean('vrai ou faux attendu.').optional(),
  skillsKnowHow: optionalText(5000),
  skillsSoft: optionalText(5000),
  notes: optionalText(10_000),
  /** The notes are confidential (read only with the right `persons.sensitive`). */
  notesConfidential: z.boolean('vrai ou faux attendu.').optional(),
});
export type PersonInput = z.output<typeof personInputSchema>;

export const referralSchema = strictObject({
  kind: z.enum(REFERRAL_KINDS, 'valeur inconnue (partner, spontaneous ou word_of_mouth).'),
  partnerId: z.uuid('identifiant invalide.').nullish(),
  receivedOn: dateSchema,
  informationSessionOn: dateSchema.nullish(),
  consentOn: dateSchema.nullish(),
  consentScope: optionalText(1000),
});
export type ReferralInput = z.output<typeof referralSchema>;

export const createPersonSchema = personInputSchema.extend({
  referral: referralSchema,
  coachId: z.uuid('identifiant invalide.').nullish(),
});

export const patchPersonSchema = personInputSchema.partial().extend({
  referral: referralSchema.partial().optional(),
  coachId: z.uuid('identifiant invalide.').nullish(),
  version: z
    .number('nombre entier attendu.')
    .int('nombre entier attendu.')
    .positive('nombre positif attendu.'),
});
export type PersonPatch = z.output<typeof patchPersonSchema>;

const conditionSchema = z.object({
  met: z.boolean('vrai ou faux attendu.'),
  comment: optionalText(1000),
});

export const assessmentInputSchema = z.object({
  assessedOn: dateSchema,
  conditions: z.object(
    Object.fromEntries(COACHABILITY_CONDITIONS.map((c) => [c, conditionSchema])) as Record<
      (typeof COACHABILITY_CONDITIONS)[number],
      typeof conditionSchema
    >,
    'les quatre conditions sont attendues.',
  ),
  decision: z.enum(COACHABILITY_DECISIONS, 'décision inconnue (accepted, postponed ou redirected).'),
  reviewDate: dateSchema.nullish(),
  redirectPartnerId: z.uuid('identifiant invalide.').nullish(),
  reason: optionalText(2000),
});
export type AssessmentInput = z.output<typeof assessmentInputSchema>;

/** The fields of a contact, whichever page records it (domain contacts.ts). */
export const contactFields = {
  date: dateSchema,
  channel: z.enum(CONTACT_CHANNELS, 'canal inconnu.'),
  /** Why, for a contact with an employer. */
  purpose: z.enum(CONTACT_PURPOSES, 'objet inconnu (canvassing, vacancy, follow_up ou other).').nullish(),
  /** Someone else who took part (a partner's worker, a relative), as free text. */
  counterpart: optionalText(200),
  durationMinutes: z
    .number('nombre attendu.')
    .int('nombre entier attendu.')
    .min(1, 'au moins 1 minute.')
    .max(1440, 'au plus 1440 minutes.')
    .nullish(),
  notes: optionalText(10_000),
  /** Confidential notes: read back by their author and by members with `persons.sensitive` only. */
  confidential: z.boolean('vrai ou faux attendu.').optional(),
  nextPlannedOn: dateSchema.nullish(),
  /** Log a contact with an employer another organisation of the basin works with (canvassing). */
  confirmOverlap: z.boolean('vrai ou faux attendu.').optional(),
  /** Log a contact with an employer about a person whose follow-up is discreet towards it. */
  confirmDiscreet: z.boolean('vrai ou faux attendu.').optional(),
};

/**
 * « Noter un contact » on a person's file: one record, about the person (who took part or not),
 * and with an employer of the basin's registry when one took part (by default the person's current
 * employer, chosen on the screen).
 */
export const contactInputSchema = z.strictObject({
  ...contactFields,
  /** The person took part (a direct contact with them keeps their cadence). */
  personPresent: z.boolean('vrai ou faux attendu.').default(true),
  employerId: z.uuid('identifiant invalide.').nullish(),
  /** The planned contact this one holds (« Noter un contact » from the agenda): marked done. */
  plannedContactId: z.uuid('identifiant invalide.').nullish(),
  /**
   * The identifier the device gave a contact logged offline: sending the same one again answers
   * as the first time and records nothing more (unique within the organisation).
   */
  clientId: z.uuid('identifiant invalide.').optional(),
});

/** A correction of a contact entered by mistake: the fields to change and why. */
export const contactCorrectionSchema = z.strictObject({
  date: dateSchema.optional(),
  channel: z.enum(CONTACT_CHANNELS, 'canal inconnu.').optional(),
  purpose: z.enum(CONTACT_PURPOSES, 'objet inconnu (canvassing, vacancy, follow_up ou other).').nullish(),
  counterpart: optionalText(200),
  durationMinutes: contactFields.durationMinutes,
  notes: optionalText(10_000),
  nextPlannedOn: dateSchema.nullish(),
  reason: requiredText(500),
  version: versionSchema,
});

/** Cancelling an entry made by mistake (a contact, a contract, a step, the last move): why. */
export const cancellationSchema = z.strictObject({ reason: requiredText(500) });

/** Cancelling the last move of a trajectory: why, from the version of the file read. */
export const cancelMoveSchema = z.strictObject({ reason: requiredText(500), version: versionSchema });

export const contactParams = z.object({ id: z.uuid('identifiant invalide.') });
export const presentationStepParams = z.object({
  id: z.uuid('identifiant invalide.'),
  stepId: z.uuid('identifiant invalide.'),
});
export const transitionEventParams = z.object({
  id: z.uuid('identifiant invalide.'),
  eventId: z.uuid('identifiant invalide.'),
});

/** What a correction or a cancellation answers: the entry's new state and version. */
export const correctedEntrySchema = z.object({
  id: z.string(),
  status: z.enum(['corrected', 'cancelled']),
  version: z.number(),
});

const reasonDetail = text().trim().max(2000, 'au plus 2000 caractères.').nullish();

/**
 * A change of phase: one typed input per move (the domain's TransitionFieldsOf), discriminated by
 * `transitionId`; a field the move does not carry is refused by name.
 */
export const transitionInputSchema = z.discriminatedUnion(
  'transitionId',
  [
    z.object({
      transitionId: z.literal('enter_pre_hire'),
      fields: z.strictObject({ date: dateSchema, trustContractSignedOn: dateSchema }),
      version: versionSchema,
    }),
    z.object({
      transitionId: z.literal('start_hiring'),
      fields: z.strictObject({
        date: dateSchema,
        employerId: text().trim().min(1, 'ce champ est obligatoire.').max(200, 'au plus 200 caractères.'),
      }),
      version: versionSchema,
    }),
    z.object({
      transitionId: z.literal('start_follow_up'),
      fields: z.strictObject({
        date: dateSchema,
        contractKind: z.enum(CONTRACT_KINDS, 'type de contrat inconnu (cdd, cdi ou other).'),
        contractStart: dateSchema,
        contractEnd: dateSchema.nullish(),
      }),
      version: versionSchema,
    }),
    z.object({
      transitionId: z.literal('return_to_pre_hire'),
      fields: z.strictObject({
        date: dateSchema,
        returnReason: z.enum(RETURN_REASONS, 'motif inconnu.'),
        reasonDetail,
      }),
      version: versionSchema,
    }),
    z.object({
      transitionId: z.literal('exit'),
      fields: z.strictObject({
        date: dateSchema,
        exitReason: z.enum(EXIT_REASONS, 'motif inconnu.'),
        reasonDetail,
      }),
      version: versionSchema,
    }),
  ],
  'changement de phase inconnu.',
);

/** A job the person held, entered by hand (the contracts record the others). */
export const employmentPeriodInputSchema = z.object({
  kind: z.enum(CONTRACT_KINDS, 'type de contrat inconnu (cdd, cdi ou other).'),
  start: dateSchema,
  end: dateSchema.nullish(),
});

export const employmentPeriodParams = idParams.extend({ periodId: z.uuid('identifiant invalide.') });

/** The day the trust contract was signed. */
export const trustContractInputSchema = z.object({ signedOn: dateSchema });

// What a client sends (before parsing).
export type PersonBody = z.input<typeof personInputSchema>;
export type CreatePersonBody = z.input<typeof createPersonSchema>;
export type PatchPersonBody = z.input<typeof patchPersonSchema>;
export type ReferralBody = z.input<typeof referralSchema>;
export type AssessmentBody = z.input<typeof assessmentInputSchema>;
export type ContactBody = z.input<typeof contactInputSchema>;
export type TransitionBody = z.input<typeof transitionInputSchema>;
export type EmploymentPeriodBody = z.input<typeof employmentPeriodInputSchema>;
export type TrustContractBody = z.input<typeof trustContractInputSchema>;
export type PersonListQuery = z.input<typeof personListQuerySchema>;
export type WeekDay = (typeof WEEK_DAYS)[number];
export type ScheduleLimit = (typeof SCHEDULE_LIMITS)[number];
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export type ContactCorrectionBody = z.input<typeof contactCorrectionSchema>;
export type CancellationBody = z.input<typeof cancellationSchema>;
export type CancelMoveBody = z.input<typeof cancelMoveSchema>;
export type CorrectedEntry = z.output<typeof correctedEntrySchema>;

// ---- answers ----

const nullableString = z.string().nullable();
const phaseSchema = z.enum(PHASES);

const personInputOutput = z.object({
  firstName: z.string(),
  lastName: z.string(),
  birthDate: nullableString,
  sex: z.enum(SEXES),
  niss: nullableString,
  address: nullableString,
  postcode: nullableString,
  commune: nullableString,
  phone: nullableString,
  email: nullableString,
  // The sensitive fields (the server's privacy/sensitive.ts) are absent for a caller without the right.
  origin: z.enum(ORIGINS).nullable().optional(),
  residenceStatus: z.enum(RESIDENCE_STATUSES).nullable().optional(),
  studies: z.enum(STUDIES).nullable(),
  monthsWithoutJob: z.number().nullable(),
  income: z.enum(INCOME_SOURCES).nullable(),
  singleParent: z.boolean().nullable(),
  childrenCount: z.number().nullable(),
  debtSettlementPlan: z.boolean().nullable().optional(),
  drivingLicence: z.boolean().nullable(),
  hasCar: z.boolean().nullable(),
  publicTransport: z.boolean().nullable(),
  maxTravelMinutes: z.number().nullable(),
  languages: z.array(personLanguageOutputSchema),
  scheduleDays: z.array(z.enum(WEEK_DAYS)),
  scheduleHours: nullableString,
  scheduleLimits: z.array(z.enum(SCHEDULE_LIMITS)),
  physicalLimits: z.array(z.enum(PHYSICAL_DEMANDS)).optional(),
  physicalLimitsNote: nullableString.optional(),
  wishedSectors: z.array(z.string()),
  wishedJobs: z.array(z.string()),
  cdiOnly: z.boolean(),
  skillsKnowHow: nullableString,
  skillsSoft: nullableString,
  notes: nullableString.optional(),
  notesConfidential: z.boolean(),
});
export type PersonInputDto = z.output<typeof personInputOutput>;

export const transitionOptionSchema = z.object({
  id: z.enum(TRANSITION_IDS),
  label: z.string(),
  to: phaseSchema,
  requiredFields: z.array(z.string()),
});

const clockSchema = z.object({
  preHireEntry: z.string(),
  baseDeadline: z.string(),
  deadline: z.string(),
  elapsedDays: z.number(),
  suspendedDays: z.number(),
  daysUsed: z.number(),
  daysLeft: z.number(),
  suspended: z.boolean(),
  expired: z.boolean(),
  overallDeadline: z.string(),
  overallDaysLeft: z.number(),
});

/** What a timeline entry says, as a code the web words from its catalogs (`timeline.text.*`). */
export const TIMELINE_CODES = [
  'intake.referral',
  'intake.information',
  'intake.consent',
  'assessment',
  'transition',
  'contact',
  'presentation',
  'document',
  'contract.signed',
  'contract.ended',
] as const;
export type TimelineCode = (typeof TIMELINE_CODES)[number];
/** A parameter of an entry: an ISO date, an enum code, a number, a name or free text, a flag, a list of codes. */
const timelineParamSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type TimelineParams = Record<string, z.output<typeof timelineParamSchema>>;

export const timelineEntrySchema = z.object({
  id: z.string(),
  date: z.string(),
  at: z.string(),
  type: z.enum(['contact', 'transition', 'assessment', 'document', 'intake', 'presentation', 'contract']),
  /** The entry as a code and its parameters (dates ISO, enum codes), for every language. */
  code: z.enum(TIMELINE_CODES),
  params: z.record(z.string(), timelineParamSchema),
  /** The entry in French, as before (API clients, exports). */
  title: z.string(),
  detail: nullableString,
  authorName: nullableString,
  /** Entered by mistake: corrected (with the reason) or cancelled (it counts no more). */
  status: z.enum(['recorded', 'corrected', 'cancelled']).default('recorded'),
  statusReason: nullableString.default(null),
  /** The record behind the entry, for « Corriger » / « Annuler » (its author or a coordinator). */
  entity: z
    .object({
      kind: z.enum(['contact', 'transition', 'contract', 'presentation_step']),
      id: z.string(),
      version: z.number().nullable(),
      authorId: nullableString,
      /** The record it belongs to (a step's presentation). */
      parentId: nullableString.optional(),
    })
    .nullable()
    .default(null),
});
export type TimelineEntry = z.output<typeof timelineEntrySchema>;
/** A timeline entry as the server builds it (status and record default to none). */
export type TimelineEntryInput = z.input<typeof timelineEntrySchema>;

export const personFileSchema = personInputOutput.extend({
  id: z.string(),
  organisationId: z.string(),
  version: z.number(),
  phase: phaseSchema,
  phaseSince: z.string(),
  coachId: nullableString,
  coachName: nullableString,
  referral: z.object({
    kind: z.enum(REFERRAL_KINDS),
    partnerId: nullableString,
    partnerName: nullableString,
    receivedOn: z.string(),
    informationSessionOn: nullableString,
    consentOn: nullableString,
    consentScope: nullableString,
  }),
  assessment: z
    .object({
      assessedOn: z.string(),
      conditions: z.record(z.string(), z.object({ met: z.boolean(), comment: nullableString })),
      decision: z.enum(COACHABILITY_DECISIONS),
      reviewDate: nullableString,
      redirectPartnerId: nullableString,
      redirectPartnerName: nullableString,
      reason: nullableString,
      assessorName: nullableString,
    })
    .nullable(),
  trustContractSignedOn: nullableString,
  ageToday: z.number().nullable(),
  ageAtEntry: z.number().nullable(),
  priorityGroups: z.array(z.object({ code: z.string(), label: z.string() })),
  clock: clockSchema.nullable(),
  cadence: z.object({
    intervalDays: z.number().nullable(),
    dueDate: nullableString,
    overdue: z.boolean(),
    daysOverdue: z.number(),
    lastDirectContact: nullableString,
    nextPlanned: nullableString,
  }),
  allowedTransitions: z.array(transitionOptionSchema),
  /** Moves the table gives the caller's role that a guard holds back, and which guard (the screen says why). */
  blockedTransitions: z.array(z.object({ id: z.enum(TRANSITION_IDS), guard: z.enum(TRANSITION_GUARDS) })),
  employmentPeriods: z.array(
    z.object({ id: z.string(), kind: z.enum(CONTRACT_KINDS), start: z.string(), end: nullableString }),
  ),
  /** The person's contracts, newest start first (contracts.ts). */
  contracts: z.array(contractSchema),
  /** Every job, from the contracts and the hand-entered periods, newest first. */
  employmentHistory: z.array(
    z.object({
      id: z.string(),
      source: z.enum(['contract', 'hand_entered']),
      kind: z.enum(CONTRACT_KINDS),
      type: z.enum(CONTRACT_TYPES).nullable(),
      label: z.string(),
      employerName: nullableString,
      jobTitle: nullableString,
      start: z.string(),
      end: nullableString,
      /** signed (not begun yet), running, or ended, on today's date. */
      status: z.enum(['signed', 'running', 'ended']),
      ongoing: z.boolean(),
      endReasonLabel: nullableString,
    }),
  ),
  /** In follow-up: 6 months from the start of the employment that opened it, or its earlier end. */
  followUp: z
    .object({ start: z.string(), limit: z.string(), end: z.string(), daysLeft: z.number() })
    .nullable(),
  /** « Contacts planifiés »: the plans still to hold, by day and time (agenda.ts). */
  plannedContacts: plannedContactListSchema,
  timeline: z.array(timelineEntrySchema),
  /** The sensitive fields withheld from this caller (the server's privacy/sensitive.ts); empty with the right. */
  restricted: z.array(z.string()),
});
export type PersonFile = z.output<typeof personFileSchema>;

export const personSummarySchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phase: phaseSchema,
  coachId: nullableString,
  coachName: nullableString,
  decision: z.enum(COACHABILITY_DECISIONS).nullable(),
  reviewDate: nullableString,
  phone: nullableString,
  nissMasked: nullableString,
  overdue: z.boolean(),
  nextDue: nullableString,
});
export type PersonSummary = z.output<typeof personSummarySchema>;
export const personSummaryListSchema = personSummarySchema.array();

export const personListQuerySchema = z.object({
  q: text().trim().max(100, 'au plus 100 caractères.').optional(),
  phase: phaseSchema.optional(),
  coachId: z.uuid('identifiant invalide.').optional(),
  decision: z.enum([...COACHABILITY_DECISIONS, 'none'], 'décision inconnue.').optional(),
  limit: z.coerce.number().int('nombre entier attendu.').min(1).max(500).default(100),
  offset: z.coerce.number().int('nombre entier attendu.').min(0).max(1_000_000).default(0),
});

export type TransitionOption = z.output<typeof transitionOptionSchema>;
export type TimelineType = TimelineEntry['type'];
export type EmploymentPeriod = PersonFile['employmentPeriods'][number];
export type EmploymentHistoryEntry = PersonFile['employmentHistory'][number];

// ---- answers of the contract routes, which change the person file too (contracts.ts) ----

export const contractAndPersonSchema = z.object({ contract: contractSchema, person: personFileSchema });
export type ContractAndPerson = z.output<typeof contractAndPersonSchema>;
