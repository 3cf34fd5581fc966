import { CONTACT_CHANNELS, PHASES, PLAN_STATUSES, WALL_TIME_PATTERN } from '@jobcoach/domain';
import { z } from 'zod';
import { dateSchema, optionalText, versionSchema } from './common.ts';

/**
 * The coach's agenda: contacts and visits planned with a person (domain agenda.ts), and the
 * private calendar feed that carries them to a calendar application.
 */

const timeSchema = z
  .string('heure attendue (HH:MM).')
  .regex(WALL_TIME_PATTERN, 'heure invalide : indiquez une heure entre 00:00 et 23:59 (HH:MM).');

const planFields = {
  date: dateSchema,
  /** Europe/Brussels wall-clock time 'HH:MM'; none: all day. */
  time: timeSchema.nullish(),
  durationMinutes: z
    .number('nombre attendu.')
    .int('nombre entier attendu.')
    .min(5, 'au moins 5 minutes.')
    .max(1440, 'au plus 1440 minutes.')
    .nullish(),
  place: optionalText(200),
  channel: z.enum(CONTACT_CHANNELS, 'canal inconnu.'),
  /** An employer of the basin's registry the visit is with. */
  employerId: z.uuid('identifiant invalide.').nullish(),
};

/** « Planifier un contact » on a person's file. */
export const planInputSchema = z.strictObject(planFields);
export type PlanBody = z.input<typeof planInputSchema>;

/** Changing a plan (its day, time, place…), from the version read. */
export const planUpdateSchema = z.strictObject({ ...planFields, version: versionSchema });
export type PlanUpdateBody = z.input<typeof planUpdateSchema>;

export const planCancelSchema = z.strictObject({ version: versionSchema });

export const plannedContactParams = z.object({ id: z.uuid('identifiant invalide.') });

export const plannedContactSchema = z.object({
  id: z.string(),
  personId: z.string(),
  coachId: z.string(),
  coachName: z.string(),
  date: z.string(),
  time: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  place: z.string().nullable(),
  channel: z.enum(CONTACT_CHANNELS),
  employerId: z.string().nullable(),
  employerName: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  version: z.number(),
});
export type PlannedContact = z.output<typeof plannedContactSchema>;

/** A person's plans (GET /api/persons/:id/planned-contacts). */
export const plannedContactListSchema = plannedContactSchema.array();

/** One row of the agenda: a plan, or a day planned at a logged contact (all day, `planId` null). */
export const agendaItemSchema = z.object({
  key: z.string(),
  planId: z.string().nullable(),
  personId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phase: z.enum(PHASES),
  phone: z.string().nullable(),
  date: z.string(),
  time: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  place: z.string().nullable(),
  channel: z.enum(CONTACT_CHANNELS).nullable(),
  employerId: z.string().nullable(),
  employerName: z.string().nullable(),
});
export type AgendaItem = z.output<typeof agendaItemSchema>;

export const agendaSchema = z.object({
  today: agendaItemSchema.array(),
  week: z.object({ date: z.string(), items: agendaItemSchema.array() }).array(),
});
export type Agenda = z.output<typeof agendaSchema>;

/** The caller's calendar feed: whether a live address exists (it is shown only once, when made). */
export const calendarFeedStatusSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastReadAt: z.string().nullable(),
});
export type CalendarFeedStatus = z.output<typeof calendarFeedStatusSchema>;

export const calendarFeedCreatedSchema = z.object({ url: z.string(), createdAt: z.string() });
export type CalendarFeedCreated = z.output<typeof calendarFeedCreatedSchema>;

export const calendarFeedParams = z.object({ file: z.string() });
