import { type ReportColumnKind, type ReportValue, SMALL_CELL } from '@jobcoach/domain';
import { useIntl } from 'react-intl';

/** Shown for a value that does not apply (a share of nobody, a median of nothing). */
export const NOT_APPLICABLE = '—';

export type FormatValue = (value: ReportValue, kind: ReportColumnKind) => string;

/**
 * Report values in the reader's locale (fr-BE: « 12,5 % », « 1 234 »): whole counts, shares with
 * one decimal, days with at most one, ratios with two. '< 5' is shown as is.
 */
export function useFormatValue(): FormatValue {
  const intl = useIntl();
  return (value, kind) => {
    if (value === null) return NOT_APPLICABLE;
    if (value === SMALL_CELL) return SMALL_CELL;
    switch (kind) {
      case 'persons':
      case 'count':
        return intl.formatNumber(value, { maximumFractionDigits: 0 });
      case 'percent':
        return intl.formatNumber(value / 100, {
          style: 'percent',
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        });
      case 'days':
        return intl.formatNumber(value, { maximumFractionDigits: 1 });
      case 'ratio':
        return intl.formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
  };
}

/** A value that can be drawn (a number), or null for '< 5' and values that do not apply. */
export function drawable(value: ReportValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
