import { describe, expect, it } from 'vitest';
import {
  COACHABILITY_CONDITION_LABELS,
  COACHABILITY_CONDITIONS,
  type CoachabilityAssessment,
  type CoachabilityConditions,
  isCoachable,
  validateCoachabilityAssessment,
} from '../src/index.ts';

const allMet: CoachabilityConditions = {
  aims_low_qualified_job: true,
  available_short_notice: true,
  faces_obstacles: true,
  volunteers_after_information: true,
};
const accepted: CoachabilityAssessment = {
  assessedOn: '2024-03-04',
  conditions: allMet,
  decision: 'accepted',
};

describe('coachability assessment at intake', () => {
  it('accepts a person who meets all four conditions', () => {
    expect(isCoachable(allMet)).toBe(true);
    expect(validateCoachabilityAssessment(accepted)).toEqual([]);
  });

  it('refuses to accept a person who is not a volunteer, naming the unmet condition in French', () => {
    const errors = validateCoachabilityAssessment({
      ...accepted,
      conditions: { ...allMet, volunteers_after_information: false },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toBe('conditions.volunteers_after_information');
    expect(errors[0]?.message).toContain('Condition non remplie');
    expect(errors[0]?.message).toContain(COACHABILITY_CONDITION_LABELS.volunteers_after_information);
  });

  it('reports every unmet condition', () => {
    const none = Object.fromEntries(COACHABILITY_CONDITIONS.map((c) => [c, false])) as CoachabilityConditions;
    expect(isCoachable(none)).toBe(false);
    expect(validateCoachabilityAssessment({ ...accepted, conditions: none })).toHaveLength(4);
  });

  it('postpones only with a review date after the assessment', () => {
    const postponed: CoachabilityAssessment = {
      ...accepted,
      conditions: { ...allMet, faces_obstacles: false },
      decision: 'postponed',
    };
    expect(validateCoachabilityAssessment({ ...postponed, reviewDate: '2024-04-01' })).toEqual([]);
    expect(validateCoachabilityAssessment(postponed).map((e) => e.field)).toEqual(['reviewDate']);
    expect(validateCoachabilityAssessment({ ...postponed, reviewDate: '2024-03-04' })[0]?.message).toBe(
      'La date de réexamen doit être postérieure à la date de l’évaluation.',
    );
    expect(validateCoachabilityAssessment({ ...postponed, reviewDate: '2024-02-30' })[0]?.field).toBe(
      'reviewDate',
    );
  });

  it('redirects only towards a named partner and with a reason, so the person is not lost', () => {
    const redirected: CoachabilityAssessment = { ...accepted, decision: 'redirected' };
    expect(validateCoachabilityAssessment(redirected).map((e) => e.field)).toEqual(['partner', 'reason']);
    expect(
      validateCoachabilityAssessment({
        ...redirected,
        partner: 'Service de médiation de dettes',
        reason: '  ',
      }),
    ).toEqual([{ field: 'reason', message: 'Le motif de la réorientation est obligatoire.' }]);
    expect(
      validateCoachabilityAssessment({
        ...redirected,
        partner: 'Service de médiation de dettes',
        reason: 'Surendettement à traiter avant toute recherche d’emploi',
      }),
    ).toEqual([]);
  });

  it('requires a valid assessment date', () => {
    expect(
      validateCoachabilityAssessment({ ...accepted, assessedOn: '2024-13-01' }).map((e) => e.field),
    ).toEqual(['assessedOn']);
  });
});
