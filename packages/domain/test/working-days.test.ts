import { describe, expect, it } from 'vitest';
import { belgianPublicHolidays, easterSunday, isBelgianWorkingDay } from '../src/calendar.ts';

describe('Belgian working days', () => {
  it('finds Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('lists the ten public holidays of 2026', () => {
    expect(belgianPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-07-21',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('keeps weekdays that are not holidays', () => {
    expect(isBelgianWorkingDay('2026-12-03')).toBe(true); // Thursday
    expect(isBelgianWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isBelgianWorkingDay('2026-12-06')).toBe(false); // Sunday
    expect(isBelgianWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isBelgianWorkingDay('2026-07-21')).toBe(false); // National Day, a Tuesday
    expect(isBelgianWorkingDay('2026-11-11')).toBe(false); // Armistice, a Wednesday
    expect(isBelgianWorkingDay('2026-09-27')).toBe(false); // a Sunday anyway
    expect(isBelgianWorkingDay('2026-09-28')).toBe(true); // regional days are not days off by law
    expect(() => isBelgianWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});
