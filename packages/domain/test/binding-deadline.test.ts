import { describe, expect, it } from 'vitest';
import { bindingDeadline, type FollowUpWindow, type PersonState, preHireClock } from '../src/index.ts';

const state = (phase: PersonState['phase'], preHireEntry = '2024-01-15'): PersonState => ({
  phase,
  phaseSince: '2025-06-01',
  preHireEntry,
  lastDirectContact: null,
});
const window = (start: string, end: string, limit: string): FollowUpWindow => ({
  start,
  end,
  limit,
  contractIds: ['k'],
});

describe('the limit that binds next, named', () => {
  it('names the end of the 24 months in pre-hire', () => {
    const today = '2025-03-01';
    const clock = preHireClock({ preHireEntry: '2024-01-15', employments: [], today });
    expect(bindingDeadline(state('pre_hire'), clock, null, today)).toMatchObject({
      deadline: '2026-01-15',
      kind: 'pre_hire_24_months',
    });
  });

  it('names the 30-month limit when it comes first (a long suspension)', () => {
    const today = '2025-03-01';
    const clock = preHireClock({
      preHireEntry: '2024-01-15',
      employments: [{ kind: 'cdd', start: '2024-02-01', end: '2024-12-31' }],
      today,
    });
    expect(bindingDeadline(state('pre_hire'), clock, null, today)?.kind).toBe('overall_30_months');
  });

  it('names the end of the follow-up, or the end of the CDD when the employment ends earlier', () => {
    const today = '2025-07-01';
    const clock = preHireClock({ preHireEntry: '2025-01-15', employments: [], today });
    expect(
      bindingDeadline(
        state('follow_up', '2025-01-15'),
        clock,
        window('2025-06-01', '2025-12-01', '2025-12-01'),
        today,
      ),
    ).toMatchObject({ deadline: '2025-12-01', kind: 'follow_up_end' });
    expect(
      bindingDeadline(
        state('follow_up', '2025-01-15'),
        clock,
        window('2025-06-01', '2025-08-31', '2025-12-01'),
        today,
      ),
    ).toMatchObject({ deadline: '2025-08-31', kind: 'contract_end' });
  });
});
