/** One line of the results table: our figure, the baseline measured in the same run, the budget. */
export interface Measure {
  name: string;
  unit: string;
  ours: number;
  /** The fastest way to get the same answer (null: no baseline for this measure). */
  baseline: number | null;
  baselineName?: string;
  /** ours / baseline (for throughputs: baseline / ours, so that above 1 always means slower). */
  ratio: number | null;
  /** Human-readable budget, and whether it holds (null: no budget). */
  budget: string | null;
  pass: boolean | null;
}

/** The scale the PostgreSQL measures' budgets are set for (docs/performance.md). */
const BUDGET_SCALE = 'region';

/**
 * The PostgreSQL measures as judged at `scale`: their budgets hold for the region; at another scale
 * (the pilot's six organisations, the skewed installation) a budget is shown for comparison,
 * marked as the region's, and neither passed nor missed.
 */
export function judgedAt(scale: string, measures: readonly Measure[]): Measure[] {
  if (scale === BUDGET_SCALE) return [...measures];
  return measures.map((m) =>
    m.budget === null ? m : { ...m, budget: `(${BUDGET_SCALE}) ${m.budget}`, pass: null },
  );
}

/** p in [0, 100] of sorted samples (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const fmt = (n: number | null, unit = '') => {
  if (n === null || Number.isNaN(n)) return '—';
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return `${n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 })}${unit ? ` ${unit}` : ''}`;
};

export function printTable(scale: string, measures: readonly Measure[]) {
  const rows = [
    ['measure', 'ours', 'baseline', 'ratio', 'budget', 'result'],
    ...measures.map((m) => [
      m.name,
      fmt(m.ours, m.unit),
      fmt(m.baseline, m.unit),
      m.ratio === null ? '—' : `${m.ratio.toFixed(2)}×`,
      m.budget ?? '—',
      m.pass === null ? '' : m.pass ? 'pass' : 'MISSED',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`\nJobcoach benchmarks, scale ${scale}\n`);
  console.log(line(rows[0]!));
  console.log(
    `|${widths.map((w, i) => (i === 0 || i >= 4 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`,
  );
  for (const r of rows.slice(1)) console.log(line(r));
  console.log('');
}
