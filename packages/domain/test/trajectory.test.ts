import { describe, expect, it } from 'vitest';
import {
  ACTIVE_PHASES,
  allowedTransitions,
  blockedTransitions,
  COACHABILITY_DECISIONS,
  checkTransition,
  effectsOf,
  GUARD_RULES,
  isActivePhase,
  type MembershipRole,
  PHASE_LABELS,
  PHASES,
  type Phase,
  preHireEntry,
  TRANSITIONS,
  type TrajectoryFacts,
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

describe('the moves offered are exactly the moves accepted (every phase × move × role × facts)', () => {
  const validFields: Record<(typeof TRANSITIONS)[number]['id'], (from: Phase) => Record<string, string>> = {
    enter_pre_hire: () => ({ date: '2024-03-01', trustContractSignedOn: '2024-03-01' }),
    start_hiring: () => ({ date: '2024-03-01', employerId: 'e1' }),
    start_follow_up: () => ({ date: '2024-03-01', contractKind: 'cdi', contractStart: '2024-03-01' }),
    return_to_pre_hire: (from) => ({
      date: '2024-03-01',
      returnReason: from === 'hiring' ? 'hiring_failed' : 'dismissal',
    }),
    exit: () => ({ date: '2024-03-01', exitReason: 'left_voluntarily' }),
  };
  const factsCases: TrajectoryFacts[] = [];
  for (const assessmentDecision of [null, ...COACHABILITY_DECISIONS]) {
    for (const preHireEntry of [null, '2023-01-01']) {
      for (const openContracts of [[], ['« Magasinier » chez Colruyt']])
        for (const byContract of [false, true])
          factsCases.push({ assessmentDecision, preHireEntry, openContracts, byContract });
    }
  }
  const roles: MembershipRole[] = ['coordinator', 'jobcoach', 'evaluator'];

  for (const phase of PHASES) {
    for (const role of roles) {
      for (const t of TRANSITIONS) {
        it(`${t.id} from ${phase} as ${role}`, () => {
          for (const facts of factsCases) {
            const byTable = t.from.includes(phase) && (t.roles as readonly string[]).includes(role);
            const guardsHold =
              (!t.guards.includes('coachable') ||
                facts.preHireEntry !== null ||
                facts.assessmentDecision === 'accepted') &&
              (!t.guards.includes('no_open_contract') || facts.openContracts.length === 0) &&
              (!t.guards.includes('by_contract') || facts.byContract === true);
            const offered = allowedTransitions(phase, role, facts).some((o) => o.id === t.id);
            expect(offered).toBe(byTable && guardsHold);
            const check = checkTransition({
              from: phase,
              transitionId: t.id,
              role,
              fields: validFields[t.id](phase),
              facts,
              today: '2024-06-01',
              phaseStart: '2024-01-01',
            });
            expect(check.ok).toBe(offered);
            if (!check.ok && byTable) {
              expect(check).toMatchObject({ code: 'guard' });
              if (check.code === 'guard') expect(check.message).toBe(GUARD_RULES[check.guard].message(facts));
            }
          }
        });
      }
    }
  }

  it('names the moves a guard holds back, with the guard, and only those', () => {
    const facts = { assessmentDecision: 'postponed' as const, preHireEntry: null, openContracts: [] };
    expect(blockedTransitions('intake', 'jobcoach', facts).map((b) => [b.transition.id, b.guard])).toEqual([
      ['enter_pre_hire', 'coachable'],
    ]);
    expect(blockedTransitions('intake', 'jobcoach', { ...facts, assessmentDecision: 'accepted' })).toEqual(
      [],
    );
    expect(blockedTransitions('intake', 'evaluator', facts)).toEqual([]);
    expect(
      blockedTransitions('follow_up', 'coordinator', {
        ...facts,
        openContracts: ['« Magasinier » chez X'],
      }).map((b) => b.guard),
    ).toEqual(['no_open_contract']);
  });

  it('offers pre-hire to a person in intake only after an assessment that accepts them', () => {
    const facts = { assessmentDecision: null, preHireEntry: null, openContracts: [] };
    expect(allowedTransitions('intake', 'jobcoach', facts).map((t) => t.id)).toEqual(['exit']);
    expect(
      allowedTransitions('intake', 'jobcoach', { ...facts, assessmentDecision: 'postponed' }).map(
        (t) => t.id,
      ),
    ).toEqual(['exit']);
    expect(
      allowedTransitions('intake', 'jobcoach', { ...facts, assessmentDecision: 'accepted' }).map((t) => t.id),
    ).toEqual(['enter_pre_hire', 'exit']);
  });

  it('gives the checked move its typed fields, and only those it carries', () => {
    const check = checkTransition({
      from: 'follow_up',
      transitionId: 'exit',
      role: 'jobcoach',
      fields: {
        date: '2024-03-01',
        exitReason: 'other',
        reasonDetail: ' Déménagement en Flandre ',
        employerId: 'x',
      },
    });
    expect(check).toMatchObject({
      ok: true,
      input: {
        transitionId: 'exit',
        fields: { date: '2024-03-01', exitReason: 'other', reasonDetail: 'Déménagement en Flandre' },
      },
    });
  });
});

describe('what a move does besides changing the phase', () => {
  it('writes the end letter only for a consolidated insertion, and a period only for a follow-up by hand', () => {
    expect(
      effectsOf(
        { transitionId: 'exit', fields: { date: '2024-03-01', exitReason: 'consolidated_insertion' } },
        { byContract: false },
      ),
    ).toEqual(['end_letter']);
    expect(
      effectsOf(
        { transitionId: 'exit', fields: { date: '2024-03-01', exitReason: 'moved_away' } },
        { byContract: false },
      ),
    ).toEqual([]);
    const followUp = {
      transitionId: 'start_follow_up' as const,
      fields: { date: '2024-03-01', contractKind: 'cdi' as const, contractStart: '2024-03-01' },
    };
    expect(effectsOf(followUp, { byContract: false })).toEqual(['employment_period']);
    expect(effectsOf(followUp, { byContract: true })).toEqual([]);
  });
});
