import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  allowedTransitions,
  CONTRACT_TYPES,
  type HistoryEvent,
  intakeState,
  type Phase,
  phaseOn,
  phasesOn,
  replayedMoves,
  replayTrajectory,
  signingEffect,
  signingInHistory,
  type TrajectoryHistory,
} from '../src/index.ts';

/** The day the checks are made (injected, as every rule of the domain takes it). */
const TODAY = '2024-06-30';

/** The message the live rule refuses a contract with in that phase. */
function liveRefusal(phase: Phase): string {
  const effect = signingEffect('cdd', phase, '2022-01-01', TODAY);
  if (effect.ok) throw new Error(`a contract is accepted in ${phase}`);
  return effect.message;
}

/** Entered pre-hire on 1 March 2021, hired on 1 June, in follow-up from 15 June, left on 30 November. */
const SOPHIE: TrajectoryHistory = [
  { date: '2021-03-01', to: 'pre_hire' },
  { date: '2021-06-01', to: 'hiring' },
  { date: '2021-06-15', to: 'follow_up' },
  { date: '2021-11-30', to: 'exited' },
];

const cdd = (signedOn: string) => ({ type: 'cdd' as const, signedOn, start: signedOn });

describe('a person’s phase on a past day', () => {
  it('is intake before the first move, then the phase each move reached', () => {
    expect(phaseOn(SOPHIE, '2020-12-31')).toBe('intake');
    expect(phaseOn(SOPHIE, '2021-02-28')).toBe('intake');
    expect(phaseOn(SOPHIE, '2021-03-01')).toBe('pre_hire');
    expect(phaseOn(SOPHIE, '2021-06-10')).toBe('hiring');
    expect(phaseOn(SOPHIE, '2021-09-01')).toBe('follow_up');
    expect(phaseOn(SOPHIE, '2021-11-30')).toBe('exited');
    expect(phaseOn(SOPHIE, '2023-01-01')).toBe('exited');
    expect(phaseOn([], '2023-01-01')).toBe('intake');
  });

  it('on a day with moves, lists the phase the day began in and each phase reached that day', () => {
    const sameDay: TrajectoryHistory = [
      { date: '2021-03-01', to: 'pre_hire' },
      { date: '2021-03-01', to: 'hiring' },
      { date: '2021-03-01', to: 'follow_up' },
    ];
    expect(phasesOn(sameDay, '2021-03-01')).toEqual(['intake', 'pre_hire', 'hiring', 'follow_up']);
    expect(phasesOn(sameDay, '2021-03-02')).toEqual(['follow_up']);
    expect(phasesOn(SOPHIE, '2021-11-30')).toEqual(['follow_up', 'exited']);
  });

  it('reads the moves a replay accepted, with their dates, up to a refused event', () => {
    const events: HistoryEvent[] = [
      {
        transitionId: 'enter_pre_hire',
        fields: { date: '2021-03-01', trustContractSignedOn: '2021-03-01' },
      },
      { transitionId: 'exit', fields: { date: '2021-05-01', exitReason: 'moved_away' } },
      {
        transitionId: 'enter_pre_hire',
        fields: { date: '2021-06-01', trustContractSignedOn: '2021-06-01' },
      },
    ];
    const replay = replayTrajectory(intakeState('2021-01-04'), events, TODAY);
    expect(replay.failedAt).toBe(2);
    expect(replayedMoves(replay)).toEqual([
      { date: '2021-03-01', to: 'pre_hire' },
      { date: '2021-05-01', to: 'exited' },
    ]);
  });
});

describe('a contract checked against the trajectory on its signing date', () => {
  it('is refused after the exit, with the message the application gives in that phase', () => {
    const check = signingInHistory(cdd('2021-12-15'), SOPHIE, TODAY);
    expect(check).toEqual({ ok: false, phase: 'exited', message: liveRefusal('exited') });
    expect(check.ok || check.message).toBe(
      'La personne est sortie du jobcoaching : son parcours est clos, aucun contrat ne s’y ajoute.',
    );
  });

  it('is refused before the entry into pre-hire, with the intake message', () => {
    const check = signingInHistory(cdd('2021-02-20'), SOPHIE, TODAY);
    expect(check).toEqual({ ok: false, phase: 'intake', message: liveRefusal('intake') });
    expect(check.ok || check.message).toBe(
      'La personne est encore à l’accueil : un contrat s’enregistre à partir de la pré-embauche (après le contrat de confiance).',
    );
    // A person who never entered pre-hire: every contract is refused, an immersion too.
    expect(signingInHistory({ ...cdd('2022-01-10'), type: 'immersion' }, [], TODAY)).toMatchObject({
      ok: false,
      phase: 'intake',
    });
  });

  it('is accepted in pre-hire, hiring and follow-up, and on the day of the entry or of the exit', () => {
    for (const day of ['2021-03-01', '2021-04-01', '2021-06-01', '2021-06-10', '2021-09-01', '2021-11-30']) {
      expect(signingInHistory(cdd(day), SOPHIE, TODAY).ok).toBe(true);
    }
    expect(signingInHistory(cdd('2021-03-01'), SOPHIE, TODAY)).toEqual({ ok: true, phase: 'pre_hire' });
    expect(signingInHistory(cdd('2021-11-30'), SOPHIE, TODAY)).toEqual({ ok: true, phase: 'follow_up' });
    // Left on the day of the referral without entering pre-hire: no phase of that day takes a contract.
    const leftAtOnce: TrajectoryHistory = [{ date: '2021-01-04', to: 'exited' }];
    expect(signingInHistory(cdd('2021-01-04'), leftAtOnce, TODAY)).toMatchObject({
      ok: false,
      phase: 'exited',
    });
  });

  it('after a return to pre-hire the person takes contracts again; the exit closes the trajectory for good', () => {
    const back: TrajectoryHistory = [
      { date: '2021-03-01', to: 'pre_hire' },
      { date: '2021-06-01', to: 'hiring' },
      { date: '2021-07-01', to: 'pre_hire' },
      { date: '2022-01-10', to: 'exited' },
    ];
    expect(signingInHistory(cdd('2021-08-01'), back, TODAY)).toEqual({ ok: true, phase: 'pre_hire' });
    expect(signingInHistory(cdd('2022-01-11'), back, TODAY).ok).toBe(false);
  });

  it('agrees with the live rule on any replayed walk: refused exactly in intake and exit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 60 })), { maxLength: 10 }),
        fc.integer({ min: -30, max: 700 }),
        fc.constantFrom(...CONTRACT_TYPES),
        (choices, offset, type) => {
          let phase: Phase = 'intake';
          let date = '2019-01-07';
          const events: HistoryEvent[] = [];
          /** The phase after each move, by day (one move a day): what the check is compared with. */
          const days: { date: string; phase: Phase }[] = [];
          for (const [pick, gap] of choices) {
            const options = allowedTransitions(phase, 'coordinator');
            if (options.length === 0) break;
            const move = options[pick % options.length]!;
            date = addDays(date, gap);
            events.push({ transitionId: move.id, fields: fieldsFor(move.id, phase, date) });
            phase = move.to;
            days.push({ date, phase });
          }
          const replay = replayTrajectory(intakeState('2019-01-07'), events, TODAY);
          expect(replay.failedAt).toBeNull();
          const signedOn = addDays('2019-01-07', offset);
          // The phases of the signing day: the one it began in, and the one its move reached.
          const before = days.filter((d) => d.date < signedOn).at(-1)?.phase ?? 'intake';
          const dayPhases = [before, ...days.filter((d) => d.date === signedOn).map((d) => d.phase)];
          const takesContracts = (p: Phase) => p !== 'intake' && p !== 'exited';
          const check = signingInHistory({ type, signedOn, start: signedOn }, replayedMoves(replay), TODAY);
          expect(check.ok).toBe(dayPhases.some(takesContracts));
          expect(check.phase).toBe(check.ok ? dayPhases.find(takesContracts) : dayPhases.at(-1));
        },
      ),
    );
  });
});

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
