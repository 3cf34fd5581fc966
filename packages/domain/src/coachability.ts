import { compareDates, type IsoDate, isIsoDate } from './calendar.ts';

/**
 * Coachability (method.md §3): a person is coachable only if all four conditions hold. The intake
 * records the assessment and its reasons; a refused or postponed person is redirected, not lost.
 */
export const COACHABILITY_CONDITIONS = [
  'aims_low_qualified_job',
  'available_short_notice',
  'faces_obstacles',
  'volunteers_after_information',
] as const;
export type CoachabilityCondition = (typeof COACHABILITY_CONDITIONS)[number];

export const COACHABILITY_CONDITION_LABELS: Record<CoachabilityCondition, string> = {
  aims_low_qualified_job: 'Vise un emploi peu ou pas qualifié',
  available_short_notice: 'Disponible pour prendre un emploi à très court terme',
  faces_obstacles: 'Rencontre des obstacles qui bloquent l’accès à l’emploi',
  volunteers_after_information:
    'Est volontaire après avoir reçu une information claire sur la méthode, ses enjeux, avantages et risques',
};

export const COACHABILITY_DECISIONS = ['accepted', 'postponed', 'redirected'] as const;
export type CoachabilityDecision = (typeof COACHABILITY_DECISIONS)[number];

export const COACHABILITY_DECISION_LABELS: Record<CoachabilityDecision, string> = {
  accepted: 'Acceptée en jobcoaching',
  postponed: 'Décision reportée',
  redirected: 'Réorientée vers un partenaire',
};

export type CoachabilityConditions = Record<CoachabilityCondition, boolean>;

export interface CoachabilityAssessment {
  assessedOn: IsoDate;
  conditions: CoachabilityConditions;
  decision: CoachabilityDecision;
  /** Required when postponed: the day the person's case is looked at again. */
  reviewDate?: IsoDate | null;
  /** Required when redirected: the partner the person is sent to (its id or name). */
  partner?: string | null;
  /** Required when redirected; free text otherwise. */
  reason?: string | null;
}

/**
 * A field of a form and the French message to show next to it; with a message key (and its
 * parameters), a client words it in its own language.
 */
export interface FieldError {
  field: string;
  message: string;
  key?: string;
  params?: Record<string, string | number>;
}

export function unmetConditions(conditions: CoachabilityConditions): CoachabilityCondition[] {
  return COACHABILITY_CONDITIONS.filter((c) => conditions[c] !== true);
}

export function isCoachable(conditions: CoachabilityConditions): boolean {
  return unmetConditions(conditions).length === 0;
}

function isBlank(value: string | null | undefined): boolean {
  return value === null || value === undefined || value.trim() === '';
}

/**
 * Checks an intake assessment. accepted: all four conditions hold; postponed: a review date after the
 * assessment date; redirected: a partner and a reason. Returns French messages, empty when valid.
 * Error fields: "assessedOn", "decision", "conditions.<condition>", "reviewDate", "partner", "reason".
 */
export function validateCoachabilityAssessment(assessment: CoachabilityAssessment): FieldError[] {
  const errors: FieldError[] = [];
  const assessedOnValid = isIsoDate(assessment.assessedOn);
  if (!assessedOnValid) {
    errors.push({
      field: 'assessedOn',
      message: 'La date de l’évaluation est obligatoire et doit être valide.',
    });
  }
  switch (assessment.decision) {
    case 'accepted':
      for (const condition of unmetConditions(assessment.conditions)) {
        errors.push({
          field: `conditions.${condition}`,
          message: `Condition non remplie : « ${COACHABILITY_CONDITION_LABELS[condition]} ». La personne ne peut être acceptée que si les quatre conditions sont remplies.`,
        });
      }
      break;
    case 'postponed': {
      const review = assessment.reviewDate;
      if (isBlank(review)) {
        errors.push({
          field: 'reviewDate',
          message: 'La date de réexamen est obligatoire pour une décision reportée.',
        });
      } else if (!isIsoDate(review)) {
        errors.push({ field: 'reviewDate', message: 'La date de réexamen n’est pas une date valide.' });
      } else if (assessedOnValid && compareDates(review, assessment.assessedOn) <= 0) {
        errors.push({
          field: 'reviewDate',
          message: 'La date de réexamen doit être postérieure à la date de l’évaluation.',
        });
      }
      break;
    }
    case 'redirected':
      if (isBlank(assessment.partner)) {
        errors.push({
          field: 'partner',
          message: 'Le partenaire vers lequel la personne est réorientée est obligatoire.',
        });
      }
      if (isBlank(assessment.reason)) {
        errors.push({ field: 'reason', message: 'Le motif de la réorientation est obligatoire.' });
      }
      break;
    default:
      errors.push({
        field: 'decision',
        message: 'La décision doit être : acceptée, reportée ou réorientée.',
      });
  }
  return errors;
}
