import { z } from 'zod';
import { dateSchema } from './common.ts';

export const absenceInputSchema = z.object({
  coachId: z.uuid('identifiant invalide.').nullish(),
  from: dateSchema,
  to: dateSchema,
  coverCoachId: z.uuid('identifiant invalide.'),
});

export const absenceSchema = z.object({
  id: z.string(),
  coachId: z.string(),
  coachName: z.string(),
  from: z.string(),
  to: z.string(),
  coverCoachId: z.string(),
  coverCoachName: z.string(),
});
export type Absence = z.output<typeof absenceSchema>;
export const absenceListSchema = absenceSchema.array();

export type AbsenceBody = z.input<typeof absenceInputSchema>;
