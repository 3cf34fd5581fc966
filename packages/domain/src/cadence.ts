import { dayNumber, dayOfNumber, type IsoDate, monthsBetween } from './calendar.ts';
import type { FieldError } from './coachability.ts';
import type { Phase } from './trajectory.ts';

/**
 * Contact cadence (method.md §5): in pre-hire about one contact a week; in follow-up weekly at first,
 * tapering to monthly by month 6. Only direct contacts keep the cadence.
 */
/**
 * An organisation's cadence. Follow-up steps are read in order: during follow-up, while fewer than
 * `untilMonth` whole calendar months have passed since follow-up started, a direct contact is due
 * every `days` days; after the last step, its `days` still apply.
 */
export interface CadenceSettings {
  preHireDays: number;
  followUp: readonly { untilMonth: number; days: number }[];
}

/** Frozen, all the way down: shared by every organisation that kept the defaults. */
export const DEFAULT_CADENCE_SETTINGS: CadenceSettings = Object.freeze({
  preHireDays: 7,
  followUp: Object.freeze([
    Object.freeze({ untilMonth: 1, days: 7 }),
    Object.freeze({ untilMonth: 3, days: 14 }),
    Object.freeze({ untilMonth: 6, days: 30 }),
  ]),
});

/** French messages for an organisation editing its cadence; empty when the settings are usable. */
export function validateCadenceSettings(settings: CadenceSettings): FieldError[] {
  const errors: FieldError[] = [];
  const isPositiveInteger = (n: number) => Number.isInteger(n) && n > 0;
  if (!isPositiveInteger(settings.preHireDays)) {
    errors.push({
      field: 'preHireDays',
      message: 'Le délai entre deux contacts en pré-embauche doit être un nombre entier de jours positif.',
    });
  }
  if (settings.followUp.length === 0) {
    errors.push({
      field: 'followUp',
      message: 'Le suivi en entreprise doit avoir au moins une étape de fréquence.',
    });
  }
  settings.followUp.forEach((step, index) => {
    const previous = settings.followUp[index - 1];
    if (!isPositiveInteger(step.untilMonth) || (previous && step.untilMonth <= previous.untilMonth)) {
      errors.push({
        field: `followUp.${index}.untilMonth`,
        message: 'Les mois des étapes du suivi doivent être des nombres entiers positifs et croissants.',
      });
    }
    if (!isPositiveInteger(step.days)) {
      errors.push({
        field: `followUp.${index}.days`,
        message: 'Le délai entre deux contacts doit être un nombre entier de jours positif.',
      });
    }
  });
  return errors;
}

/**
 * Days expected between two direct contacts on a given day. Pre-hire and hiring (accompanying both
 * parties towards the contract) use the pre-hire interval; follow-up uses the step for the whole
 * calendar months elapsed since follow-up started (month 1 → 7 days, months 2–3 → 14, then 30 by
 * default). Intake and exit have no cadence: null.
 */
export function expectedInterval(
  phase: Phase,
  followUpStart: IsoDate | null,
  today: IsoDate,
  settings: CadenceSettings,
): number | null {
  switch (phase) {
    case 'pre_hire':
    case 'hiring':
      return settings.preHireDays;
    case 'follow_up': {
      const months = followUpStart === null ? 0 : monthsBetween(followUpStart, today);
      const step = settings.followUp.find((s) => months < s.untilMonth) ?? settings.followUp.at(-1);
      return step?.days ?? settings.preHireDays;
    }
    default:
      return null;
  }
}

export interface ContactStatusInput {
  phase: Phase;
  /** Day of the last direct contact, null when there has been none. */
  lastDirectContact: IsoDate | null;
  /** Start of the current phase: the reference when there is no direct contact since. */
  phaseStart: IsoDate;
  /** Start of the follow-up (null outside follow-up; then phaseStart is used in follow-up). */
  followUpStart: IsoDate | null;
  today: IsoDate;
  settings: CadenceSettings;
}

export interface ContactStatus {
  /** Expected days between direct contacts; null when the phase has no cadence. */
  intervalDays: number | null;
  /** Reference day (last direct contact, or phase start) + interval; null without cadence. */
  dueDate: IsoDate | null;
  /** True when today is after the due date. */
  overdue: boolean;
  /** Days past the due date (0 when not overdue). */
  daysOverdue: number;
}

/** Whether the person is due a direct contact: on the due day itself, not yet overdue. */
export function contactStatus(input: ContactStatusInput): ContactStatus {
  const followUpStart =
    input.phase === 'follow_up' ? (input.followUpStart ?? input.phaseStart) : input.followUpStart;
  const intervalDays = expectedInterval(input.phase, followUpStart, input.today, input.settings);
  if (intervalDays === null) return { intervalDays: null, dueDate: null, overdue: false, daysOverdue: 0 };
  // The count restarts with each phase: a contact made before the phase began does not carry over.
  const phaseStart = dayNumber(input.phaseStart);
  const reference =
    input.lastDirectContact === null ? phaseStart : Math.max(dayNumber(input.lastDirectContact), phaseStart);
  const due = reference + intervalDays;
  const daysOverdue = Math.max(0, dayNumber(input.today) - due);
  return { intervalDays, dueDate: dayOfNumber(due), overdue: daysOverdue > 0, daysOverdue };
}
