import { CONTRACT_TYPES, DEADLINE_KINDS, FOLLOW_UP_MODES, PHASES } from '@jobcoach/domain';
import { z } from 'zod';
import { agendaSchema } from './agenda.ts';

export const myDayPersonSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phase: z.enum(PHASES),
  /** Shown because the person's coach is absent and the caller covers them. */
  covered: z.boolean(),
  coachName: z.string().nullable(),
  /** The person's phone, for a tel: link on the row. */
  phone: z.string().nullable(),
  dueDate: z.string().nullable(),
  daysOverdue: z.number(),
  deadline: z.string().nullable(),
  /** Which limit the deadline is (domain person-status.ts DEADLINE_KINDS). */
  deadlineKind: z.enum(DEADLINE_KINDS).nullable(),
  daysLeft: z.number().nullable(),
  plannedOn: z.string().nullable(),
});
export type MyDayPerson = z.output<typeof myDayPersonSchema>;

/** A fixed-term contract whose planned end comes within the organisation's alert days (or passed). */
export const contractEndingSchema = z.object({
  contractId: z.string(),
  personId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phase: z.enum(PHASES),
  covered: z.boolean(),
  coachName: z.string().nullable(),
  type: z.enum(CONTRACT_TYPES),
  typeLabel: z.string(),
  employerName: z.string(),
  jobTitle: z.string(),
  plannedEnd: z.string(),
  alertFrom: z.string(),
  /** Negative once the planned end has passed without a recorded end (overdue). */
  daysLeft: z.number(),
  overdue: z.boolean(),
});
export type ContractEnding = z.output<typeof contractEndingSchema>;

/** A person in follow-up whose next contact is due within the week (or overdue). */
export const followUpDueSchema = myDayPersonSchema.extend({
  /** Last day of the follow-up: 6 months from the employment's start, or its earlier end. */
  followUpEnd: z.string().nullable(),
  mode: z.enum(FOLLOW_UP_MODES).nullable(),
  modeLabel: z.string().nullable(),
  discreet: z.boolean(),
  employerName: z.string().nullable(),
});

/** A referral to assess: how long it has waited, and its review date when it was postponed. */
export const referralWaitingSchema = myDayPersonSchema.extend({
  referralReceivedOn: z.string(),
  waitingDays: z.number(),
  reviewDate: z.string().nullable(),
  /** The review date has passed (the assessment is late). */
  reviewPassed: z.boolean(),
});
export type ReferralWaiting = z.output<typeof referralWaitingSchema>;

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
  referralsWaiting: referralWaitingSchema.array(),
  waitingList: myDayPersonSchema.array(),
  /** Fixed-term contracts ending soon: prepare the rebound, explore a renewal or a CDI. */
  contractsEndingSoon: contractEndingSchema.array(),
  /** Persons in follow-up whose contact is due this week or overdue, with the follow-up end. */
  followUpsDue: followUpDueSchema.array(),
  /** The coach's planned contacts and visits: today's in order, then the days of the week. */
  agenda: agendaSchema,
  /** The absent colleagues the coach covers today. */
  covering: z
    .object({ coachId: z.string(), coachName: z.string(), from: z.string(), to: z.string() })
    .array(),
});
export type MyDay = z.output<typeof myDaySchema>;

export const myDayQuerySchema = z.object({ coachId: z.uuid('identifiant invalide.').optional() });
export type FollowUpDue = z.output<typeof followUpDueSchema>;
export type MyDayQuery = z.input<typeof myDayQuerySchema>;
