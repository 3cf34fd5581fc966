/**
 * The shape every report table takes, from the database to the screen and the exports (JSON,
 * CSV, XLSX, PDF). A table is rows × columns of values; the exporters and the report page render
 * any table without knowing what it counts.
 */

/** The mark shown instead of a count of 1 to 4 persons to a reader allowed aggregates only. */
export const SMALL_CELL = '< 5' as const;

/**
 * A number, SMALL_CELL when hidden from an aggregates-only reader, or null when it does not apply
 * (a percentage of an empty column, a median of nothing).
 */
export type ReportValue = number | typeof SMALL_CELL | null;

export type ReportColumnKind =
  /** A count of persons (the only kind hidden under five). */
  | 'persons'
  /** Any other count: contracts, employers, contacts. */
  | 'count'
  /** A share in percent, 0–100, one decimal. */
  | 'percent'
  /** A number of days. */
  | 'days'
  /** A ratio or an average (per FTE, per week), two decimals. */
  | 'ratio';

export interface ReportColumn {
  key: string;
  /** French label, as printed in the exports. */
  label: string;
  kind: ReportColumnKind;
  /**
   * For a percent, ratio or days column: the key of the persons column it is computed from, so
   * that hiding that count also hides what would give it away.
   */
  basis?: string;
  /**
   * For a count column that is the sum of other columns in every row (a total of women, men and
   * not stated): lets the small-cell rule hide a second cell so that a hidden one cannot be
   * recovered by subtraction.
   */
  sumOf?: string[];
}

export interface ReportRow {
  key: string;
  /** French label. */
  label: string;
  /** Rows sharing a group are printed under one heading (e.g. "Âge à l'entrée"). */
  group?: string;
  /** A total or subtotal row, printed in bold. */
  total?: boolean;
  /**
   * Overrides the kind of this row's persons/count cells, for a table that mixes persons and
   * other counts in one column (the headline: employers, persons, contracts).
   */
  kind?: 'persons' | 'count';
  /** One value per column key. */
  values: Record<string, ReportValue>;
}

export interface ReportTable {
  /** Stable identifier, used as the XLSX sheet name source and the CSV section. */
  id: string;
  title: string;
  /** The definition applied, in one or two French sentences. */
  note?: string;
  columns: ReportColumn[];
  rows: ReportRow[];
}
