import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortInPlace } from '../src/index.ts';

describe('sorting in place', () => {
  it('orders as the built-in sort, keeping equal items in their order, short lists or long', () => {
    const item = fc.record({ key: fc.integer({ min: 0, max: 5 }), at: fc.nat() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
        const expected = [...items].sort(byKey);
        const list = [...items];
        expect(sortInPlace(list, byKey)).toBe(list);
        // The same objects in the same order: equal keys keep the order they came in.
        expect(list).toStrictEqual(expected);
        for (const [i, x] of list.entries()) expect(x).toBe(expected[i]);
      }),
      { numRuns: 500 },
    );
  });
});
