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
});

export const vacancyMatchSchema = z.object({
  vacancy: vacancySummarySchema,
  result: matchResultSchema,
  presentation: presentationRef,
});
export const personMatchListSchema = personMatchSchema.array();
export type PersonMatch = z.output<typeof personMatchSchema>;
export const vacancyMatchListSchema = vacancyMatchSchema.array();
export type VacancyMatch = z.output<typeof vacancyMatchSchema>;
export type MatchResultAnswer = z.output<typeof matchResultSchema>;
export type PresentationRef = PersonMatch['presentation'];
