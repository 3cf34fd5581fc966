import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  allowedTransitions,
  type HistoryEvent,
  intakeState,
  type Phase,
  replayTrajectory,
} from '../src/index.ts';

const TODAY = '2024-06-30';

/** The fields a move needs, with a valid reason for the phase it leaves. */
function fieldsFor(id: string, from: Phase, date: string): Record<string, unknown> {
  switch (id) {
    case 'enter_pre_hire':
      return { date, trustContractSignedOn: date };
    case 'start_hiring':
      return { date, employerId: 'e1' };
    case 'start_follow_up':
      return { date, contractKind: 'cdd', contractStart: date };
    case 'return_to_pre_hire':
      return { date, returnReason: from === 'hiring' ? 'hiring_failed' : 'cdd_ended' };
    default:
      return { date, exitReason: 'left_voluntarily' };
  }
}

describe('replaying an imported trajectory', () => {
  it('any walk through the method’s transitions replays, ending in the phase of its last move', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(5), fc.nat(60)), { maxLength: 12 }), (choices) => {
        let phase: Phase = 'intake';
        let date = '2019-01-07';
        const events: HistoryEvent[] = [];
        let entry: string | null = null;
        for (const [pick, gap] of choices) {
          const options = allowedTransitions(phase, 'coordinator');
          if (options.length === 0) break;
          const move = options[pick % options.length]!;
          date = addDays(date, gap);
          events.push({ transitionId: move.id, fields: fieldsFor(move.id, phase, date) });
          if (move.id === 'enter_pre_hire') entry ??= date;
          phase = move.to;
        }
        const replay = replayTrajectory(intakeState('2019-01-07'), events, TODAY);
        expect(replay.failedAt).toBeNull();
        expect(replay.state.phase).toBe(phase);
        expect(replay.state.preHireEntry).toBe(entry);
      }),
    );
  });

  it('refuses an entry into pre-hire after an exit, naming the phase and its date in French', () => {
    const replay = replayTrajectory(
      intakeState('2021-01-04'),
      [
        { transitionId: 'exit', fields: { date: '2021-02-01', exitReason: 'redirected' } },
        {
          transitionId: 'enter_pre_hire',
          fields: { date: '2021-03-01', trustContractSignedOn: '2021-03-01' },
        },
      ],
      TODAY,
    );
    expect(replay.failedAt).toBe(1);
    expect(replay.steps[1]).toEqual({
      ok: false,
      field: 'transitionId',
      message: expect.stringContaining('depuis la phase « Sortie » atteinte le 01/02/2021'),
    });
    expect(replay.state.phase).toBe('exited');
  });

  it('refuses an event dated before the phase reached, and one in the future', () => {
    const early = replayTrajectory(
      intakeState('2021-01-04'),
      [
        {
          transitionId: 'enter_pre_hire',
          fields: { date: '2020-12-01', trustContractSignedOn: '2020-12-01' },
        },
      ],
      TODAY,
    );
    expect(early.steps[0]).toMatchObject({ ok: false, field: 'date' });
    const future = replayTrajectory(
      intakeState('2021-01-04'),
      [
        {
          transitionId: 'enter_pre_hire',
          fields: { date: '2030-01-01', trustContractSignedOn: '2021-01-05' },
        },
      ],
      TODAY,
    );
    expect(future.steps[0]).toMatchObject({ ok: false, field: 'date' });
  });

  it('keeps the first pre-hire entry on a return (the clocks count from it)', () => {
    const replay = replayTrajectory(
      intakeState('2021-01-04'),
      [
        { transitionId: 'enter_pre_hire', fields: fieldsFor('enter_pre_hire', 'intake', '2021-02-01') },
        { transitionId: 'start_hiring', fields: fieldsFor('start_hiring', 'pre_hire', '2021-05-01') },
        {
          transitionId: 'return_to_pre_hire',
          fields: fieldsFor('return_to_pre_hire', 'hiring', '2021-05-20'),
        },
      ],
      TODAY,
    );
    expect(replay.state).toEqual({
      phase: 'pre_hire',
      since: '2021-05-20',
      preHireEntry: '2021-02-01',
      trustContractSignedOn: '2021-02-01',
    });
  });
});
