import { addDays, addMonths } from '@jobcoach/domain';

/** A report period, both days included (YYYY-MM-DD). */
export type Period = { from: string; to: string };

export type QuickPeriod = 'yearToDate' | 'previousYear' | 'last12Months';

export const QUICK_PERIODS: QuickPeriod[] = ['yearToDate', 'previousYear', 'last12Months'];

/** The quick choices of the period, counted from `today`. */
export function quickPeriod(choice: QuickPeriod, today: string): Period {
  const year = Number(today.slice(0, 4));
  switch (choice) {
    case 'yearToDate':
      return { from: `${year}-01-01`, to: today };
    case 'previousYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'last12Months':
      return { from: addDays(addMonths(today, -12), 1), to: today };
  }
}

/** The quick choice a period matches, if any (to show it as selected). */
export function matchingQuickPeriod(period: Period, today: string): QuickPeriod | null {
  return (
    QUICK_PERIODS.find((choice) => {
      const quick = quickPeriod(choice, today);
      return quick.from === period.from && quick.to === period.to;
    }) ?? null
  );
}
