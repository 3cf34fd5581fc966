import fc from 'fast-check';
import { addDays, type IsoDate } from '../src/index.ts';

/** Any calendar day between 1990-01-01 and about 2040. */
export const isoDate = (from: IsoDate = '1990-01-01', spanDays = 18_500): fc.Arbitrary<IsoDate> =>
  fc.integer({ min: 0, max: spanDays }).map((n) => addDays(from, n));
