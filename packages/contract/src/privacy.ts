import { z } from 'zod';
import { dateSchema, optionalText, requiredText, text } from './common.ts';

/**
 * Data protection: consents per purpose, hand-offs to partners, who opened a file, the
 * data-subject rights (export, erasure, hard deletion) and the retention job.
 */

export const CONSENT_PURPOSES = ['processing', 'sharing_with_partner', 'employer_contact'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const HANDOFF_PURPOSES = ['report_to_prescriber', 'referral_to_service', 'joint_follow_up'] as const;
export type HandoffPurpose = (typeof HANDOFF_PURPOSES)[number];
export const HANDOFF_SECTIONS = ['identity', 'contact', 'situation', 'trajectory', 'contracts'] as const;
export type HandoffSection = (typeof HANDOFF_SECTIONS)[number];

export const consentParams = z.object({
  id: z.uuid('identifiant invalide.'),
  consentId: z.uuid('identifiant invalide.'),
});

// ---- consents ----

export const consentSchema = z.object({
  id: z.string(),
  purpose: z.enum(CONSENT_PURPOSES),
  purposeLabel: z.string(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  givenOn: z.string(),
  informationOn: z.string().nullable(),
  notice: z.string().nullable(),
  note: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  active: z.boolean(),
  recordedByName: z.string().nullable(),
});
export type Consent = z.output<typeof consentSchema>;
export const consentListSchema = consentSchema.array();

export const consentInputSchema = z.object({
  purpose: z.enum(
    CONSENT_PURPOSES,
    'valeur inconnue (processing, sharing_with_partner ou employer_contact).',
  ),
  partnerId: z.uuid('identifiant invalide.').nullish(),
  givenOn: dateSchema,
  informationOn: dateSchema.nullish(),
  notice: requiredText(300),
  note: optionalText(1000),
});
export type ConsentBody = z.input<typeof consentInputSchema>;

export const consentWithdrawalSchema = z.object({ withdrawnOn: dateSchema });
export type ConsentWithdrawalBody = z.input<typeof consentWithdrawalSchema>;

// ---- hand-offs ----

export const handoffSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  purpose: z.enum(HANDOFF_PURPOSES),
  purposeLabel: z.string(),
  sections: z.array(z.enum(HANDOFF_SECTIONS)),
  note: z.string().nullable(),
  sharedOn: z.string(),
  sharedByName: z.string().nullable(),
  consentId: z.string(),
});
export type Handoff = z.output<typeof handoffSchema>;
export const handoffListSchema = handoffSchema.array();

export const handoffInputSchema = z.object({
  partnerId: z.uuid('identifiant invalide.'),
  purpose: z.enum(
    HANDOFF_PURPOSES,
    'valeur inconnue (report_to_prescriber, referral_to_service ou joint_follow_up).',
  ),
  sections: z
    .array(z.enum(HANDOFF_SECTIONS, 'partie inconnue.'), 'liste attendue.')
    .min(1, 'choisissez au moins une partie du dossier.')
    .max(HANDOFF_SECTIONS.length * 2, 'liste trop longue.')
    .transform((items) => [...new Set(items)])
    .default(['identity', 'trajectory']),
  note: optionalText(2000),
});
export type HandoffBody = z.input<typeof handoffInputSchema>;

/** The hand-off recorded, and the summary to give the partner. */
export const handoffCreatedSchema = z.object({ handoff: handoffSchema, summary: z.string() });
export type HandoffCreated = z.output<typeof handoffCreatedSchema>;

// ---- who opened the file ----

export const accessEntrySchema = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  document: z.string().nullable(),
});
export type AccessEntry = z.output<typeof accessEntrySchema>;
export const accessLogSchema = z.array(accessEntrySchema);

export const accessLogQuerySchema = z.object({
  limit: z.coerce.number().int('nombre entier attendu.').min(1).max(500).default(100),
});

// ---- data-subject rights ----

/** Everything held about the person, as JSON (its shape is the server's privacy/export.ts). */
export const personExportSchema = z.record(z.string(), z.unknown());

const reasonSchema = text()
  .trim()
  .min(10, 'au moins 10 caractères : dites pourquoi (demande de la personne, date…).')
  .max(500, 'au plus 500 caractères.');

/** Why a person is erased or deleted (recorded, so it must name no one). */
export const reasonBodySchema = z.object({ reason: reasonSchema });
export type ReasonBody = z.input<typeof reasonBodySchema>;

export const erasureSchema = z.object({ id: z.string(), erasedAt: z.string(), alreadyErased: z.boolean() });
export type Erasure = z.output<typeof erasureSchema>;

// ---- retention ----

export const retentionRunSchema = z.object({
  id: z.string(),
  trigger: z.enum(['schedule', 'command_line']),
  today: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  anonymised: z.number(),
  organisations: z.array(
    z.object({
      organisationId: z.string(),
      organisationName: z.string(),
      retentionYears: z.number(),
      cutoff: z.string(),
      anonymised: z.number(),
    }),
  ),
});
export type RetentionRun = z.output<typeof retentionRunSchema>;
export const retentionRunListSchema = retentionRunSchema.array();

export const retentionRunsQuerySchema = z.object({
  limit: z.coerce.number().int('nombre entier attendu.').min(1).max(200).default(30),
});

export const retentionSettingsSchema = z.object({ retentionYears: z.number(), version: z.number() });
export type RetentionSettings = z.output<typeof retentionSettingsSchema>;

export const retentionSettingsInputSchema = z.object({
  retentionYears: z
    .number('nombre attendu.')
    .int('nombre entier attendu.')
    .min(1, 'au moins 1 an.')
    .max(30, 'au plus 30 ans.'),
  version: z.number('nombre entier attendu.').int('nombre entier attendu.').min(0, 'nombre positif attendu.'),
});
export type RetentionSettingsBody = z.input<typeof retentionSettingsInputSchema>;
