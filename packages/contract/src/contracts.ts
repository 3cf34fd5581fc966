import {
  CONTRACT_END_REASONS,
  CONTRACT_TYPES,
  FOLLOW_UP_MODES,
  HIRING_AIDS,
  PHASES,
  THREE_WAY_REASONS,
} from '@jobcoach/domain';
import { z } from 'zod';
import { codeList, dateSchema, optionalText, requiredText, versionSchema } from './common.ts';

const hoursSchema = z
  .number('nombre attendu.')
  .gt(0, 'doit être supérieur à 0.')
  .max(60, 'au plus 60 heures par semaine.')
  .multipleOf(0.1, 'une décimale au plus.');

const hiringAidsSchema = codeList(
  HIRING_AIDS,
  'aide à l’embauche inconnue (impulsion_under_25, impulsion_12_months, impulsion_55_plus, sesam, ape, activa, first_hires_reduction, sine, art60 ou other).',
);

const referenceSchema = z.object({
  name: requiredText(200),
  role: optionalText(200),
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
});

/** The follow-up arrangement (modalités de suivi); PUT replaces it whole. */
export const arrangementFieldsSchema = z.object({
  /** The employer's reference person for this follow-up; null: the registry's reference person. */
  reference: referenceSchema.nullish(),
  mode: z
    .enum(FOLLOW_UP_MODES, 'mode inconnu (bilateral, phone, workplace_visits ou three_way).')
    .default('bilateral'),
  threeWayReason: z
    .enum(THREE_WAY_REASONS, 'motif inconnu (other_means_exhausted ou explicit_request).')
    .nullish(),
  threeWayDetail: optionalText(2000),
  /** Follow-up steps as in the cadence settings; null: the organisation's cadence. */
  frequency: z
    .array(
      z.object({
        untilMonth: z.number('nombre attendu.').max(120, 'au plus 120 mois.'),
        days: z.number('nombre attendu.').max(365, 'au plus 365 jours.'),
      }),
      'liste attendue.',
    )
    .max(24, 'au plus 24 étapes.')
    .nullish(),
  consentOn: dateSchema.nullish(),
  discreet: z.boolean('vrai ou faux attendu.').default(false),
  notes: optionalText(5000),
});
export type ArrangementFields = z.output<typeof arrangementFieldsSchema>;

export const arrangementInputSchema = arrangementFieldsSchema.extend({
  /** 0 when no arrangement was recorded yet. */
  version: z.number('nombre entier attendu.').int('nombre entier attendu.').min(0, 'nombre positif attendu.'),
});

export const contractInputSchema = z.object({
  employerId: z.uuid('identifiant invalide.'),
  vacancyId: z.uuid('identifiant invalide.').nullish(),
  presentationId: z.uuid('identifiant invalide.').nullish(),
  type: z.enum(
    CONTRACT_TYPES,
    'type de contrat inconnu (cdi, cdd, interim, art_60_7, other_subsidised ou immersion).',
  ),
  signedOn: dateSchema,
  start: dateSchema,
  plannedEnd: dateSchema.nullish(),
  hoursPerWeek: hoursSchema.nullish(),
  jobTitle: requiredText(200),
  hiringAids: hiringAidsSchema.optional(),
  /** The follow-up arrangement, when already agreed at signing. */
  arrangement: arrangementFieldsSchema.optional(),
});
export type ContractInput = z.output<typeof contractInputSchema>;

export const contractPatchSchema = z.object({
  version: versionSchema,
  signedOn: dateSchema.optional(),
  start: dateSchema.optional(),
  /** null removes it (only where the type allows). */
  plannedEnd: dateSchema.nullish(),
  hoursPerWeek: hoursSchema.nullish(),
  jobTitle: requiredText(200).optional(),
  hiringAids: hiringAidsSchema.optional(),
  /** The last day worked; with endReason, records the end and applies its effects. */
  actualEnd: dateSchema.optional(),
  endReason: z
    .enum(
      CONTRACT_END_REASONS,
      'motif inconnu (term_reached, dismissal, resignation, abandonment, trial_period_failed, converted_to_cdi ou renewed).',
    )
    .optional(),
  endDetail: optionalText(2000),
  /**
   * Why the contract's terms are corrected (a date or the hours entered by mistake): the contract is
   * marked corrected with the reason on the timeline, the audit log keeps both versions.
   */
  correctionReason: optionalText(500),
  /** The contract that continues this one (converted_to_cdi, renewed); defaults from this one. */
  next: z
    .object({
      start: dateSchema.nullish(),
      signedOn: dateSchema.nullish(),
      plannedEnd: dateSchema.nullish(),
      hoursPerWeek: hoursSchema.nullish(),
      jobTitle: requiredText(200).optional(),
      hiringAids: hiringAidsSchema.optional(),
    })
    .optional(),
});
export type ContractPatch = z.output<typeof contractPatchSchema>;

/** The body field that confirms a contact about a discreetly followed person. */
export const confirmDiscreetSchema = z.boolean('vrai ou faux attendu.').optional();

// ---- answers (those that carry the person file too are in persons.ts) ----

const nullableString = z.string().nullable();
const referenceOutput = z.object({
  name: z.string(),
  role: nullableString,
  phone: nullableString,
  email: nullableString,
});

export const arrangementSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  reference: referenceOutput.nullable(),
  mode: z.enum(FOLLOW_UP_MODES),
  modeLabel: z.string(),
  threeWayReason: z.enum(THREE_WAY_REASONS).nullable(),
  threeWayReasonLabel: nullableString,
  threeWayDetail: nullableString,
  frequency: z.array(z.object({ untilMonth: z.number(), days: z.number() })).nullable(),
  consentOn: nullableString,
  discreet: z.boolean(),
  notes: nullableString,
  version: z.number(),
});
export type Arrangement = z.output<typeof arrangementSchema>;

export const contractSchema = z.object({
  id: z.string(),
  personId: z.string(),
  employerId: z.string(),
  employerName: z.string(),
  /** The registry's reference person of the employer (the arrangement may name another). */
  employerReference: referenceOutput.nullable(),
  vacancyId: nullableString,
  vacancyTitle: nullableString,
  presentationId: nullableString,
  type: z.enum(CONTRACT_TYPES),
  typeLabel: z.string(),
  signedOn: z.string(),
  start: z.string(),
  plannedEnd: nullableString,
  hoursPerWeek: z.number().nullable(),
  jobTitle: z.string(),
  hiringAids: z.array(z.object({ code: z.enum(HIRING_AIDS), label: z.string() })),
  actualEnd: nullableString,
  endReason: z.enum(CONTRACT_END_REASONS).nullable(),
  endReasonLabel: nullableString,
  endDetail: nullableString,
  convertedFromContractId: nullableString,
  convertedToContractId: nullableString,
  /** signed (not started yet), running, ended (actual end recorded, or planned end passed). */
  status: z.enum(['signed', 'running', 'ended']),
  /** Employment contracts open follow-up and suspend the pre-hire clock; an immersion does neither. */
  employment: z.boolean(),
  /** End reasons the end form may offer for this contract. */
  endReasons: z.array(z.object({ reason: z.enum(CONTRACT_END_REASONS), label: z.string() })),
  /** The warning before a fixed-term contract's planned end ("Ma journée"). */
  alert: z
    .object({ plannedEnd: z.string(), alertFrom: z.string(), daysLeft: z.number(), overdue: z.boolean() })
    .nullable(),
  /** The person waits in hiring for this contract's first day, which has come: follow-up can start. */
  canStartFollowUp: z.boolean(),
  arrangement: arrangementSchema.nullable(),
  /**
   * Cancelled as entered by mistake (POST /api/contracts/:id/cancel): when and why. A cancelled
   * contract stays readable and counts for nothing (clocks, reports, « Ma journée »).
   */
  cancelled: z.object({ at: z.string(), reason: z.string() }).nullable(),
  /** Its terms were corrected (PATCH with correctionReason): when and why. */
  corrected: z.object({ at: z.string(), reason: z.string() }).nullable(),
  version: z.number(),
});
export type ContractView = z.output<typeof contractSchema>;
export const contractListSchema = contractSchema.array();

export const contractSettingsSchema = z.object({
  cddAlertDays: z.number(),
  /** 0 while the organisation still uses the defaults (nothing saved yet); the settings row's version. */
  version: z.number(),
});

export const contractSettingsInputSchema = z.object({
  cddAlertDays: z
    .number('nombre entier attendu.')
    .int('nombre entier attendu.')
    .min(1, 'au moins 1 jour.')
    .max(180, 'au plus 180 jours.'),
  version: z.number('nombre entier attendu.').int('nombre entier attendu.').min(0, 'nombre positif attendu.'),
});

export type ContractSettings = z.output<typeof contractSettingsSchema>;

export const phaseSchema = z.enum(PHASES);

// What a client sends (before parsing).
export type ContractBody = z.input<typeof contractInputSchema>;
export type ContractPatchBody = z.input<typeof contractPatchSchema>;
export type ArrangementBody = z.input<typeof arrangementInputSchema>;
export type ContractSettingsBody = z.input<typeof contractSettingsInputSchema>;
