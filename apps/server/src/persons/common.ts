import type { Database, Kysely, Transaction } from '@jobcoach/db';
import { addDays, compareDates, type LoggedMove, type Phase, type TransitionId } from '@jobcoach/domain';
import { invalid } from '../http/errors.ts';

/**
 * Shared helpers of the trajectory routes (persons, partners, absences, settings…). The request
 * and answer schemas, and their building blocks, are in @jobcoach/contract.
 */
export type Db = Kysely<Database> | Transaction<Database>;

/** Refuses a day after today (a contact, a referral, a signature cannot be in the future). */
export function assertNotFuture(field: string, date: string | null | undefined, today: string) {
  if (date && compareDates(date, today) > 0) throw invalid(field, 'la date ne peut pas être dans le futur.');
}

/** "2024-03-05" → "05/03/2024", the way French-speaking users read a date (the domain's rule). */
export { frenchDate } from '@jobcoach/domain';

/** Monday and Sunday of the calendar week holding `day` ("this week" in "Ma journée"). */
export function weekOf(day: string): { monday: string; sunday: string } {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
  const monday = addDays(day, -weekday);
  return { monday, sunday: addDays(monday, 6) };
}

/** A stored move as the domain's cancellation rule reads it. */
export function loggedMove(e: {
  id: string;
  date: string;
  transition_id: string;
  from_phase: string;
  to_phase: string;
  fields: unknown;
}): LoggedMove {
  const fields = (e.fields ?? {}) as Record<string, unknown>;
  return {
    id: e.id,
    date: e.date,
    transitionId: e.transition_id as TransitionId,
    from: e.from_phase as Phase,
    to: e.to_phase as Phase,
    byContract: typeof fields.contractId === 'string',
    contractId: typeof fields.contractId === 'string' ? fields.contractId : null,
    wroteEmploymentPeriod: e.transition_id === 'start_follow_up' && typeof fields.contractId !== 'string',
  };
}
