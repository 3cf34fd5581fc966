import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageAt,
  brusselsDate,
  compareDates,
  daysBetween,
  daysInMonth,
  isIsoDate,
  maxDate,
  minDate,
  monthsBetween,
  parseIsoDate,
  toIsoDate,
} from '../src/index.ts';
import { isoDate } from './arbitraries.ts';

describe('calendar days (YYYY-MM-DD)', () => {
  it('reads a real day and refuses impossible or badly written ones', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2024-02-30')).toBeNull();
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-13-01')).toBeNull();
    expect(parseIsoDate('2024-1-01')).toBeNull();
    expect(parseIsoDate('01/02/2024')).toBeNull();
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
    // Only ASCII digits, exactly ten characters, nothing around them.
    for (const bad of [
      '２０２４-01-01',
      '2024-01-01 ',
      ' 2024-01-01',
      '2024-01-01\n',
      '2024/01/01',
      '0000-01-01',
      '+2024-1-01',
    ]) {
      expect(parseIsoDate(bad), bad).toBeNull();
      expect(() => compareDates(bad, '2024-01-01'), bad).toThrow(RangeError);
    }
  });

  it('counts and adds days as the proleptic Gregorian calendar does, from year 1 to 9999', () => {
    // Date's own arithmetic on UTC midnights, the reference the day numbers must agree with.
    const utc = (d: string) => {
      const { year, month, day } = parseIsoDate(d)!;
      const at = new Date(0);
      at.setUTCFullYear(year, month - 1, day);
      return at.getTime() / 86_400_000;
    };
    const anyDay = fc
      .record({
        year: fc.integer({ min: 1, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
      })
      .filter(({ year, month, day }) => day <= daysInMonth(year, month))
      .map(({ year, month, day }) => toIsoDate(year, month, day));
    fc.assert(
      fc.property(anyDay, anyDay, (a, b) => {
        expect(daysBetween(a, b)).toBe(utc(b) - utc(a));
        expect(addDays(a, utc(b) - utc(a))).toBe(b);
      }),
      { numRuns: 2000 },
    );
    expect(addDays('1600-02-28', 1)).toBe('1600-02-29');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('0001-01-01', 0)).toBe('0001-01-01');
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(toIsoDate(12, 3, 4)).toBe('0012-03-04');
    expect(() => toIsoDate(10_000, 1, 1)).toThrow(RangeError);
    expect(() => toIsoDate(2024, 2, 30)).toThrow(RangeError);
    expect(() => toIsoDate(2024, 1.5, 1)).toThrow(RangeError);
  });

  it('refuses to compute with an impossible day', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('2024-00-10', 1)).toThrow(RangeError);
  });

  it('adds days across month, year and daylight-saving boundaries', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-30', 1)).toBe('2024-03-31'); // clocks go forward in Brussels on 31 March
    expect(addDays('2024-10-27', 1)).toBe('2024-10-28'); // and back on 27 October
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('adds calendar months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 24)).toBe('2026-02-28');
    expect(addMonths('2024-01-15', 24)).toBe('2026-01-15');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('counts the days from a to b', () => {
    expect(daysBetween('2024-01-01', '2024-01-31')).toBe(30);
    expect(daysBetween('2024-06-01', '2024-08-31')).toBe(91);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('compares and picks the earliest or latest day', () => {
    expect(compareDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compareDates('2024-01-02', '2024-01-02')).toBe(0);
    expect(compareDates('2025-01-01', '2024-12-31')).toBe(1);
    expect(maxDate('2024-05-01', '2025-01-01', '2023-01-01')).toBe('2025-01-01');
    expect(minDate('2024-05-01', '2025-01-01', '2023-01-01')).toBe('2023-01-01');
  });

  it('counts whole calendar months', () => {
    expect(monthsBetween('2024-01-31', '2024-02-28')).toBe(0);
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsBetween('2024-01-15', '2024-03-14')).toBe(1);
    expect(monthsBetween('2024-01-15', '2024-03-15')).toBe(2);
    expect(monthsBetween('2024-03-15', '2024-01-15')).toBe(0);
  });

  it('counts whole months as the largest n whose addMonths is not after the end', () => {
    // The definition, by search: from the most months the years and months allow, down.
    const byDefinition = (a: string, b: string) => {
      if (compareDates(b, a) < 0) return 0;
      const from = parseIsoDate(a)!;
      const to = parseIsoDate(b)!;
      let n = (to.year - from.year) * 12 + (to.month - from.month);
      while (n > 0 && compareDates(addMonths(a, n), b) > 0) n -= 1;
      return n;
    };
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: -400, max: 2000 }), (a, days) => {
        const b = addDays(a, days);
        expect(monthsBetween(a, b)).toBe(byDefinition(a, b));
      }),
      { numRuns: 3000 },
    );
    // The ends of months, where the day is clamped.
    for (const [a, b, n] of [
      ['2024-03-31', '2024-04-30', 1],
      ['2024-03-31', '2024-04-29', 0],
      ['2023-12-31', '2024-02-29', 2],
      ['2024-02-29', '2025-02-28', 12],
      ['2024-02-29', '2025-02-27', 11],
    ] as const) {
      expect(monthsBetween(a, b), `${a} → ${b}`).toBe(n);
    }
  });

  it('gives the age as the years whose anniversary is reached', () => {
    fc.assert(
      fc.property(isoDate(), isoDate(), (birth, on) => {
        const b = parseIsoDate(birth)!;
        const d = parseIsoDate(on)!;
        const reached = d.month > b.month || (d.month === b.month && d.day >= b.day);
        expect(ageAt(birth, on)).toBe(d.year - b.year - (reached ? 0 : 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the age in whole years, a day before and on the birthday', () => {
    expect(ageAt('1978-06-10', '2024-06-09')).toBe(45);
    expect(ageAt('1978-06-10', '2024-06-10')).toBe(46);
    expect(ageAt('2000-02-29', '2023-02-28')).toBe(22);
    expect(ageAt('2000-02-29', '2023-03-01')).toBe(23);
  });

  it('turns an instant into the Brussels calendar day', () => {
    expect(brusselsDate(new Date('2024-06-30T22:30:00Z'))).toBe('2024-07-01'); // 00:30 in summer time
    expect(brusselsDate(new Date('2024-12-31T22:59:00Z'))).toBe('2024-12-31'); // 23:59 in winter time
  });

  it('adding n days then measuring gives back n', () => {
    fc.assert(
      fc.property(
        isoDate(),
        fc.integer({ min: -5000, max: 5000 }),
        (d, n) => daysBetween(d, addDays(d, n)) === n,
      ),
    );
  });

  it('adding months lands in the right month on the same day, or that month’s last day', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: -60, max: 60 }), (d, n) => {
        const from = parseIsoDate(d)!;
        const to = parseIsoDate(addMonths(d, n))!;
        const index = from.year * 12 + from.month - 1 + n;
        return (
          to.year * 12 + to.month - 1 === index &&
          to.day === Math.min(from.day, daysInMonth(to.year, to.month))
        );
      }),
    );
  });

  it('n months after a day are exactly n whole months later', () => {
    fc.assert(
      fc.property(isoDate(), fc.integer({ min: 0, max: 60 }), (d, n) => {
        const from = parseIsoDate(d)!;
        // From a day that exists in every month, the count is exact.
        return from.day > 28 || monthsBetween(d, addMonths(d, n)) === n;
      }),
    );
  });
});
