import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  EXIT_REASONS,
  frenchDate,
  isObservedFor,
  monthsBetween,
  OUTCOME_COHORT_COLUMNS,
  OUTCOME_EXIT_COLUMNS,
  observedWeeks,
  PRACTICE_COLUMNS,
  practiceDay,
  quarterOf,
  quartersOverlapping,
  type ReportColumn,
  SMALL_CELL,
  suppressSmallCells,
} from '../src/index.ts';
import { isoDate } from './arbitraries.ts';

describe('entry cohorts (calendar quarters)', () => {
  it('names a quarter "YYYY Tn" and gives its first and last day', () => {
    expect(quarterOf('2024-01-01')).toEqual({
      key: '2024-Q1',
      label: '2024 T1',
      start: '2024-01-01',
      end: '2024-03-31',
    });
    expect(quarterOf('2024-05-31')).toMatchObject({ key: '2024-Q2', start: '2024-04-01', end: '2024-06-30' });
    expect(quarterOf('2023-09-30')).toMatchObject({ label: '2023 T3', end: '2023-09-30' });
    expect(quarterOf('2023-12-31')).toMatchObject({
      label: '2023 T4',
      start: '2023-10-01',
      end: '2023-12-31',
    });
  });

  it('holds every day in its quarter, quarters three months long', () => {
    fc.assert(
      fc.property(isoDate(), (day) => {
        const q = quarterOf(day);
        expect(compareDates(q.start, day)).toBeLessThanOrEqual(0);
        expect(compareDates(day, q.end)).toBeLessThanOrEqual(0);
        expect(addDays(q.end, 1)).toBe(addMonths(q.start, 3));
        expect(q.start.slice(5)).toMatch(/^(01|04|07|10)-01$/);
      }),
    );
  });

  it('lists the quarters overlapping a period, whole, oldest first', () => {
    expect(quartersOverlapping('2024-02-15', '2024-04-01').map((q) => q.label)).toEqual([
      '2024 T1',
      '2024 T2',
    ]);
    expect(quartersOverlapping('2023-12-31', '2024-01-01').map((q) => q.key)).toEqual(['2023-Q4', '2024-Q1']);
    expect(quartersOverlapping('2024-01-01', '2024-12-31')).toHaveLength(4);
    expect(quartersOverlapping('2024-05-01', '2024-04-30')).toEqual([]);
  });

  it('covers a period with adjacent quarters and nothing more', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: 0, max: 2000 }), (from, span) => {
        const to = addDays(from, span);
        const quarters = quartersOverlapping(from, to);
        expect(quarters[0]?.key).toBe(quarterOf(from).key);
        expect(quarters.at(-1)?.key).toBe(quarterOf(to).key);
        quarters.slice(1).forEach((q, i) => {
          expect(q.start).toBe(addDays(quarters[i]!.end, 1));
        });
      }),
    );
  });
});

describe('censoring', () => {
  it('observes a person N calendar months after the start, on the day itself', () => {
    expect(isObservedFor('2024-03-31', 12, '2025-03-30')).toBe(false);
    expect(isObservedFor('2024-03-31', 12, '2025-03-31')).toBe(true);
    // 31 August + 6 months is the last day of February.
    expect(isObservedFor('2024-08-31', 6, '2025-02-27')).toBe(false);
    expect(isObservedFor('2024-08-31', 6, '2025-02-28')).toBe(true);
  });

  it('agrees with whole calendar months elapsed', () => {
    fc.assert(
      fc.property(isoDate(), isoDate(), fc.integer({ min: 1, max: 24 }), (start, today, months) => {
        expect(isObservedFor(start, months, today)).toBe(monthsBetween(start, today) >= months);
      }),
    );
  });
});

describe('practice indicators', () => {
  it('stands on the period end, or today when the period is not over', () => {
    expect(practiceDay('2024-06-30', '2025-01-01')).toBe('2024-06-30');
    expect(practiceDay('2024-06-30', '2024-05-10')).toBe('2024-05-10');
  });

  it('counts the weeks elapsed in the period, both ends included', () => {
    expect(observedWeeks('2024-01-01', '2024-06-30', '2025-01-01')).toBe(26);
    expect(observedWeeks('2024-01-01', '2024-12-31', '2024-01-07')).toBe(1);
    expect(observedWeeks('2024-01-01', '2024-12-31', '2023-12-31')).toBe(0);
  });
});

describe('outcome table definitions', () => {
  const tables: [string, readonly ReportColumn[]][] = [
    ['cohorts', OUTCOME_COHORT_COLUMNS],
    ['exits', OUTCOME_EXIT_COLUMNS],
    ['practice', PRACTICE_COLUMNS],
  ];

  it.each(tables)('%s: every derived column rests on a persons column', (_, columns) => {
    const keys = new Set(columns.map((c) => c.key));
    expect(keys.size).toBe(columns.length);
    for (const column of columns) {
      if (column.kind === 'percent' || column.kind === 'days') {
        expect(columns.find((c) => c.key === column.basis)?.kind, column.key).toBe('persons');
      }
      for (const member of column.sumOf ?? []) expect(keys.has(member), member).toBe(true);
    }
  });

  it('has one exit column per exit reason', () => {
    expect(OUTCOME_EXIT_COLUMNS.map((c) => c.key)).toEqual([
      'entered',
      ...EXIT_REASONS,
      'exited',
      'still_coached',
    ]);
  });

  it('hides a cohort share along with its small count, and a second exit reason by subtraction', () => {
    const cohortValues = (entered: number, hired: number) =>
      Object.fromEntries(
        OUTCOME_COHORT_COLUMNS.map((c) => [
          c.key,
          c.key === 'entered' ? entered : c.key === 'hired' ? hired : c.kind === 'persons' ? 0 : 50,
        ]),
      );
    const cohorts = suppressSmallCells({
      id: 'outcomes_cohorts',
      title: 't',
      columns: [...OUTCOME_COHORT_COLUMNS],
      rows: [
        { key: 'a', label: 'a', values: cohortValues(3, 2) },
        { key: 'b', label: 'b', values: cohortValues(20, 10) },
      ],
    });
    expect(cohorts.rows[0]?.values).toMatchObject({
      entered: SMALL_CELL,
      contract_3m: SMALL_CELL,
      cdi_share: SMALL_CELL,
    });
    expect(cohorts.rows[1]?.values).toMatchObject({ entered: 20, contract_3m: 50, cdi_share: 50 });

    const exitValues = Object.fromEntries(OUTCOME_EXIT_COLUMNS.map((c) => [c.key, 0]));
    const exits = suppressSmallCells({
      id: 'outcomes_exits',
      title: 't',
      columns: [...OUTCOME_EXIT_COLUMNS],
      rows: [
        {
          key: 'a',
          label: 'a',
          values: {
            ...exitValues,
            consolidated_insertion: 2,
            left_voluntarily: 9,
            exited: 11,
            still_coached: 9,
            entered: 20,
          },
        },
      ],
    });
    expect(exits.rows[0]?.values).toMatchObject({
      consolidated_insertion: SMALL_CELL,
      left_voluntarily: SMALL_CELL,
    });
  });

  it('prints dates the Belgian way', () => {
    expect(frenchDate('2025-03-05')).toBe('05/03/2025');
  });
});
