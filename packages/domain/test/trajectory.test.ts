import { describe, expect, it } from 'vitest';
import {
  ACTIVE_PHASES,
  allowedTransitions,
  checkTransition,
  isActivePhase,
  PHASE_LABELS,
  PHASES,
  preHireEntry,
  TRANSITIONS,
} from '../src/index.ts';

const ids = (
  phase: Parameters<typeof allowedTransitions>[0],
  role: Parameters<typeof allowedTransitions>[1],
) => allowedTransitions(phase, role).map((t) => t.id);

describe('trajectory phases and moves', () => {
  it('names the phases in French', () => {
    expect(PHASES.map((p) => PHASE_LABELS[p])).toEqual([
      'Accueil',
      'Pré-embauche',
      'Embauche',
      'Suivi en entreprise',
      'Sortie',
    ]);
  });

  it('follows intake → pre-hire → hiring → follow-up, with an exit from every phase but exit', () => {
    expect(ids('intake', 'jobcoach')).toEqual(['enter_pre_hire', 'exit']);
    expect(ids('pre_hire', 'jobcoach')).toEqual(['start_hiring', 'exit']);
    expect(ids('hiring', 'jobcoach')).toEqual(['start_follow_up', 'return_to_pre_hire', 'exit']);
    expect(ids('follow_up', 'coordinator')).toEqual(['return_to_pre_hire', 'exit']);
    expect(ids('exited', 'coordinator')).toEqual([]);
  });

  it('lets an evaluator read but never move a trajectory', () => {
    for (const phase of PHASES) expect(allowedTransitions(phase, 'evaluator')).toEqual([]);
  });

  it('declares every move with a French label and targets known phases', () => {
    for (const t of TRANSITIONS) {
      expect(t.label).toBeTruthy();
      expect(PHASES).toContain(t.to);
      expect(t.requiredFields).toContain('date');
    }
  });

  it('counts pre-hire, hiring and follow-up in the caseload, not intake or exit', () => {
    expect(ACTIVE_PHASES).toEqual(['pre_hire', 'hiring', 'follow_up']);
    expect(isActivePhase('intake')).toBe(false);
    expect(isActivePhase('exited')).toBe(false);
  });
});

describe('checking a requested move', () => {
  it('lets a jobcoach enter pre-hire once the trust contract is signed', () => {
    const check = checkTransition({
      from: 'intake',
      transitionId: 'enter_pre_hire',
      role: 'jobcoach',
      fields: { date: '2024-01-15', trustContractSignedOn: '2024-01-15' },
    });
    expect(check).toMatchObject({ ok: true, to: 'pre_hire' });
  });

  it('refuses a move that does not start from the current phase and lists the possible ones', () => {
    const check = checkTransition({
      from: 'pre_hire',
      transitionId: 'start_follow_up',
      role: 'jobcoach',
      fields: { date: '2024-02-01' },
    });
    expect(check).toMatchObject({ ok: false, code: 'not_allowed', allowed: ['start_hiring', 'exit'] });
    expect(check.ok ? '' : check.message).toContain('Pré-embauche');
  });

  it('refuses an unknown move and any move by an evaluator', () => {
    expect(
      checkTransition({ from: 'intake', transitionId: 'jump', role: 'coordinator', fields: {} }),
    ).toMatchObject({
      ok: false,
      code: 'not_allowed',
    });
    expect(
      checkTransition({ from: 'intake', transitionId: 'exit', role: 'evaluator', fields: {} }),
    ).toMatchObject({ ok: false, code: 'not_allowed', allowed: [] });
  });

  it('names a missing field in French', () => {
    const check = checkTransition({
      from: 'intake',
      transitionId: 'enter_pre_hire',
      role: 'jobcoach',
      fields: { date: '2024-01-15', trustContractSignedOn: ' ' },
    });
    expect(check).toEqual({
      ok: false,
      code: 'missing_field',
      field: 'trustContractSignedOn',
      message: 'Le champ « date de signature du contrat de confiance » est obligatoire.',
    });
  });

  it('exits only with a known reason, and "other" needs a detail', () => {
    const exit = (fields: Record<string, unknown>) =>
      checkTransition({
        from: 'pre_hire',
        transitionId: 'exit',
        role: 'jobcoach',
        fields: { date: '2024-05-01', ...fields },
      });
    expect(exit({})).toMatchObject({ ok: false, code: 'missing_field', field: 'exitReason' });
    expect(exit({ exitReason: 'bored' })).toMatchObject({
      ok: false,
      code: 'invalid_field',
      field: 'exitReason',
    });
    expect(exit({ exitReason: 'moved_away' })).toMatchObject({ ok: true, to: 'exited' });
    expect(exit({ exitReason: 'other' })).toMatchObject({
      ok: false,
      code: 'missing_field',
      field: 'reasonDetail',
    });
    expect(exit({ exitReason: 'other', reasonDetail: 'Incarcération' })).toMatchObject({ ok: true });
  });

  it('records a consolidated insertion only when leaving follow-up', () => {
    const fields = { date: '2024-05-01', exitReason: 'consolidated_insertion' };
    expect(
      checkTransition({ from: 'pre_hire', transitionId: 'exit', role: 'jobcoach', fields }),
    ).toMatchObject({
      ok: false,
      code: 'invalid_field',
      field: 'exitReason',
    });
    expect(
      checkTransition({ from: 'follow_up', transitionId: 'exit', role: 'jobcoach', fields }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('returns to pre-hire with a reason that fits the phase left', () => {
    const back = (from: 'hiring' | 'follow_up', returnReason: string) =>
      checkTransition({
        from,
        transitionId: 'return_to_pre_hire',
        role: 'jobcoach',
        fields: { date: '2024-05-01', returnReason },
      });
    expect(back('hiring', 'hiring_failed')).toMatchObject({ ok: true, to: 'pre_hire' });
    expect(back('follow_up', 'cdd_ended')).toMatchObject({ ok: true, to: 'pre_hire' });
    expect(back('follow_up', 'dismissal')).toMatchObject({ ok: true, to: 'pre_hire' });
    expect(back('hiring', 'dismissal')).toMatchObject({
      ok: false,
      code: 'invalid_field',
      field: 'returnReason',
    });
    expect(back('follow_up', 'hiring_failed')).toMatchObject({ ok: false, code: 'invalid_field' });
  });

  it('starts follow-up with the contract signed: its kind and start date', () => {
    const start = (fields: Record<string, unknown>) =>
      checkTransition({
        from: 'hiring',
        transitionId: 'start_follow_up',
        role: 'coordinator',
        fields: { date: '2024-06-01', ...fields },
      });
    expect(
      start({ contractKind: 'cdd', contractStart: '2024-06-01', contractEnd: '2024-08-31' }),
    ).toMatchObject({
      ok: true,
      to: 'follow_up',
    });
    expect(start({ contractKind: 'cdi' })).toMatchObject({
      ok: false,
      code: 'missing_field',
      field: 'contractStart',
    });
    expect(start({ contractKind: 'interim', contractStart: '2024-06-01' })).toMatchObject({
      ok: false,
      field: 'contractKind',
    });
    expect(
      start({ contractKind: 'cdd', contractStart: '2024-06-01', contractEnd: '2024-05-31' }),
    ).toMatchObject({
      ok: false,
      field: 'contractEnd',
    });
  });

  it('refuses an impossible date, a date in the future or before the current phase began', () => {
    const move = (date: string) =>
      checkTransition({
        from: 'pre_hire',
        transitionId: 'exit',
        role: 'jobcoach',
        fields: { date, exitReason: 'left_voluntarily' },
        today: '2024-05-10',
        phaseStart: '2024-01-15',
      });
    expect(move('2024-02-30')).toMatchObject({ ok: false, code: 'invalid_field', field: 'date' });
    expect(move('2024-05-11')).toMatchObject({ ok: false, code: 'invalid_field', field: 'date' });
    expect(move('2024-01-14')).toMatchObject({ ok: false, code: 'invalid_field', field: 'date' });
    expect(move('2024-05-10')).toMatchObject({ ok: true });
  });

  it('finds the first entry into pre-hire in the phase history', () => {
    expect(
      preHireEntry([
        { phase: 'intake', from: '2024-01-02', to: '2024-01-15' },
        { phase: 'pre_hire', from: '2024-01-15', to: '2024-06-01' },
        { phase: 'hiring', from: '2024-06-01', to: '2024-06-03' },
        { phase: 'pre_hire', from: '2024-06-03', to: null },
      ]),
    ).toBe('2024-01-15');
    expect(preHireEntry([{ phase: 'intake', from: '2024-01-02', to: null }])).toBeNull();
  });
});
