import { describe, expect, it } from 'vitest';
import { memoizedByText } from '../src/memo.ts';
import { findPlace } from '../src/places/places.ts';

describe('memoizedByText', () => {
  it('computes each text once, nothing and null included, and gives the same value back', () => {
    const calls: string[] = [];
    const upper = memoizedByText((text) => {
      calls.push(text);
      return text === '' ? null : { text: text.toUpperCase() };
    }, 10);
    const first = upper('fleurus');
    expect(upper('fleurus')).toBe(first);
    expect(upper('')).toBeNull();
    expect(upper('')).toBeNull();
    expect(calls).toEqual(['fleurus', '']);
  });

  it('forgets everything past its bound, and still answers right', () => {
    const calls: string[] = [];
    const length = memoizedByText((text) => {
      calls.push(text);
      return text.length;
    }, 3);
    for (const text of ['a', 'bb', 'ccc']) length(text);
    expect(length('dddd')).toBe(4); // the fourth empties the memo
    expect(length('a')).toBe(1);
    expect(calls).toEqual(['a', 'bb', 'ccc', 'dddd', 'a']);
  });

  it('keeps findPlace answering as before for names asked again', () => {
    for (let i = 0; i < 2; i++) {
      expect(findPlace('la louviere')?.name).toBe('La Louvière');
      expect(findPlace('Bruxelles')?.name).toBe('Brussels');
      expect(findPlace('Nulle-part-sur-Sambre')).toBeNull();
    }
  });
});
