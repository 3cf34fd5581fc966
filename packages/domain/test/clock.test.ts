import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  countDays,
  daysBetween,
  type EmploymentPeriod,
  followUpEnd,
  overallDeadline,
  preHireClock,
} from '../src/index.ts';
import { isoDate } from './arbitraries.ts';

const cdd = (start: string, end: string | null): EmploymentPeriod => ({ kind: 'cdd', start, end });

describe('pre-hire clock (24 months, suspended by CDD days)', () => {
  it('moves the deadline by the 92 days of a CDD from 1 June to 31 August', () => {
    const clock = preHireClock({
      preHireEntry: '2024-01-15',
      employments: [cdd('2024-06-01', '2024-08-31')],
      today: '2024-10-01',
    });
    expect(clock.suspendedDays).toBe(92);
    expect(clock.baseDeadline).toBe('2026-01-15');
    expect(clock.deadline).toBe('2026-04-17');
    expect(clock.suspended).toBe(false);
  });

  it('counts a running CDD up to today and shows the clock as suspended', () => {
    const clock = preHireClock({
      preHireEntry: '2024-01-15',
      employments: [cdd('2024-06-01', null)],
      today: '2024-06-10',
    });
    expect(clock.suspendedDays).toBe(10);
    expect(clock.suspended).toBe(true);
    expect(clock.deadline).toBe('2026-01-25');
  });

  it('counts a CDD planned beyond today only up to today', () => {
    const clock = preHireClock({
      preHireEntry: '2024-01-15',
      employments: [cdd('2024-06-01', '2024-12-31')],
      today: '2024-06-10',
    });
    expect(clock.suspendedDays).toBe(10);
  });

  it('never suspends for a CDI or another contract', () => {
    const clock = preHireClock({
      preHireEntry: '2024-01-15',
      employments: [
        { kind: 'cdi', start: '2024-03-01', end: '2024-04-30' },
        { kind: 'other', start: '2024-05-01', end: null },
      ],
      today: '2024-06-10',
    });
    expect(clock.suspendedDays).toBe(0);
    expect(clock.deadline).toBe('2026-01-15');
  });

  it('counts only the part of a CDD after pre-hire entry', () => {
    const clock = preHireClock({
      preHireEntry: '2024-01-15',
      employments: [cdd('2024-01-01', '2024-01-20')],
      today: '2024-06-10',
    });
    expect(clock.suspendedDays).toBe(6);
  });

  it('counts overlapping CDDs once', () => {
    const clock = preHireClock({
      preHireEntry: '2024-01-15',
      employments: [cdd('2024-06-01', '2024-06-30'), cdd('2024-06-15', '2024-07-10')],
      today: '2024-12-01',
    });
    expect(clock.suspendedDays).toBe(40);
  });

  it('shows days used and days left, left reaching zero on the deadline and never going below', () => {
    const first = preHireClock({ preHireEntry: '2024-01-15', employments: [], today: '2024-01-15' });
    expect(first).toMatchObject({ elapsedDays: 1, daysUsed: 1, daysLeft: 731, expired: false });
    const last = preHireClock({ preHireEntry: '2024-01-15', employments: [], today: '2026-01-15' });
    expect(last).toMatchObject({ daysLeft: 0, expired: false });
    const after = preHireClock({ preHireEntry: '2024-01-15', employments: [], today: '2026-03-01' });
    expect(after).toMatchObject({ daysLeft: 0, expired: true });
  });

  it('handles an entry on 31 January and on 29 February', () => {
    expect(preHireClock({ preHireEntry: '2024-01-31', employments: [], today: '2024-02-01' }).deadline).toBe(
      '2026-01-31',
    );
    expect(preHireClock({ preHireEntry: '2023-08-31', employments: [], today: '2023-09-01' }).deadline).toBe(
      '2025-08-31',
    );
    expect(preHireClock({ preHireEntry: '2024-02-29', employments: [], today: '2024-03-01' }).deadline).toBe(
      '2026-02-28',
    );
  });
});

describe('follow-up and overall limits', () => {
  it('follows a CDI for 6 calendar months', () => {
    expect(followUpEnd({ kind: 'cdi', start: '2024-03-01', end: null })).toBe('2024-09-01');
    expect(followUpEnd({ kind: 'cdi', start: '2024-08-31', end: null })).toBe('2025-02-28');
  });

  it('does not follow a CDD beyond its end', () => {
    expect(followUpEnd(cdd('2024-06-01', '2024-08-31'))).toBe('2024-08-31');
    expect(followUpEnd(cdd('2024-01-01', '2024-12-31'))).toBe('2024-07-01');
  });

  it('ends the whole process 30 months after pre-hire entry, CDDs or not', () => {
    expect(overallDeadline('2024-01-15')).toBe('2026-07-15');
    const clock = preHireClock({
      preHireEntry: '2024-01-15',
      employments: [cdd('2024-02-01', '2024-11-30')],
      today: '2025-01-01',
    });
    expect(clock.overallDeadline).toBe('2026-07-15');
    expect(clock.deadline > clock.overallDeadline).toBe(true);
  });
});

describe('pre-hire clock properties', () => {
  const employment = (anchor: fc.Arbitrary<string>) =>
    fc
      .record({
        kind: fc.constantFrom<EmploymentPeriod['kind']>('cdd', 'cdd', 'cdi', 'other'),
        start: anchor,
        length: fc.integer({ min: 0, max: 400 }),
        running: fc.boolean(),
      })
      .map(({ kind, start, length, running }) => ({
        kind,
        start,
        end: running ? null : addDays(start, length),
      }));
  const scenario = fc.record({
    preHireEntry: isoDate('2015-01-01', 3650),
    employments: fc.array(employment(isoDate('2014-01-01', 5000)), { maxLength: 6 }),
    todayOffset: fc.integer({ min: -30, max: 1500 }),
  });

  it('never shows negative days left', () => {
    fc.assert(
      fc.property(scenario, ({ preHireEntry, employments, todayOffset }) => {
        const clock = preHireClock({ preHireEntry, employments, today: addDays(preHireEntry, todayOffset) });
        return clock.daysLeft >= 0 && clock.overallDaysLeft >= 0;
      }),
    );
  });

  it('never suspends more days than have elapsed', () => {
    fc.assert(
      fc.property(scenario, ({ preHireEntry, employments, todayOffset }) => {
        const clock = preHireClock({ preHireEntry, employments, today: addDays(preHireEntry, todayOffset) });
        return clock.suspendedDays >= 0 && clock.suspendedDays <= clock.elapsedDays && clock.daysUsed >= 0;
      }),
    );
  });

  it('never counts a CDD entirely before pre-hire entry or entirely after today', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: 0, max: 300 }),
        ({ preHireEntry, employments, todayOffset }, gap, length) => {
          const today = addDays(preHireEntry, Math.max(0, todayOffset));
          const before = cdd(addDays(preHireEntry, -gap - length), addDays(preHireEntry, -gap));
          const after = cdd(addDays(today, gap), addDays(today, gap + length));
          const base = preHireClock({ preHireEntry, employments, today });
          const more = preHireClock({ preHireEntry, employments: [...employments, before, after], today });
          return more.suspendedDays === base.suspendedDays && more.deadline === base.deadline;
        },
      ),
    );
  });

  it('counts a duplicated period once', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ preHireEntry, employments, todayOffset }, pick) => {
        fc.pre(employments.length > 0);
        const today = addDays(preHireEntry, todayOffset);
        const duplicate = employments[pick % employments.length]!;
        const base = preHireClock({ preHireEntry, employments, today });
        const twice = preHireClock({ preHireEntry, employments: [...employments, duplicate], today });
        return twice.suspendedDays === base.suspendedDays;
      }),
    );
  });

  it('moves the deadline by exactly the suspended days, and used + left covers the 24 months', () => {
    fc.assert(
      fc.property(scenario, ({ preHireEntry, employments, todayOffset }) => {
        const today = addDays(preHireEntry, Math.max(0, todayOffset));
        const clock = preHireClock({ preHireEntry, employments, today });
        const allowance = daysBetween(preHireEntry, addMonths(preHireEntry, 24)) + 1;
        return (
          daysBetween(clock.baseDeadline, clock.deadline) === clock.suspendedDays &&
          (clock.expired || clock.daysUsed + clock.daysLeft === allowance)
        );
      }),
    );
  });

  it('lands 24 months later on the same day, or on the last day of a shorter month', () => {
    fc.assert(
      fc.property(isoDate('2000-01-01', 15_000), (entry) => {
        const deadline = preHireClock({ preHireEntry: entry, employments: [], today: entry }).deadline;
        const [y, m, d] = entry.split('-').map(Number) as [number, number, number];
        const [dy, dm, dd] = deadline.split('-').map(Number) as [number, number, number];
        const lastDay = new Date(Date.UTC(dy, dm, 0)).getUTCDate();
        return dy === y + 2 && dm === m && dd === Math.min(d, lastDay);
      }),
    );
  });

  it('counts the days of a union of periods no more than their sum and no less than the longest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: isoDate('2020-01-01', 400), length: fc.integer({ min: 0, max: 60 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        (raw) => {
          const intervals = raw.map(({ start, length }) => ({ start, end: addDays(start, length) }));
          const lengths = raw.map((r) => r.length + 1);
          const total = countDays(intervals);
          return total <= lengths.reduce((a, b) => a + b, 0) && total >= Math.max(...lengths);
        },
      ),
    );
  });
});
