/** What a report is asked for: which organisations, which period, standing at which day. */
export interface ReportParams {
  /** Organisations covered; at least one. The caller's right to each is checked before. */
  organisationIds: string[];
  /** First day of the period, YYYY-MM-DD, inclusive. */
  from: string;
  /** Last day of the period, YYYY-MM-DD, inclusive. */
  to: string;
  /** The clock's today (YYYY-MM-DD): cohorts are only followed up to it. */
  today: string;
}
