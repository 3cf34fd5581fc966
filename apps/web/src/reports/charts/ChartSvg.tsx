import { Box } from '@mantine/core';
import type { ReactNode, Ref, SVGProps } from 'react';

/**
 * The measured box of a chart and its SVG, drawn once the box's width is known (useElementSize
 * gives `boxRef` and `width`). The SVG is an image named by `label` for screen readers.
 */
export function ChartSvg({
  boxRef,
  width,
  height,
  label,
  overflowVisible = false,
  children,
}: {
  boxRef: Ref<HTMLDivElement>;
  width: number;
  height: number;
  label: string;
  /** Lets printed values run past the edge (the bars' values after the longest bar). */
  overflowVisible?: boolean;
  children: ReactNode;
}) {
  return (
    <Box ref={boxRef} w="100%">
      {width > 0 && (
        <svg
          role="img"
          aria-label={label}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          style={overflowVisible ? { display: 'block', overflow: 'visible' } : { display: 'block' }}
        >
          {children}
        </svg>
      )}
    </Box>
  );
}

/** A label of an axis (a tick's value or the axis' name), small and grey. */
export function AxisText(props: Omit<SVGProps<SVGTextElement>, 'fontSize' | 'fill'>) {
  return <text fontSize={12} fill="var(--mantine-color-gray-7)" {...props} />;
}
