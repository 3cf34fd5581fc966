import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageBand,
  isSmallCount,
  OLD_MIN_AGE,
  percentOf,
  type ReportTable,
  type ReportValue,
  ratioOf,
  SMALL_CELL,
  suppressReport,
  suppressSmallCells,
  validateReportPeriod,
  YOUNG_MAX_AGE,
} from '../src/index.ts';
import { isoDate } from './arbitraries.ts';

describe('report period', () => {
  it('accepts March to December 2002 and a single day', () => {
    expect(validateReportPeriod('2002-03-01', '2002-12-31')).toEqual([]);
    expect(validateReportPeriod('2002-03-01', '2002-03-01')).toEqual([]);
  });
  it('names the field of a malformed or reversed period, in French', () => {
    expect(validateReportPeriod('2002-02-30', '2002-12-31')).toEqual([
      { field: 'from', message: 'date invalide (AAAA-MM-JJ attendu).' },
    ]);
    expect(validateReportPeriod('2002-03-01', 12)[0]?.field).toBe('to');
    expect(validateReportPeriod('2002-03-01', '2002-02-28')).toEqual([
      { field: 'to', message: 'la date de fin précède la date de début.' },
    ]);
  });
  it('allows at most ten years: up to the day before the tenth anniversary', () => {
    expect(validateReportPeriod('2002-03-01', '2012-02-29')).toEqual([]);
    expect(validateReportPeriod('2002-03-01', '2012-03-01')[0]?.field).toBe('to');
  });
  it('accepts exactly the periods from ≤ to < from + 10 years (property)', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: -400, max: 4000 }), (from, days) => {
        const to = addDays(from, days);
        const ok = days >= 0 && to < addMonths(from, 120);
        expect(validateReportPeriod(from, to).length === 0).toBe(ok);
      }),
    );
  });
});

describe('age bands used by the SQL', () => {
  it('cut where ageBand cuts', () => {
    expect(ageBand(YOUNG_MAX_AGE)).toBe('under_25');
    expect(ageBand(YOUNG_MAX_AGE + 1)).toBe('25_45');
    expect(ageBand(OLD_MIN_AGE - 1)).toBe('25_45');
    expect(ageBand(OLD_MIN_AGE)).toBe('over_45');
  });
});

describe('percentages and ratios', () => {
  it('gives column percentages with one decimal, rounded half up', () => {
    expect(percentOf(31, 86)).toBe(36);
    expect(percentOf(55, 86)).toBe(64);
    expect(percentOf(31, 66)).toBe(47);
    expect(percentOf(62, 152)).toBe(40.8);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 16)).toBe(6.3); // 6.25 → 6.3
    expect(percentOf(154, 311)).toBe(49.5);
    expect(percentOf(0, 10)).toBe(0);
    expect(percentOf(3, 0)).toBeNull();
  });
  it('stays within one twentieth of the exact share (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (whole, p) => {
        const part = p % (whole + 1);
        const pct = percentOf(part, whole) as number;
        expect(Math.abs(pct - (100 * part) / whole)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.round(pct * 10)).toBeCloseTo(pct * 10, 9);
      }),
    );
  });
  it('gives averages per FTE with two decimals', () => {
    expect(ratioOf(311, 6)).toBe(51.83);
    expect(ratioOf(491, 6)).toBe(81.83);
    expect(ratioOf(43, 0.5)).toBe(86);
    expect(ratioOf(4, 0)).toBeNull();
  });
});

const bySex = (cells: Record<string, [number, number, number]>): ReportTable => {
  const rows = Object.entries(cells).map(([key, [women, men, notStated]]) => {
    const total = women + men + notStated;
    return {
      key,
      label: key,
      group: 'age',
      ...(key === 'total' ? { total: true } : {}),
      values: {
        women,
        men,
        not_stated: notStated,
        total,
        women_pct: women,
        men_pct: men,
        total_pct: total,
      } as Record<string, ReportValue>,
    };
  });
  return {
    id: 'by_sex',
    title: 'Par sexe',
    columns: [
      { key: 'women', label: 'Femmes', kind: 'persons' },
      { key: 'women_pct', label: '%', kind: 'percent', basis: 'women' },
      { key: 'men', label: 'Hommes', kind: 'persons' },
      { key: 'men_pct', label: '%', kind: 'percent', basis: 'men' },
      { key: 'total', label: 'Total', kind: 'persons', sumOf: ['women', 'men', 'not_stated'] },
      { key: 'total_pct', label: '%', kind: 'percent', basis: 'total' },
      { key: 'not_stated', label: 'NC', kind: 'persons' },
    ],
    rows,
  };
};

describe('small-cell suppression', () => {
  it('hides 1 to 4 persons, keeps 0 and 5 and more, and hides the shares computed on them', () => {
    const out = suppressSmallCells(
      bySex({ young: [3, 20, 0], middle: [30, 40, 0], old: [0, 12, 0], total: [33, 72, 0] }),
    );
    const young = out.rows[0]!.values;
    expect(young.women).toBe(SMALL_CELL);
    expect(young.women_pct).toBe(SMALL_CELL);
    // The row total (23) would give the 3 back from the men's 20: the 20 is hidden as well.
    expect(young.men).toBe(SMALL_CELL);
    expect(young.total).toBe(23);
    expect(out.rows[2]!.values.women).toBe(0);
  });

  it('hides a second cell so that a hidden one cannot be found by subtraction', () => {
    const out = suppressSmallCells(
      bySex({ young: [3, 20, 0], middle: [30, 40, 0], old: [7, 12, 0], total: [40, 72, 0] }),
    );
    // Women: 3 hidden, so the smallest other non-zero (7) is hidden too.
    expect(out.rows[2]!.values.women).toBe(SMALL_CELL);
    expect(out.rows[2]!.values.women_pct).toBe(SMALL_CELL);
    expect(out.rows[1]!.values.women).toBe(30);
    // Across the row: total = 23 visible, women hidden, so men (20) is hidden as well.
    expect(out.rows[0]!.values.men).toBe(SMALL_CELL);
  });

  it('leaves the table given untouched and a coordinator-free table unchanged when nothing is small', () => {
    const table = bySex({ a: [10, 20, 0], b: [30, 40, 0], total: [40, 60, 0] });
    const copy = structuredClone(table);
    expect(suppressReport([table])[0]).toEqual(copy);
    expect(table).toEqual(copy);
  });

  it('mixes persons and counts in one column through the row kind', () => {
    const table: ReportTable = {
      id: 'headline',
      title: 'Chiffres clés',
      columns: [{ key: 'value', label: 'Nombre', kind: 'count' }],
      rows: [
        { key: 'employers', label: 'Employeurs', values: { value: 3 } },
        { key: 'coached', label: 'Personnes', kind: 'persons', values: { value: 3 } },
      ],
    };
    const out = suppressSmallCells(table);
    expect(out.rows[0]!.values.value).toBe(3);
    expect(out.rows[1]!.values.value).toBe(SMALL_CELL);
  });

  it('never lets a count of 1 to 4 be read or recovered from a visible total (property)', () => {
    const cell = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 5 }), (members) => {
        const cells: Record<string, [number, number, number]> = {};
        members.forEach((m, i) => {
          cells[`r${i}`] = m;
        });
        const sums: [number, number, number] = [0, 1, 2].map((j) =>
          members.reduce((s, m) => s + m[j]!, 0),
        ) as [number, number, number];
        cells.total = sums;
        const table = bySex(cells);
        const out = suppressSmallCells(table);
        const keys = ['women', 'men', 'not_stated', 'total'];
        out.rows.forEach((row, r) => {
          for (const k of keys) {
            const v = row.values[k];
            expect(isSmallCount(v ?? null)).toBe(false);
            // A hidden small count is not the only hidden cell of its column group...
            if (v === SMALL_CELL && isSmallCount(table.rows[r]!.values[k] ?? null)) {
              const totalVisible = typeof out.rows.at(-1)!.values[k] === 'number';
              const hiddenInColumn = out.rows.slice(0, -1).filter((x) => x.values[k] === SMALL_CELL).length;
              if (totalVisible && r < out.rows.length - 1) expect(hiddenInColumn).toBeGreaterThanOrEqual(2);
              // ...nor of its row among the sexes when the row total is visible.
              if (k !== 'total' && typeof row.values.total === 'number') {
                const hiddenInRow = ['women', 'men', 'not_stated'].filter(
                  (x) => row.values[x] === SMALL_CELL,
                );
                expect(hiddenInRow.length).toBeGreaterThanOrEqual(2);
              }
            }
          }
          for (const [pct, basis] of [
            ['women_pct', 'women'],
            ['men_pct', 'men'],
            ['total_pct', 'total'],
          ] as const) {
            if (row.values[basis] === SMALL_CELL) expect(row.values[pct]).toBe(SMALL_CELL);
          }
        });
      }),
    );
  });
});
