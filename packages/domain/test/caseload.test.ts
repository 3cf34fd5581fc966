import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseloadStatus } from '../src/index.ts';

describe('jobcoach caseload', () => {
  it('a half-time coach with 11 active persons is over a capacity of 10', () => {
    expect(caseloadStatus(11, 0.5)).toEqual({ capacity: 10, activeCount: 11, over: true, ratio: 1.1 });
  });

  it('a full-time coach with 20 active persons is full but not over', () => {
    expect(caseloadStatus(20, 1)).toMatchObject({ capacity: 20, over: false, ratio: 1 });
  });

  it('uses the coach’s own persons-per-FTE figure', () => {
    expect(caseloadStatus(20, 1, 25)).toMatchObject({ capacity: 25, over: false, ratio: 0.8 });
  });

  it('shows a coach without FTE as over as soon as one person is active, without a ratio', () => {
    expect(caseloadStatus(0, 0)).toEqual({ capacity: 0, activeCount: 0, over: false, ratio: null });
    expect(caseloadStatus(1, 0)).toMatchObject({ over: true, ratio: null });
  });

  it('avoids floating-point noise in the capacity', () => {
    expect(caseloadStatus(0, 0.7).capacity).toBe(14);
    expect(caseloadStatus(0, 0.15).capacity).toBe(3);
  });

  it('refuses a negative FTE or a fractional number of persons', () => {
    expect(() => caseloadStatus(3, -1)).toThrow(RangeError);
    expect(() => caseloadStatus(1.5, 1)).toThrow(RangeError);
  });

  it('is over exactly when the ratio exceeds 1', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.integer({ min: 1, max: 20 }), (active, tenths) => {
        const status = caseloadStatus(active, tenths / 10);
        return status.over === (status.ratio !== null && status.ratio > 1);
      }),
    );
  });
});
