import type { ReportValue } from '@jobcoach/domain';
import { Box } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { drawable } from '../format.ts';
import { AxisText, ChartSvg } from './ChartSvg.tsx';
import { Legend } from './Legend.tsx';
import { DASHES, linear, SERIES_COLOURS } from './scale.ts';

export type LinePoint = { x: number; value: ReportValue };
export type LineSeries = {
  key: string;
  label: string;
  points: LinePoint[];
  /** Drawn thicker and darker, after the others (a total). */
  emphasised?: boolean;
};

const MARGIN = { top: 12, right: 36, bottom: 40, left: 52 };
const HEIGHT = 280;

/**
 * Lines on a percentage scale (0–100 %), one per series, over numeric x positions (months).
 * A point hidden ('< 5') or not reached yet (null) breaks the line rather than inventing a value.
 */
export function LineChart({
  label,
  series,
  xTicks,
  xLabel,
  formatX,
  formatY,
}: {
  label: string;
  series: LineSeries[];
  xTicks: number[];
  xLabel: string;
  formatX: (x: number) => string;
  formatY: (percent: number) => string;
}) {
  const { ref, width } = useElementSize();
  const xMax = Math.max(...xTicks);
  const x = linear(xMax, MARGIN.left, Math.max(MARGIN.left + 60, width - MARGIN.right));
  const plotBottom = HEIGHT - MARGIN.bottom;
  const yOf = linear(100, plotBottom, MARGIN.top);
  const yTicks = [0, 20, 40, 60, 80, 100];
  const plain = series.filter((s) => !s.emphasised);
  const styled = [
    ...plain.map((s, i) => ({
      ...s,
      colour: SERIES_COLOURS[i % SERIES_COLOURS.length] ?? SERIES_COLOURS[0],
      dash: DASHES[Math.floor(i / SERIES_COLOURS.length) % DASHES.length],
      width: 2.5,
    })),
    ...series
      .filter((s) => s.emphasised)
      .map((s) => ({ ...s, colour: 'var(--mantine-color-dark-7)', dash: undefined, width: 4 })),
  ];

  return (
    <Box>
      <ChartSvg boxRef={ref} width={width} height={HEIGHT} label={label}>
        {yTicks.map((tick) => (
          <g key={tick}>
            <line
              x1={MARGIN.left}
              x2={x(xMax)}
              y1={yOf(tick)}
              y2={yOf(tick)}
              stroke={tick === 0 ? 'var(--mantine-color-gray-6)' : 'var(--mantine-color-gray-3)'}
            />
            <AxisText x={MARGIN.left - 8} y={yOf(tick) + 4} textAnchor="end">
              {formatY(tick)}
            </AxisText>
          </g>
        ))}
        {xTicks.map((tick) => (
          <g key={tick}>
            <line
              x1={x(tick)}
              x2={x(tick)}
              y1={plotBottom}
              y2={plotBottom + 5}
              stroke="var(--mantine-color-gray-6)"
            />
            <AxisText x={x(tick)} y={plotBottom + 18} textAnchor="middle">
              {formatX(tick)}
            </AxisText>
          </g>
        ))}
        <AxisText x={(MARGIN.left + x(xMax)) / 2} y={HEIGHT - 4} textAnchor="middle">
          {xLabel}
        </AxisText>
        {styled.map((s) => (
          <g key={s.key}>
            {segments(s.points).map((segment) => (
              <polyline
                key={segment[0]?.x}
                points={segment.map((p) => `${x(p.x)},${yOf(p.value)}`).join(' ')}
                fill="none"
                stroke={s.colour}
                strokeWidth={s.width}
                strokeDasharray={s.dash}
                strokeLinejoin="round"
              />
            ))}
            {s.points.map((point) => {
              const value = drawable(point.value);
              return value === null ? null : (
                <circle key={point.x} cx={x(point.x)} cy={yOf(value)} r={s.width + 1} fill={s.colour} />
              );
            })}
          </g>
        ))}
      </ChartSvg>
      <Legend
        line
        items={styled.map((s) => ({ label: s.label, colour: s.colour, dash: s.dash, width: s.width }))}
      />
    </Box>
  );
}

/** Runs of consecutive drawable points (two or more), so that gaps stay gaps. */
function segments(points: LinePoint[]): { x: number; value: number }[][] {
  const runs: { x: number; value: number }[][] = [];
  let current: { x: number; value: number }[] = [];
  for (const point of points) {
    const value = drawable(point.value);
    if (value === null) {
      if (current.length > 1) runs.push(current);
      current = [];
    } else current.push({ x: point.x, value });
  }
  if (current.length > 1) runs.push(current);
  return runs;
}
