/**
 * Round axis ticks from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten, about
 * `count` of them. An empty or all-zero series still gets an axis (0 to 1).
 */
export function niceTicks(max: number, count = 5): number[] {
  const top = max > 0 ? max : 1;
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = 0; tick < top + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  const last = ticks[ticks.length - 1] ?? 0;
  if (last < top) ticks.push(Number((last + step).toPrecision(12)));
  return ticks;
}

/** Maps a value of [0, domainMax] onto [start, end] (pixels). */
export function linear(domainMax: number, start: number, end: number) {
  return (value: number) => start + (domainMax === 0 ? 0 : (value / domainMax) * (end - start));
}

/**
 * Colours of the Mantine theme for series, dark enough to stand out 3:1 from a white page
 * (WCAG 1.4.11, non-text contrast).
 */
export const SERIES_COLOURS: readonly [string, ...string[]] = [
  'var(--mantine-color-blue-7)',
  'var(--mantine-color-orange-8)',
  'var(--mantine-color-teal-8)',
  'var(--mantine-color-grape-7)',
  'var(--mantine-color-red-8)',
  'var(--mantine-color-indigo-7)',
  'var(--mantine-color-green-8)',
  'var(--mantine-color-pink-8)',
  'var(--mantine-color-cyan-9)',
  'var(--mantine-color-yellow-9)',
  'var(--mantine-color-violet-7)',
  'var(--mantine-color-lime-9)',
];

/** Dash patterns cycled after the colours, so that lines stay apart when colours repeat. */
export const DASHES = [undefined, '6 4', '2 3'];
