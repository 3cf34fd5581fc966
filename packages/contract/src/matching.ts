import { MATCH_REASON_CODES, PRESENTATION_STEPS } from '@jobcoach/domain';
import { z } from 'zod';
import { limitSchema, queryBoolean } from './fields.ts';
import { personSummarySchema } from './persons.ts';
import { vacancySummarySchema } from './vacancies.ts';

/** The domain's MatchResult (packages/domain matching.ts). */
export const matchResultSchema = z.object({
  compatible: z.boolean(),
  score: z.number(),
  basis: z.enum(['objectified', 'published']),
  reasons: z.array(
    z.object({
      kind: z.enum(['blocking', 'plus', 'minus', 'info']),
      code: z.enum(MATCH_REASON_CODES),
      message: z.string(),
      points: z.number(),
    }),
  ),
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
