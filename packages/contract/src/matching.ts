import {
  BASIN_REQUEST_STATUSES,
  DIPLOMA_LEVELS,
  LANGUAGE_SKILLS,
  MATCH_REASON_CODES,
  MATCH_REASON_KEYS,
  NACE_SECTIONS,
  PHYSICAL_DEMANDS,
  PRESENTATION_STEPS,
  SKILL_LEVELS,
  STUDIES,
  VACANCY_CONTRACT_TYPES,
  WORK_SCHEDULES,
} from '@jobcoach/domain';
import { z } from 'zod';
import { optionalText, requiredText, strictObject } from './common.ts';
import { limitSchema, queryBoolean } from './fields.ts';
import { personSummarySchema } from './persons.ts';
import { requirementsOutputSchema, vacancyContractOutputSchema, vacancySummarySchema } from './vacancies.ts';

const skillAndLevel = z.tuple([z.enum(LANGUAGE_SKILLS), z.enum(SKILL_LEVELS)]);

/**
 * The domain's MatchReason: the screen words `matchReason.<key>` from its message catalog with the
 * params (codes of the domain's lists, numbers, and the coach's or the person's own words).
 */
const matchReasonSchema = z.object({
  kind: z.enum(['blocking', 'plus', 'minus', 'info']),
  code: z.enum(MATCH_REASON_CODES),
  key: z.enum(MATCH_REASON_KEYS),
  params: z
    .object({
      contract: z.enum(VACANCY_CONTRACT_TYPES),
      months: z.number(),
      hours: z.number(),
      note: z.string(),
      because: z.enum(['childcare', 'availability']),
      needed: z.number(),
      days: z.number(),
      language: z.string(),
      asked: z.array(skillAndLevel),
      short: z.array(skillAndLevel),
      unknown: z.array(z.enum(LANGUAGE_SKILLS)),
      job: z.string(),
      section: z.enum(NACE_SECTIONS),
      sector: z.string(),
      minutes: z.number(),
      km: z.number(),
      sameCommune: z.boolean(),
      max: z.number(),
      schedules: z.array(z.enum(WORK_SCHEDULES)),
      diploma: z.enum(DIPLOMA_LEVELS),
      studies: z.enum(STUDIES),
      years: z.number(),
    })
    .partial()
    .optional(),
  points: z.number(),
});
export type MatchReasonAnswer = z.output<typeof matchReasonSchema>;

/** The domain's MatchResult (packages/domain matching.ts). */
export const matchResultSchema = z.object({
  compatible: z.boolean(),
  score: z.number(),
  basis: z.enum(['objectified', 'published']),
  reasons: z.array(matchReasonSchema),
  /** Shown beside the result, never used to rank (method.md §6). */
  hiringAids: z.array(z.string()),
  distanceKm: z.number().nullable(),
  travelMinutes: z.number().nullable(),
});

/** The active presentation of this person for this vacancy, if any. */
const presentationRef = z.object({ id: z.string(), step: z.enum(PRESENTATION_STEPS) }).nullable();

/**
 * The offer is at the organisation's cap of candidates presented at once (and this pair is not one
 * of them): who is in progress and at which step. `name` is null for a person outside the caller's
 * scope (a colleague's candidate).
 */
const capReached = z
  .object({
    cap: z.number(),
    candidates: z.array(
      z.object({
        name: z.string().nullable(),
        coachName: z.string().nullable(),
        step: z.enum(PRESENTATION_STEPS),
      }),
    ),
  })
  .nullable();
export type CapReached = NonNullable<z.output<typeof capReached>>;

export const vacancyMatchesQuerySchema = z.object({
  compatibleOnly: queryBoolean.optional(),
  coachId: z.uuid('identifiant invalide.').optional(),
  limit: limitSchema(50, 500),
});

export const personMatchesQuerySchema = z.object({
  compatibleOnly: queryBoolean.optional(),
  limit: limitSchema(50, 500),
});

export const personMatchSchema = z.object({
  person: personSummarySchema,
  result: matchResultSchema,
  presentation: presentationRef,
  capReached,
});

export const vacancyMatchSchema = z.object({
  vacancy: vacancySummarySchema,
  result: matchResultSchema,
  presentation: presentationRef,
  capReached,
});
export const personMatchListSchema = personMatchSchema.array();
export type PersonMatch = z.output<typeof personMatchSchema>;
export const vacancyMatchListSchema = vacancyMatchSchema.array();
export type VacancyMatch = z.output<typeof vacancyMatchSchema>;
export type MatchResultAnswer = z.output<typeof matchResultSchema>;
export type PresentationRef = PersonMatch['presentation'];

// ---- Basin vacancies: the open offers of the other organisations of the basin ----

/** Another organisation's open vacancy as its basin sees it: never its candidates. */
export const basinVacancySchema = z.object({
  id: z.string(),
  title: z.string(),
  employerName: z.string(),
  commune: z.string().nullable(),
  contract: vacancyContractOutputSchema,
  hoursPerWeek: z.number().nullable(),
  schedule: z.array(z.enum(WORK_SCHEDULES)),
  physicalDemands: z.array(z.enum(PHYSICAL_DEMANDS)),
  /** The requirements matching used: objectified when the offering organisation did it. */
  requirements: requirementsOutputSchema,
  objectified: z.boolean(),
  /** The contact organisation: the one that holds the offer. */
  organisation: z.object({ name: z.string() }),
});

export const basinRequestAnswerSchema = z.object({
  id: z.string(),
  status: z.enum(BASIN_REQUEST_STATUSES),
  decidedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export const basinRequestStateSchema = basinRequestAnswerSchema.nullable();

export const basinOfferSchema = z.object({
  vacancy: basinVacancySchema,
  result: matchResultSchema,
  /** This person's latest request to be presented for it, if any. */
  request: basinRequestStateSchema,
});
export const basinOfferListSchema = basinOfferSchema.array();
export type BasinOffer = z.output<typeof basinOfferSchema>;

export const basinRequestInputSchema = strictObject({
  personId: z.uuid('identifiant invalide.'),
  basinVacancyId: z.uuid('identifiant invalide.'),
  note: requiredText(2000),
});
export type BasinRequestBody = z.input<typeof basinRequestInputSchema>;

export const basinDecisionSchema = strictObject({
  decision: z.enum(['accepted', 'declined'], 'décision inconnue (accepted ou declined).'),
  note: optionalText(2000),
});
export type BasinDecisionBody = z.input<typeof basinDecisionSchema>;

/** A request as the organisation that holds the vacancy sees it: who asks and their note, no person. */
export const incomingBasinRequestSchema = z.object({
  id: z.string(),
  vacancyId: z.string(),
  organisationName: z.string(),
  note: z.string(),
  status: z.enum(BASIN_REQUEST_STATUSES),
  createdAt: z.string(),
  decidedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export const incomingBasinRequestListSchema = incomingBasinRequestSchema.array();
export type IncomingBasinRequest = z.output<typeof incomingBasinRequestSchema>;
