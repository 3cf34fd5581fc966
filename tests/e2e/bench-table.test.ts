import { describe, expect, it } from 'vitest';
import { judgedAt, type Measure } from '../../bench/src/table.ts';

const measure = (name: string, budget: string | null, pass: boolean | null): Measure => ({
  name,
  unit: 'ms',
  ours: 3,
  baseline: 1,
  ratio: 3,
  budget,
  pass,
});

// The PostgreSQL budgets are the region's: a run at the pilot scale must not print them as missed.
describe('the bench judges the PostgreSQL budgets at the region scale only', () => {
  const measures = [measure('Ma journée, server CPU', '≤ 2× baseline', false), measure('p50', null, null)];

  it('judges them at the region scale', () => {
    expect(judgedAt('region', measures)).toEqual(measures);
  });

  it('shows them as the region’s, neither passed nor missed, at another scale', () => {
    for (const scale of ['pilot', 'skewed']) {
      const [budgeted, plain] = judgedAt(scale, measures);
      expect(budgeted).toMatchObject({ budget: '(region) ≤ 2× baseline', pass: null, ours: 3 });
      expect(plain).toEqual(measures[1]);
    }
  });
});
