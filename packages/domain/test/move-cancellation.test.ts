import { describe, expect, it } from 'vitest';
import { cancelContractMoves, cancelLastMove, cancelLastStep, type LoggedMove } from '../src/index.ts';

const move = (m: Partial<LoggedMove> & Pick<LoggedMove, 'id' | 'date' | 'transitionId' | 'from' | 'to'>) => ({
  byContract: false,
  wroteEmploymentPeriod: false,
  ...m,
});
const person = { preHireEntry: '2025-01-10', referralReceivedOn: '2024-12-01' };
const entry = move({
  id: 'a',
  date: '2025-01-10',
  transitionId: 'enter_pre_hire',
  from: 'intake',
  to: 'pre_hire',
});
const exit = move({ id: 'b', date: '2025-03-01', transitionId: 'exit', from: 'pre_hire', to: 'exited' });

describe('cancelling the last move entered by mistake', () => {
  it('puts the person back in the phase the move left, since the move before', () => {
    expect(cancelLastMove([entry, exit], 'b', person)).toEqual({
      ok: true,
      phase: 'pre_hire',
      phaseSince: '2025-01-10',
      preHireEntry: '2025-01-10',
    });
  });

  it('takes the clock’s start with a first entry into pre-hire, back to the referral', () => {
    expect(cancelLastMove([entry], 'a', person)).toEqual({
      ok: true,
      phase: 'intake',
      phaseSince: '2024-12-01',
      preHireEntry: null,
    });
  });

  it('refuses a move that is not the last, one a contract made, one that touched employment periods', () => {
    expect(cancelLastMove([entry, exit], 'a', person)).toMatchObject({ ok: false, message: /dernier/ });
    const hiring = move({
      id: 'c',
      date: '2025-02-01',
      transitionId: 'start_hiring',
      from: 'pre_hire',
      to: 'hiring',
      byContract: true,
    });
    expect(cancelLastMove([entry, hiring], 'c', person)).toMatchObject({ ok: false, message: /contrat/ });
    const follow = move({
      id: 'd',
      date: '2025-02-03',
      transitionId: 'start_follow_up',
      from: 'hiring',
      to: 'follow_up',
      wroteEmploymentPeriod: true,
    });
    expect(cancelLastMove([entry, follow], 'd', person)).toMatchObject({
      ok: false,
      message: /périodes d’emploi/,
    });
  });
});

describe('cancelling the last step of a presentation', () => {
  const steps = [
    { id: '1', step: 'proposed' as const },
    { id: '2', step: 'discussed' as const },
    { id: '3', step: 'declined' as const },
  ];
  it('goes back to the step before', () => {
    expect(cancelLastStep(steps, '3')).toEqual({ ok: true, step: 'discussed' });
  });
  it('refuses a step that is not the last, the proposal itself, and the hire', () => {
    expect(cancelLastStep(steps, '2')).toMatchObject({ ok: false });
    expect(cancelLastStep(steps.slice(0, 1), '1')).toMatchObject({ ok: false, message: /Retirée/ });
    expect(cancelLastStep([...steps.slice(0, 2), { id: '4', step: 'hired' }], '4')).toMatchObject({
      ok: false,
      message: /contrat/,
    });
  });
});

describe('cancelling a whole contract entered by mistake', () => {
  const hiring = move({
    id: 'h',
    date: '2025-02-01',
    transitionId: 'start_hiring',
    from: 'pre_hire',
    to: 'hiring',
    byContract: true,
    contractId: 'k',
  });
  const follow = move({
    id: 'f',
    date: '2025-02-03',
    transitionId: 'start_follow_up',
    from: 'hiring',
    to: 'follow_up',
    byContract: true,
    contractId: 'k',
  });
  const state = { phase: 'follow_up' as const, phaseSince: '2025-02-03', referralReceivedOn: '2024-12-01' };

  it('takes the moves the contract made with it, back to the phase its first move left', () => {
    expect(cancelContractMoves([entry, hiring, follow], 'k', state)).toEqual({
      ok: true,
      moveIds: ['h', 'f'],
      phase: 'pre_hire',
      phaseSince: '2025-01-10',
    });
  });

  it('leaves the trajectory as it is for a contract that made no move', () => {
    expect(cancelContractMoves([entry, hiring, follow], 'other', state)).toEqual({
      ok: true,
      moveIds: [],
      phase: 'follow_up',
      phaseSince: '2025-02-03',
    });
  });

  it('goes back to the referral when the contract made the first move', () => {
    const lone = { ...hiring, from: 'pre_hire' as const };
    expect(cancelContractMoves([lone], 'k', state)).toMatchObject({ ok: true, phaseSince: '2024-12-01' });
  });

  it('refuses while a later move depends on the contract’s moves, and says which to cancel first', () => {
    const out = move({ id: 'x', date: '2025-03-01', transitionId: 'exit', from: 'follow_up', to: 'exited' });
    const refused = cancelContractMoves([entry, hiring, follow, out], 'k', state);
    expect(refused).toMatchObject({
      ok: false,
      message: /Sortie du jobcoaching.*01\/03\/2025.*Annuler ce changement/,
    });
    const byOther = {
      ...out,
      transitionId: 'return_to_pre_hire' as const,
      to: 'pre_hire' as const,
      byContract: true,
      contractId: 'k2',
    };
    expect(cancelContractMoves([entry, hiring, follow, byOther], 'k', state)).toMatchObject({
      ok: false,
      message: /autre contrat/,
    });
  });
});
