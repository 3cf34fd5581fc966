import { z } from 'zod';

/** A coach's absence, today's or the next one, and the colleague who covers it. */
export const teamAbsenceSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Whether the absence has begun (today is within it). */
  current: z.boolean(),
  coverCoachId: z.string(),
  coverCoachName: z.string(),
});

/** One coach of the team overview: the counts of the coach's « Ma journée », for their own persons. */
export const teamCoachSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['coordinator', 'jobcoach']),
  fte: z.number(),
  caseload: z.object({
    /** The coach's own persons in an active phase (pre-hire, follow-up). */
    activeCount: z.number().int(),
    /** The places: persons per FTE × the coach's FTE. */
    capacity: z.number(),
    over: z.boolean(),
    /** Active persons ÷ places; null for a coach at 0 FTE (no places). */
    ratio: z.number().nullable(),
  }),
  /** The coach's own persons whose direct contact is overdue (« Ma journée », « En retard »). */
  overdue: z.number().int(),
  /** The coach's own persons with a limit within 60 days (« Ma journée », « Échéances »). */
  deadlines: z.number().int(),
  /** The coach's absence today, else the next one; null when none is recorded. */
  absence: teamAbsenceSchema.nullable(),
  /** The absent colleagues this coach covers today. */
  covering: z.array(
    z.object({ coachId: z.string(), coachName: z.string(), from: z.string(), to: z.string() }),
  ),
});

export const teamOverviewSchema = z.object({
  today: z.string(),
  personsPerFte: z.number(),
  coaches: z.array(teamCoachSchema),
});
export type TeamCoach = z.output<typeof teamCoachSchema>;
export type TeamOverview = z.output<typeof teamOverviewSchema>;

export const SETUP_CHECKLIST_ITEMS = ['team', 'settings', 'partners', 'history'] as const;
export type SetupChecklistItem = (typeof SETUP_CHECKLIST_ITEMS)[number];
/** The items a coordinator may set aside without doing them. */
export const DISMISSIBLE_SETUP_ITEMS = ['settings', 'history'] as const;

export const setupChecklistSchema = z.object({
  items: z.array(
    z.object({
      key: z.enum(SETUP_CHECKLIST_ITEMS),
      /** What the data shows: another member, saved settings, a partner, a history import. */
      done: z.boolean(),
      dismissed: z.boolean(),
      dismissible: z.boolean(),
    }),
  ),
  /** Every item done or set aside: the checklist is no longer shown. */
  complete: z.boolean(),
});
export type SetupChecklist = z.output<typeof setupChecklistSchema>;

export const setupDismissalInputSchema = z.object({
  item: z.enum(DISMISSIBLE_SETUP_ITEMS, 'élément inconnu (settings ou history).'),
});
export type SetupDismissalBody = z.input<typeof setupDismissalInputSchema>;
