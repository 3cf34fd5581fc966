import { vacancyInputSchema } from '@jobcoach/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRowFast, type RowCandidate } from '../src/imports/vacancy-row-check.ts';

/**
 * The import's hand-written row check (imports/vacancy-row-check.ts) may only accept what the
 * schema of POST /api/vacancies accepts, and must then give exactly the schema's values; anything
 * else goes to the schema, which words the errors.
 */
const rowSchema = vacancyInputSchema.omit({ employerId: true });

const typical: RowCandidate = {
  title: 'Aide-ménager·ère',
  source: 'forem',
  sourceRef: 'F-2025-000123',
  placeOfWork: 'Rue de la Gare 5, Namur',
  commune: 'Namur',
  openings: 2,
  contract: { type: 'cdd', months: 6 },
  hoursPerWeek: 19.04,
  schedule: ['day', 'weekend', 'day'],
  sectorCode: '81.21',
  published: {
    text: 'Permis B souhaité',
    diplomaLevel: 'cesi',
    languages: [
      { code: 'fr', understand: 'fluent', speak: 'fluent' },
      { code: 'nl', read: 'basic' },
    ],
    drivingLicence: true,
    car: false,
    experienceYears: 1,
  },
  physicalDemands: [],
  status: 'open',
  openedOn: '2025-03-01',
  closedOn: null,
};

const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: max + 2 }),
    fc.constantFrom('', ' padded ', 'nul\u0000', 'x'.repeat(max), 'x'.repeat(max + 1), 'ok'),
  );
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constant(null), fc.constant(undefined));
const number = fc.oneof(
  fc.integer({ min: -2, max: 1000 }),
  fc.double({ min: -1, max: 130, noNaN: false }),
  fc.constantFrom(0, 0.04, 60, 60.01, 120, 121, Number.NaN, Number.POSITIVE_INFINITY),
);
/** Mostly the ordinary value, sometimes anything: most rows mix a few odd cells with good ones. */
const often = <T>(usual: unknown, odd: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(usual as T) }, { weight: 1, arbitrary: odd });
const t = typical;
const candidate = fc.record({
  title: often(t.title, text(200)),
  source: often(t.source, fc.constantFrom('forem', 'newspaper', 'other', 'FOREm', '')),
  sourceRef: often(t.sourceRef, text(100)),
  placeOfWork: often(t.placeOfWork, maybe(text(300))),
  commune: often(t.commune, maybe(text(100))),
  openings: often(t.openings, fc.oneof(number, fc.constant(undefined))),
  contract: often(
    t.contract,
    fc.record({
      type: fc.constantFrom('cdi', 'cdd', 'interim', 'other', 'CDD'),
      months: maybe(number),
    }),
  ),
  hoursPerWeek: often(t.hoursPerWeek, maybe(number)),
  schedule: often(
    t.schedule,
    fc.oneof(
      fc.array(fc.constantFrom('day', 'evening', 'night', 'weekend', 'shifts', 'dawn'), { maxLength: 12 }),
      fc.constant(undefined),
    ),
  ),
  sectorCode: often(
    t.sectorCode,
    maybe(fc.constantFrom('81.21', '56', 'F', 'f43.2', '', '  ', 'ZZ', '99.99.99.99.99.99.99.99')),
  ),
  published: fc.record({
    text: often(t.published.text, text(5000)),
    diplomaLevel: often(
      t.published.diplomaLevel,
      maybe(fc.constantFrom('none', 'ceb', 'cesi', 'cess', 'higher', 'master')),
    ),
    languages: often(
      t.published.languages,
      fc.array(
        fc.record({
          code: fc.constantFrom(
            'fr',
            'nl',
            ' en ',
            'français',
            'Néerlandais',
            '',
            'x'.repeat(31),
            'de\u0000',
          ),
          understand: fc.constantFrom(undefined, 'basic', 'good', 'fluent', 'native'),
          speak: fc.constantFrom(undefined, 'basic', 'fluent', 'reads'),
          read: fc.constantFrom(undefined, 'good'),
        }),
        { maxLength: 12 },
      ),
    ),
    drivingLicence: fc.constantFrom(true, false),
    car: fc.constantFrom(true, false),
    experienceYears: often(t.published.experienceYears, maybe(number)),
  }),
  physicalDemands: often(t.physicalDemands, fc.constantFrom([], undefined, ['outdoor'])),
  status: often(t.status, fc.constantFrom('open', 'filled', 'closed', 'draft', undefined)),
  openedOn: often(
    t.openedOn,
    fc.constantFrom('2025-03-01', '2024-02-29', '2023-02-29', '1899-12-31', '2101-01-01', '01/03/2025', ''),
  ),
  closedOn: often(t.closedOn, maybe(fc.constantFrom('2025-06-30', '2025-02-30', 'demain'))),
}) as unknown as fc.Arbitrary<RowCandidate>;

describe('the import row check', () => {
  it('accepts an ordinary row with the schema’s own values', () => {
    const fast = checkRowFast(typical);
    const parsed = rowSchema.safeParse(typical);
    expect(parsed.success).toBe(true);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(parsed.data);
    expect(fast?.hoursPerWeek).toBe(19);
    expect(fast?.schedule).toEqual(['day', 'weekend']);
  });

  it('never accepts what the schema refuses, and gives the schema’s values when it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(candidate, (c) => {
        const fast = checkRowFast(c);
        if (fast === null) return;
        accepted++;
        const parsed = rowSchema.safeParse(c);
        expect(parsed.success).toBe(true);
        expect(fast).toEqual(parsed.data);
      }),
      { numRuns: 3000 },
    );
    // The property must also have exercised the accepting side.
    expect(accepted).toBeGreaterThan(100);
  });
});
