import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBce, isValidBce, normaliseBce } from '../src/index.ts';

describe('enterprise number (BCE)', () => {
  it('accepts a number whose last two digits are 97 minus the rest modulo 97', () => {
    // 0203.201.340: 2032013 % 97 = 57, 97 - 57 = 40
    expect(isValidBce('0203.201.340')).toBe(true);
    expect(isValidBce('BE 0203 201 340')).toBe(true);
    expect(isValidBce('203201340')).toBe(true);
  });
  it('refuses a wrong check digit, letters, wrong length or a first digit other than 0 or 1', () => {
    expect(isValidBce('0203.201.341')).toBe(false);
    expect(isValidBce('02032013AB')).toBe(false);
    expect(isValidBce('02032013')).toBe(false);
    expect(isValidBce('2203201340')).toBe(false);
  });
  it('formats as 0xxx.xxx.xxx', () => {
    expect(formatBce('0203201340')).toBe('0203.201.340');
    expect(normaliseBce('0203.201.340')).toBe('0203201340');
  });
  it('every 8-digit base with its computed check is valid, and any other check is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 19_999_999 }), fc.integer({ min: 1, max: 96 }), (base, delta) => {
        const check = 97 - (base % 97);
        const good = `${String(base).padStart(8, '0')}${String(check).padStart(2, '0')}`;
        const badCheck = ((check - 1 + delta) % 97) + 1;
        const bad = `${String(base).padStart(8, '0')}${String(badCheck).padStart(2, '0')}`;
        return isValidBce(good) && (badCheck === check || !isValidBce(bad));
      }),
    );
  });
});
