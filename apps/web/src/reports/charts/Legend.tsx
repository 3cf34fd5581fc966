import { Group, Text } from '@mantine/core';

export type LegendItem = { label: string; colour: string; dash?: string; width?: number };

/** The key of a chart, in HTML so that it wraps on a phone. Hidden from screen readers: the chart's label and the table say it. */
export function Legend({ items, line = false }: { items: LegendItem[]; line?: boolean }) {
  return (
    <Group gap="md" mt="xs" aria-hidden="true" data-testid="chart-legend">
      {items.map((item) => (
        <Group key={item.label} gap={6} wrap="nowrap">
          <svg width={line ? 26 : 14} height={14} aria-hidden="true" focusable="false">
            {line ? (
              <>
                <line
                  x1={1}
                  x2={25}
                  y1={7}
                  y2={7}
                  stroke={item.colour}
                  strokeWidth={item.width ?? 2.5}
                  strokeDasharray={item.dash}
                />
                <circle cx={13} cy={7} r={3.5} fill={item.colour} />
              </>
            ) : (
              <rect width={14} height={14} rx={2} fill={item.colour} />
            )}
          </svg>
          <Text size="sm">{item.label}</Text>
        </Group>
      ))}
    </Group>
  );
}
