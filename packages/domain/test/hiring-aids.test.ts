import { describe, expect, it } from 'vitest';
import {
  assessMatch,
  DEFAULT_HIRING_AID_RULES,
  estimateWageCost,
  findOccupation,
  type HiringAidFacts,
  type HiringAidRule,
  hiringAidsFor,
  isWalloonPostcode,
  joblessMonthsOn,
  naceSectionOption,
  OCCUPATIONS,
  searchOccupations,
} from '../src/index.ts';

const codes = (
  facts: HiringAidFacts,
  on: string,
  rules: readonly HiringAidRule[] = DEFAULT_HIRING_AID_RULES,
) => hiringAidsFor(facts, rules, on).map((a) => a.code);

// A 24-year-old without a job for 8 months and a 56-year-old without a job for 14 months, in Charleroi.
const young: HiringAidFacts = {
  birthDate: '2000-09-15',
  joblessMonths: 8,
  income: 'unemployment_benefit',
  postcode: '6000',
};
const older: HiringAidFacts = {
  birthDate: '1968-05-02',
  joblessMonths: 14,
  income: 'integration_income',
  postcode: '6000',
};

describe('hiring aids from the dated configuration', () => {
  it('gives the young and the older job seeker the aids in force on a day', () => {
    expect(codes(young, '2025-03-01')).toEqual(['impulsion_under_25', 'first_hires_reduction']);
    expect(codes(older, '2025-03-01')).toEqual([
      'impulsion_12_months',
      'impulsion_55_plus',
      'first_hires_reduction',
      'art60',
    ]);
    const [impulsion] = hiringAidsFor(young, DEFAULT_HIRING_AID_RULES, '2025-03-01');
    expect(impulsion?.because).toEqual(['24 ans (moins de 25 ans)', 'domicile en Wallonie']);
    expect(impulsion?.source).toContain('Décret wallon du 2 février 2017');
  });

  it('another day gives other aids: before Impulsion, the Activa plan', () => {
    // On 1 March 2017 the young person is 16 and the older one 48: only the rules then in force
    // apply, with the ages and jobless months of that day.
    expect(codes({ ...young, birthDate: '1992-09-15' }, '2017-03-01')).toEqual(['first_hires_reduction']);
    expect(codes({ ...older, birthDate: '1960-05-02' }, '2017-03-01')).toEqual([
      'activa',
      'first_hires_reduction',
      'art60',
    ]);
  });

  it('follows the configuration: a rule closed, a new amount from a date', () => {
    const impulsion = DEFAULT_HIRING_AID_RULES.find((r) => r.code === 'impulsion_under_25') as HiringAidRule;
    const rules: HiringAidRule[] = [
      { ...impulsion, validTo: '2025-06-30' },
      { ...impulsion, amount: '600 € par mois', monthlyAmount: 600, validFrom: '2025-07-01' },
    ];
    expect(hiringAidsFor(young, rules, '2025-06-01').map((a) => a.monthlyAmount)).toEqual([500]);
    expect(hiringAidsFor(young, rules, '2025-08-01').map((a) => a.monthlyAmount)).toEqual([600]);
    // Turning 25 on 15 September 2025 ends it.
    expect(hiringAidsFor(young, rules, '2025-09-15')).toEqual([]);
  });

  it('an unknown fact does not open an aid that depends on it; residence in Wallonia is checked', () => {
    expect(codes({ ...older, joblessMonths: null }, '2025-03-01')).not.toContain('impulsion_12_months');
    expect(codes({ ...young, birthDate: null }, '2025-03-01')).toEqual(['first_hires_reduction']);
    expect(codes({ ...young, postcode: '1000' }, '2025-03-01')).toEqual(['first_hires_reduction']);
    expect(joblessMonthsOn(6, '2024-11-15', '2025-03-01')).toBe(9);
    expect(joblessMonthsOn(null, '2024-11-15', '2025-03-01')).toBeNull();
    expect(isWalloonPostcode('1348')).toBe(true);
    expect(isWalloonPostcode('9000')).toBe(false);
  });

  it('every shipped rule states its amount, its start and its source', () => {
    for (const rule of DEFAULT_HIRING_AID_RULES) {
      expect(rule.source.length).toBeGreaterThan(10);
      expect(rule.amount.length).toBeGreaterThan(5);
      expect(rule.validTo === null || rule.validFrom <= rule.validTo).toBe(true);
    }
  });
});

describe('wage-cost estimate', () => {
  it('computes the monthly cost of the offer’s hours, minus the monthly aids, and says it is an estimate', () => {
    const e = estimateWageCost({
      grossHourly: 15,
      hoursPerWeek: 38,
      aids: [
        { name: 'Impulsion -25 ans', monthlyAmount: 500 },
        { name: 'Réduction groupe-cible premiers engagements', monthlyAmount: null },
      ],
      on: '2025-03-01',
    });
    expect(e.grossMonthly).toBe(2470);
    // 2470 + 25 % + (2470 × 1.25) / 12 + 2470 × 0.92 / 12 + 1.5 %
    expect(e.costBeforeAids).toBeCloseTo(2470 + 617.5 + 257.29 + 189.37 + 37.05, 1);
    expect(e.aidsDeducted).toBe(500);
    expect(e.costAfterAids).toBeCloseTo(e.costBeforeAids - 500, 2);
    expect(e.aidsNotCounted).toEqual(['Réduction groupe-cible premiers engagements']);
    expect(e.assumptions[0]).toContain('2025-03-01');
    expect(e.notice).toMatch(/^Estimation/);
  });
});

describe('occupations referential', () => {
  it('a sector picked from the referential matches the vacancy’s NACE section', () => {
    const wish = naceSectionOption('H');
    expect(wish).toBe('H — Transports et entreposage');
    const result = assessMatch(
      {
        drivingLicence: true,
        hasCar: true,
        publicTransport: true,
        maxTravelMinutes: null,
        commune: null,
        languages: [],
        scheduleDays: [],
        scheduleLimits: [],
        physicalLimits: [],
        singleParent: null,
        childrenCount: null,
        wishedSectors: [wish],
        wishedJobs: ['préparateur de commandes'],
        studies: null,
        cdiOnly: false,
        hiringAids: [],
      },
      {
        title: 'Préparateur de commandes (H/F)',
        sectorCode: '52.10',
        contract: { type: 'cdi' },
        hoursPerWeek: 38,
        schedule: ['day'],
        commune: null,
        published: {
          text: '',
          diplomaLevel: null,
          languages: [],
          drivingLicence: false,
          car: false,
          experienceYears: null,
        },
        objectified: null,
        physicalDemands: [],
      },
    );
    expect(result.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['wished_job', 'wished_sector']),
    );
  });

  it('finds « préparateur de commandes » as one types, in any of the four languages', () => {
    expect(searchOccupations('prépa')[0]?.fr).toBe('préparateur de commandes');
    expect(searchOccupations('orderpick')[0]?.code).toBe('order_picker');
    expect(searchOccupations('COMMANDES')[0]?.sections).toEqual(['H', 'G']);
    expect(findOccupation('Kommissionierer')?.fr).toBe('préparateur de commandes');
    expect(new Set(OCCUPATIONS.map((o) => o.code)).size).toBe(OCCUPATIONS.length);
  });
});
