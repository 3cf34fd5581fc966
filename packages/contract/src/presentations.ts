import { CONTRACT_TYPES, INTRODUCTION_CHANNELS, PRESENTATION_STEPS } from '@jobcoach/domain';
import { z } from 'zod';
import { dateSchema, optionalText, versionSchema } from './common.ts';
import { limitSchema } from './fields.ts';

export const presentationListQuerySchema = z.object({
  vacancyId: z.uuid('identifiant invalide.').optional(),
  personId: z.uuid('identifiant invalide.').optional(),
  limit: limitSchema(200, 1000),
});

export const presentationInputSchema = z.object({
  personId: z.uuid('identifiant invalide.'),
  vacancyId: z.uuid('identifiant invalide.'),
  /** Day of the proposal; today when absent. */
  date: dateSchema.optional(),
});

export const stepInputSchema = z.object({
  step: z.enum(PRESENTATION_STEPS, 'étape inconnue.'),
  date: dateSchema,
  reason: optionalText(2000),
  channel: z.enum(INTRODUCTION_CHANNELS, 'canal inconnu (phone, accompanied_interview ou cv).').nullish(),
  version: versionSchema,
});

export const presentationSchema = z.object({
  id: z.string(),
  personId: z.string(),
  vacancyId: z.string(),
  step: z.enum(PRESENTATION_STEPS),
  /** Not closed (declined, hired, refused, withdrawn): counts against the organisation's cap. */
  active: z.boolean(),
  personName: z.string(),
  vacancyTitle: z.string(),
  employerName: z.string(),
  /** The steps the workflow allows next (the buttons to show). */
  allowedSteps: z.array(z.object({ step: z.enum(PRESENTATION_STEPS), label: z.string() })),
  /** The contract recorded for this presentation, if any. */
  contractId: z.string().nullable(),
  /** Hired and no contract recorded yet: the contract form, filled from the offer (domain contractDraftFrom). */
  contractDraft: z
    .object({
      employerId: z.string(),
      employerName: z.string(),
      vacancyId: z.string(),
      jobTitle: z.string(),
      type: z.enum(CONTRACT_TYPES).nullable(),
      contractMonths: z.number().nullable(),
      hoursPerWeek: z.number().nullable(),
    })
    .nullable(),
  history: z.array(
    z.object({
      step: z.enum(PRESENTATION_STEPS),
      label: z.string(),
      date: z.string(),
      reason: z.string().nullable(),
      channel: z.enum(INTRODUCTION_CHANNELS).nullable(),
      authorName: z.string().nullable(),
    }),
  ),
  version: z.number(),
});
export type Presentation = z.output<typeof presentationSchema>;
export type ContractDraft = NonNullable<Presentation['contractDraft']>;
export const presentationListSchema = presentationSchema.array();

// What a client sends (before parsing).
export type PresentationBody = z.input<typeof presentationInputSchema>;
export type StepBody = z.input<typeof stepInputSchema>;
export type PresentationListQuery = z.input<typeof presentationListQuerySchema>;
