import type { ReportValue } from '@jobcoach/domain';
import { Box } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { drawable } from '../format.ts';
import { AxisText, ChartSvg } from './ChartSvg.tsx';
import { Legend } from './Legend.tsx';
import { linear, niceTicks } from './scale.ts';

export type BarSeries = { key: string; label: string; colour: string };
export type BarCategory = { key: string; label: string; values: Record<string, ReportValue> };

const LABEL = 20; // height of a category's label line
const BAR = 16; // height of one bar
const GAP = 14; // space after a category
const AXIS = 22; // height of the axis labels at the bottom
const RIGHT = 44; // room for the value printed after the longest bar

/**
 * Grouped horizontal bars: for each category a label, then one bar per series with its value at
 * its end. Labels sit above the bars, so long category names never collide, even on a phone.
 * A hidden value ('< 5') or one that does not apply ('—') is written where its bar would start.
 */
export function BarChart({
  label,
  categories,
  series,
  format,
}: {
  /** What the chart shows, for screen readers (the table beside it holds the figures). */
  label: string;
  categories: BarCategory[];
  series: BarSeries[];
  format: (value: ReportValue) => string;
}) {
  const { ref, width } = useElementSize();
  const numbers = categories.flatMap((c) => series.map((s) => drawable(c.values[s.key]) ?? 0));
  const ticks = niceTicks(Math.max(0, ...numbers));
  const top = ticks[ticks.length - 1] ?? 1;
  const left = 4;
  const x = linear(top, left, Math.max(left + 40, width - RIGHT));
  const block = LABEL + series.length * BAR + GAP;
  const plotHeight = categories.length * block;
  const height = plotHeight + AXIS;

  return (
    <Box>
      <ChartSvg boxRef={ref} width={width} height={height} label={label} overflowVisible>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={x(tick)}
              x2={x(tick)}
              y1={0}
              y2={plotHeight}
              stroke="var(--mantine-color-gray-3)"
              strokeWidth={1}
            />
            <AxisText x={x(tick)} y={plotHeight + 15} textAnchor="middle">
              {format(tick)}
            </AxisText>
          </g>
        ))}
        {categories.map((category, i) => {
          const y0 = i * block;
          return (
            <g key={category.key}>
              <text
                x={left}
                y={y0 + 14}
                fontSize={13}
                fontWeight={600}
                fill="var(--mantine-color-text)"
                stroke="var(--mantine-color-body)"
                strokeWidth={4}
                paintOrder="stroke"
              >
                {category.label}
              </text>
              {series.map((s, j) => {
                const raw = category.values[s.key] ?? null;
                const value = drawable(raw);
                const y = y0 + LABEL + j * BAR;
                const end = value === null ? x(0) : x(value);
                return (
                  <g key={s.key}>
                    {value !== null && value > 0 && (
                      <rect x={x(0)} y={y + 1} width={end - x(0)} height={BAR - 3} rx={2} fill={s.colour} />
                    )}
                    <text x={end + 5} y={y + BAR - 4} fontSize={12} fill="var(--mantine-color-text)">
                      {format(raw)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line
          x1={x(0)}
          x2={x(0)}
          y1={0}
          y2={plotHeight}
          stroke="var(--mantine-color-gray-6)"
          strokeWidth={1}
        />
      </ChartSvg>
      <Legend items={series.map((s) => ({ label: s.label, colour: s.colour }))} />
    </Box>
  );
}
