import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNiss, isBisNiss, isValidNiss, nissBirthDate, normaliseNiss } from '../src/index.ts';

describe('national register number (NISS)', () => {
  it('accepts a number born in the 1900s whose check is 97 minus the first nine digits modulo 97', () => {
    // 850730033 % 97 = 69, 97 - 69 = 28
    expect(isValidNiss('85.07.30-033.28')).toBe(true);
    expect(isValidNiss('85073003328')).toBe(true);
    expect(isValidNiss('850730 033 28')).toBe(true);
    expect(nissBirthDate('85.07.30-033.28')).toBe('1985-07-30');
  });

  it('accepts a person born from 2000 only with the check computed on "2" + the first nine digits', () => {
    // 2020315123 % 97 = 93, 97 - 93 = 4; without the "2": 020315123 % 97 = 25, check would be 72
    expect(isValidNiss('02.03.15-123.04')).toBe(true);
    expect(nissBirthDate('02.03.15-123.04')).toBe('2002-03-15');
    // The same digits with the 1900s check are a different person, born in 1902.
    expect(isValidNiss('02.03.15-123.72')).toBe(true);
    expect(nissBirthDate('02.03.15-123.72')).toBe('1902-03-15');
  });

  it('refuses a wrong check, wrong length, letters or an impossible month', () => {
    expect(isValidNiss('85.07.30-033.29')).toBe(false);
    expect(isValidNiss('85.07.30-033.2')).toBe(false);
    expect(isValidNiss('85.07.30-03A.28')).toBe(false);
    expect(isValidNiss('')).toBe(false);
    // month 13: 851330033 % 97 = 27 → check 70, yet no such month exists
    expect(isValidNiss('85.13.30-033.70')).toBe(false);
  });

  it('validates a number with an unknown birth month or day but gives no birth date', () => {
    // 850000033 % 97 = 91 → 06
    expect(isValidNiss('85.00.00-033.06')).toBe(true);
    expect(nissBirthDate('85.00.00-033.06')).toBeNull();
  });

  it('validates a bis number (month + 20 or + 40) but gives no birth date', () => {
    // 852730033 % 97 = 26 → 71; 854730033 % 97 = 80 → 17
    expect(isValidNiss('85.27.30-033.71')).toBe(true);
    expect(isBisNiss('85.27.30-033.71')).toBe(true);
    expect(nissBirthDate('85.27.30-033.71')).toBeNull();
    expect(isValidNiss('85.47.30-033.17')).toBe(true);
    expect(nissBirthDate('85.47.30-033.17')).toBeNull();
    expect(isBisNiss('85.07.30-033.28')).toBe(false);
  });

  it('gives no birth date for an invalid number or an impossible day', () => {
    expect(nissBirthDate('85.07.30-033.29')).toBeNull();
    // 850230033 % 97 = 7 → 90: 30 February
    expect(isValidNiss('85.02.30-033.90')).toBe(true);
    expect(nissBirthDate('85.02.30-033.90')).toBeNull();
  });

  it('formats as YY.MM.DD-SSS.CC and normalises to 11 digits', () => {
    expect(formatNiss('85073003328')).toBe('85.07.30-033.28');
    expect(normaliseNiss('85.07.30-033.28')).toBe('85073003328');
    expect(normaliseNiss('85.07.30')).toBeNull();
  });

  it('every real birth date with its computed check is valid and gives back its birth date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 36_500 }),
        fc.integer({ min: 1, max: 998 }),
        fc.integer({ min: 1, max: 96 }),
        (dayOffset, serial, delta) => {
          const birth = new Date(Date.UTC(1925, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);
          const [yyyy, mm, dd] = birth.split('-') as [string, string, string];
          const base = `${yyyy.slice(2)}${mm}${dd}${String(serial).padStart(3, '0')}`;
          const checked = Number(Number(yyyy) >= 2000 ? `2${base}` : base);
          const check = 97 - (checked % 97);
          const niss = `${base}${String(check).padStart(2, '0')}`;
          const wrongCheck = ((check - 1 + delta) % 97) + 1;
          const wrong = `${base}${String(wrongCheck).padStart(2, '0')}`;
          expect(isValidNiss(formatNiss(niss))).toBe(true);
          expect(nissBirthDate(niss)).toBe(birth);
          // A wrong check is refused, unless it happens to be the other century's check.
          const otherCentury = 97 - (Number(Number(yyyy) >= 2000 ? base : `2${base}`) % 97);
          expect(isValidNiss(wrong)).toBe(wrongCheck === otherCentury);
        },
      ),
    );
  });
});
