import { PHASES } from '@jobcoach/domain';
import { z } from 'zod';

export const myDayPersonSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phase: z.enum(PHASES),
  /** Shown because the person's coach is absent and the caller covers them. */
  covered: z.boolean(),
  coachName: z.string().nullable(),
  dueDate: z.string().nullable(),
  daysOverdue: z.number(),
  deadline: z.string().nullable(),
  daysLeft: z.number().nullable(),
  plannedOn: z.string().nullable(),
});
export type MyDayPerson = z.infer<typeof myDayPersonSchema>;

export const myDaySchema = z.object({
  today: z.string(),
  coach: z.object({ id: z.string(), name: z.string(), fte: z.number() }),
  caseload: z.object({
    activeCount: z.number(),
    capacity: z.number(),
    over: z.boolean(),
    ratio: z.number().nullable(),
    personsPerFte: z.number(),
  }),
  overdue: myDayPersonSchema.array(),
  deadlines: myDayPersonSchema.array(),
  plannedThisWeek: myDayPersonSchema.array(),
  referralsWaiting: myDayPersonSchema.array(),
  waitingList: myDayPersonSchema.array(),
  /** The absent colleagues the coach covers today. */
  covering: z
    .object({ coachId: z.string(), coachName: z.string(), from: z.string(), to: z.string() })
    .array(),
});
export type MyDay = z.infer<typeof myDaySchema>;

export const myDayQuerySchema = z.object({ coachId: z.uuid('identifiant invalide.').optional() });
