import type { Database, Kysely } from '@jobcoach/db';
import { sql } from '@jobcoach/db';
import {
  addDays,
  CONTRACT_HORIZONS_MONTHS,
  DEFAULT_CADENCE_SETTINGS,
  EMPLOYMENT_HORIZONS_MONTHS,
  EXIT_REASONS,
  OUTCOME_COHORT_COLUMNS,
  OUTCOME_COHORTS_TITLE,
  OUTCOME_EXIT_COLUMNS,
  OUTCOME_EXITS_TITLE,
  OUTCOME_TABLE_IDS,
  OUTCOME_TOTAL_LABEL,
  outcomeCohortsNote,
  outcomeExitsNote,
  PRACTICE_COLUMNS,
  PRACTICE_TITLE,
  practiceDay,
  practiceNote,
  type Quarter,
  quartersOverlapping,
  type ReportColumn,
  type ReportRow,
  type ReportTable,
  type ReportValue,
} from '@jobcoach/domain';
import type { ReportParams } from './params.ts';

/**
 * Longitudinal outcomes by entry cohort, exits by reason, and practice indicators (docs
 * indicators.md, "Longitudinal outcomes and practice"). Every figure is an SQL aggregate computed
 * by the database (CTEs, FILTER, percentile_cont); Node only lays the aggregated rows out as
 * report tables. The same statements run on PostgreSQL and PGlite.
 */
export async function computeOutcomeTables(
  db: Kysely<Database>,
  params: ReportParams,
): Promise<ReportTable[]> {
  const quarters = quartersOverlapping(params.from, params.to);
  const cohorts = await cohortOutcomes(db, params, quarters);
  const exits = await exitsByCohort(db, params, quarters);
  const practice = await practiceIndicators(db, params);
  return [cohorts, exits, practice];
}

type Row = Record<string, string | number | null>;

const orgList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`));

/** A numeric cell as the report shows it (numeric columns already arrive as numbers). */
function num(value: unknown): ReportValue {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A table of cohorts: its rows as cohortRows gives them for its columns. */
function cohortTable(
  head: Omit<ReportTable, 'columns' | 'rows'>,
  columns: readonly ReportColumn[],
  quarters: readonly Quarter[],
  rows: readonly Row[],
  zero: Record<string, ReportValue>,
): ReportTable {
  return { ...head, columns: [...columns], rows: cohortRows(quarters, rows, columns, zero) };
}

/** One report row per quarter (zero-filled when nobody entered), then the total row. */
function cohortRows(
  quarters: readonly Quarter[],
  rows: readonly Row[],
  columns: readonly ReportColumn[],
  zero: Record<string, ReportValue>,
): ReportRow[] {
  const keys = columns.map((c) => c.key);
  const byQuarter = new Map(rows.filter((r) => r.quarter !== null).map((r) => [String(r.quarter), r]));
  const total = rows.find((r) => r.quarter === null);
  const values = (r: Row | undefined) =>
    Object.fromEntries(keys.map((k) => [k, r ? num(r[k]) : (zero[k] ?? null)])) as Record<
      string,
      ReportValue
    >;
  return [
    ...quarters.map((q) => ({ key: q.key, label: q.label, values: values(byQuarter.get(q.start)) })),
    { key: 'total', label: OUTCOME_TOTAL_LABEL, total: true, values: values(total) },
  ];
}

type SqlExpression = ReturnType<typeof sql.ref>;

/** A date + N calendar months, as a date (PostgreSQL clamps to the month's end like addMonths). */
export const plusMonths = (date: SqlExpression, months: number | SqlExpression) =>
  sql`(${date} + make_interval(months => ${months}::int))::date`;

/**
 * Whole calendar months from a to b (b ≥ a), as the domain's monthsBetween: the largest n with
 * a + n months ≤ b.
 */
export function wholeMonths(a: SqlExpression, b: SqlExpression) {
  const raw = sql`(extract(year FROM ${b})::int * 12 + extract(month FROM ${b})::int
    - extract(year FROM ${a})::int * 12 - extract(month FROM ${a})::int)`;
  return sql`(${raw} - CASE WHEN (${a} + make_interval(months => ${raw}))::date > ${b} THEN 1 ELSE 0 END)`;
}

/**
 * The persons of the organisations who entered pre-hire in one of the quarters (whole quarters),
 * on or before today, and were not deleted.
 */
function cohortCte(params: ReportParams, quarters: readonly Quarter[]) {
  // No quarter (a period ending before it starts): an empty range, so the total row counts nobody.
  const first = quarters[0]?.start ?? params.from;
  const last = quarters.at(-1)?.end ?? addDays(params.from, -1);
  return sql`cohort AS (
      SELECT p.id, p.pre_hire_entry AS entry,
        date_trunc('quarter', p.pre_hire_entry)::date AS quarter
      FROM person p
      WHERE p.organisation_id IN (${orgList(params.organisationIds)})
        AND p.deleted_at IS NULL
        AND p.pre_hire_entry BETWEEN ${first}::date AND ${last}::date
        AND p.pre_hire_entry <= ${params.today}::date
    )`;
}

async function cohortOutcomes(
  db: Kysely<Database>,
  params: ReportParams,
  quarters: readonly Quarter[],
): Promise<ReportTable> {
  const today = sql`${params.today}::date`;
  const entry = sql.ref('k.entry');
  const firstStart = sql.ref('k.first_start');
  const contractCells = CONTRACT_HORIZONS_MONTHS.map((n) => {
    const observed = sql`${plusMonths(entry, n)} <= ${today}`;
    return sql`round(100.0 * count(*) FILTER (WHERE ${observed} AND k.first_signed <= ${plusMonths(entry, n)})
        / nullif(count(*) FILTER (WHERE ${observed}), 0), 1) AS ${sql.ref(`contract_${n}m`)}`;
  });
  const employmentCells = EMPLOYMENT_HORIZONS_MONTHS.map((n) => {
    const observed = sql`k.first_start IS NOT NULL AND ${plusMonths(firstStart, n)} <= ${today}`;
    return sql`round(100.0 * count(*) FILTER (WHERE ${observed} AND EXISTS (
          SELECT 1 FROM job j
          WHERE j.person_id = k.id
            AND j.start_on <= ${plusMonths(firstStart, n)}
            AND (j.end_on IS NULL OR j.end_on >= ${plusMonths(firstStart, n)})))
        / nullif(count(*) FILTER (WHERE ${observed}), 0), 1) AS ${sql.ref(`employed_${n}m_after_hire`)}`;
  });
  const result = await sql<Row>`
    WITH ${cohortCte(params, quarters)},
    -- Every employment of a cohort person: contracts (immersions excluded; an unrecorded end is
    -- the planned end, as the domain's contractEnd) and hand-entered employment periods.
    job AS (
      SELECT c.id, c.person_id, c.type, c.signed_on, c.start_on,
        coalesce(c.actual_end_on, c.planned_end_on) AS end_on,
        c.end_reason, c.converted_from_contract_id AS continues,
        (c.type IN ('cdd', 'interim', 'art_60_7')
          OR (c.type = 'other_subsidised' AND c.planned_end_on IS NOT NULL)) AS fixed_term
      FROM contract c JOIN cohort ON cohort.id = c.person_id
      WHERE c.type <> 'immersion' AND c.cancelled_at IS NULL AND c.signed_on <= ${today}
      UNION ALL
      SELECT e.id, e.person_id, e.kind, e.start_on, e.start_on, e.end_on, NULL, NULL, e.kind = 'cdd'
      FROM employment_period e JOIN cohort ON cohort.id = e.person_id
      WHERE e.start_on <= ${today}
    ),
    -- Employments obtained since the entry into pre-hire.
    since_entry AS (
      SELECT j.* FROM job j JOIN cohort k ON k.id = j.person_id WHERE j.signed_on >= k.entry
    ),
    first_job AS (
      SELECT DISTINCT ON (s.person_id) s.person_id, s.type
      FROM since_entry s
      ORDER BY s.person_id, s.signed_on, s.start_on, (s.type = 'cdi') DESC, s.id
    ),
    per_person AS (
      SELECT k.id, k.entry, k.quarter,
        (SELECT min(s.signed_on) FROM since_entry s WHERE s.person_id = k.id) AS first_signed,
        (SELECT min(s.start_on) FROM since_entry s WHERE s.person_id = k.id) AS first_start,
        f.type AS first_type,
        EXISTS (
          SELECT 1 FROM since_entry c
          WHERE c.person_id = k.id AND c.fixed_term
            AND (c.end_reason = 'converted_to_cdi' OR EXISTS (
              SELECT 1 FROM job d WHERE d.continues = c.id AND d.type = 'cdi'))
        ) AS converted,
        EXISTS (
          SELECT 1 FROM since_entry c
          WHERE c.person_id = k.id AND c.fixed_term
            AND c.end_on < ${today}
            AND (c.end_reason IS NULL OR c.end_reason NOT IN ('converted_to_cdi', 'renewed'))
            AND NOT EXISTS (SELECT 1 FROM job d WHERE d.continues = c.id)
            AND EXISTS (
              SELECT 1 FROM job d
              WHERE d.person_id = k.id AND d.start_on > c.end_on AND d.id <> c.id)
        ) AS rebound
      FROM cohort k LEFT JOIN first_job f ON f.person_id = k.id
    )
    SELECT k.quarter::text AS quarter,
      count(*)::int AS entered,
      ${sql.join(contractCells)},
      count(*) FILTER (WHERE k.first_signed IS NOT NULL)::int AS hired,
      round((percentile_cont(0.5) WITHIN GROUP (ORDER BY k.first_signed - k.entry)
        FILTER (WHERE k.first_signed IS NOT NULL))::numeric, 1) AS median_days_first_contract,
      ${sql.join(employmentCells)},
      round(100.0 * count(*) FILTER (WHERE k.first_type = 'cdi')
        / nullif(count(*) FILTER (WHERE k.first_signed IS NOT NULL), 0), 1) AS cdi_share,
      count(*) FILTER (WHERE k.converted)::int AS cdd_converted,
      count(*) FILTER (WHERE k.rebound)::int AS rebounds
    FROM per_person k
    GROUP BY GROUPING SETS ((k.quarter), ())
  `.execute(db);
  const zero = { entered: 0, hired: 0, cdd_converted: 0, rebounds: 0 };
  return cohortTable(
    { id: OUTCOME_TABLE_IDS.cohorts, title: OUTCOME_COHORTS_TITLE, note: outcomeCohortsNote(params.today) },
    OUTCOME_COHORT_COLUMNS,
    quarters,
    result.rows,
    zero,
  );
}

async function exitsByCohort(
  db: Kysely<Database>,
  params: ReportParams,
  quarters: readonly Quarter[],
): Promise<ReportTable> {
  const reasonCells = EXIT_REASONS.map(
    (reason) => sql`count(*) FILTER (WHERE x.reason = ${reason})::int AS ${sql.ref(reason)}`,
  );
  const result = await sql<Row>`
    WITH ${cohortCte(params, quarters)},
    -- The exit of each cohort person up to today (exited is final: one exit per person).
    exit_event AS (
      SELECT DISTINCT ON (e.person_id) e.person_id, e.reason
      FROM trajectory_event e JOIN cohort k ON k.id = e.person_id
      WHERE e.transition_id = 'exit' AND e.cancelled_at IS NULL AND e.date <= ${params.today}::date
      ORDER BY e.person_id, e.date DESC, e.at DESC
    )
    SELECT k.quarter::text AS quarter,
      count(*)::int AS entered,
      ${sql.join(reasonCells)},
      count(x.person_id)::int AS exited,
      (count(*) - count(x.person_id))::int AS still_coached
    FROM cohort k LEFT JOIN exit_event x ON x.person_id = k.id
    GROUP BY GROUPING SETS ((k.quarter), ())
  `.execute(db);
  const zero = Object.fromEntries(OUTCOME_EXIT_COLUMNS.map((c) => [c.key, 0]));
  return cohortTable(
    { id: OUTCOME_TABLE_IDS.exits, title: OUTCOME_EXITS_TITLE, note: outcomeExitsNote(params.today) },
    OUTCOME_EXIT_COLUMNS,
    quarters,
    result.rows,
    zero,
  );
}

async function practiceIndicators(db: Kysely<Database>, params: ReportParams): Promise<ReportTable> {
  const day = practiceDay(params.to, params.today);
  const d = sql`${day}::date`;
  const from = sql`${params.from}::date`;
  const orgs = orgList(params.organisationIds);
  const result = await sql<Row>`
    WITH org AS (
      SELECT o.id, o.name, coalesce(s.cadence, ${JSON.stringify(DEFAULT_CADENCE_SETTINGS)}::jsonb) AS cadence
      FROM organisation o LEFT JOIN organisation_settings s ON s.organisation_id = o.id
      WHERE o.id IN (${orgs})
    ),
    -- Each person's phase on the day: the last phase change on or before it.
    state AS (
      SELECT DISTINCT ON (e.person_id) e.person_id, p.organisation_id, e.to_phase AS phase,
        e.date AS phase_start
      FROM trajectory_event e JOIN person p ON p.id = e.person_id
      WHERE p.organisation_id IN (${orgs}) AND p.deleted_at IS NULL AND e.cancelled_at IS NULL AND e.date <= ${d}
      ORDER BY e.person_id, e.date DESC, e.at DESC
    ),
    active AS (
      SELECT s.*, o.cadence,
        (SELECT max(c.date) FROM contact_person cp JOIN contact c ON c.id = cp.contact_id
          WHERE cp.person_id = s.person_id AND cp.present AND c.direct AND c.cancelled_at IS NULL
            AND c.date <= ${d}) AS last_direct,
        -- Whole calendar months since the phase began (the follow-up step's month).
        ${wholeMonths(sql.ref('s.phase_start'), d)} AS months,
        -- The follow-up frequency agreed for the contract running on the day, if any.
        (SELECT fa.frequency FROM follow_up_arrangement fa JOIN contract fk ON fk.id = fa.contract_id
          WHERE fk.person_id = s.person_id AND fk.type <> 'immersion' AND fk.cancelled_at IS NULL
            AND fa.frequency IS NOT NULL
            AND fk.start_on <= ${d} AND (fk.actual_end_on IS NULL OR fk.actual_end_on >= ${d})
          ORDER BY fk.start_on DESC, fk.created_at DESC LIMIT 1) AS frequency
      FROM state s JOIN org o ON o.id = s.organisation_id
      WHERE s.phase IN ('pre_hire', 'hiring', 'follow_up')
    ),
    interval_days AS (
      SELECT a.person_id, a.organisation_id,
        CASE WHEN a.phase = 'follow_up' THEN (
          SELECT (st.value ->> 'days')::int
          FROM jsonb_array_elements(coalesce(a.frequency, a.cadence -> 'followUp'))
            WITH ORDINALITY AS st(value, ord)
          ORDER BY (a.months < (st.value ->> 'untilMonth')::int) DESC,
            CASE WHEN a.months < (st.value ->> 'untilMonth')::int THEN st.ord END ASC,
            st.ord DESC
          LIMIT 1)
        ELSE (a.cadence ->> 'preHireDays')::int END AS days,
        greatest(coalesce(a.last_direct, a.phase_start), a.phase_start) AS reference
      FROM active a
    ),
    caseload AS (
      SELECT i.organisation_id, count(*)::int AS active_persons,
        count(*) FILTER (WHERE ${d} <= i.reference + i.days)::int AS on_cadence
      FROM interval_days i
      GROUP BY GROUPING SETS ((i.organisation_id), ())
    ),
    fte AS (
      SELECT m.organisation_id, sum(m.fte) AS fte
      FROM membership m JOIN app_user u ON u.id = m.user_id
      WHERE m.organisation_id IN (${orgs}) AND m.role = 'jobcoach' AND m.active AND u.active
      GROUP BY GROUPING SETS ((m.organisation_id), ())
    ),
    employer_contacts AS (
      SELECT ec.organisation_id, count(*)::int AS contacts
      FROM contact ec
      WHERE ec.organisation_id IN (${orgs}) AND ec.direct AND ec.employer_id IS NOT NULL
        AND ec.cancelled_at IS NULL AND ec.date BETWEEN ${from} AND ${d}
      GROUP BY GROUPING SETS ((ec.organisation_id), ())
    ),
    -- The first introduction to an employer of each person, when it falls in the period.
    first_presentation AS (
      SELECT p.id, p.organisation_id, min(ps.date) - p.pre_hire_entry AS days
      FROM person p
      JOIN presentation pr ON pr.person_id = p.id
      JOIN presentation_step ps ON ps.presentation_id = pr.id AND ps.step = 'introduced'
        AND ps.cancelled_at IS NULL
      WHERE p.organisation_id IN (${orgs}) AND p.deleted_at IS NULL AND p.pre_hire_entry IS NOT NULL
      GROUP BY p.id, p.organisation_id, p.pre_hire_entry
      HAVING min(ps.date) BETWEEN ${from} AND ${d}
    ),
    presentations AS (
      SELECT f.organisation_id, count(*)::int AS presented,
        round((percentile_cont(0.5) WITHIN GROUP (ORDER BY f.days))::numeric, 1) AS median_days
      FROM first_presentation f
      GROUP BY GROUPING SETS ((f.organisation_id), ())
    ),
    line AS (
      SELECT o.id, o.name FROM org o
      UNION ALL SELECT NULL, NULL
    ),
    weeks AS (
      SELECT CASE WHEN ${d} >= ${from} THEN (${d} - ${from} + 1) / 7.0 END AS weeks
    )
    SELECT l.id::text AS organisation_id, l.name,
      coalesce(c.active_persons, 0) AS active_persons,
      round(coalesce(f.fte, 0), 2) AS coach_fte,
      round(coalesce(c.active_persons, 0) / nullif(f.fte, 0), 2) AS caseload_per_fte,
      coalesce(e.contacts, 0) AS employer_contacts,
      round(coalesce(e.contacts, 0) / nullif(f.fte, 0) / nullif(w.weeks, 0), 2) AS employer_contacts_per_fte_week,
      coalesce(pr.presented, 0) AS presented,
      pr.median_days AS median_days_first_presentation,
      round(100.0 * c.on_cadence / nullif(c.active_persons, 0), 1) AS on_cadence_share
    FROM line l
    CROSS JOIN weeks w
    LEFT JOIN caseload c ON c.organisation_id IS NOT DISTINCT FROM l.id
    LEFT JOIN fte f ON f.organisation_id IS NOT DISTINCT FROM l.id
    LEFT JOIN employer_contacts e ON e.organisation_id IS NOT DISTINCT FROM l.id
    LEFT JOIN presentations pr ON pr.organisation_id IS NOT DISTINCT FROM l.id
    ORDER BY l.id IS NULL, l.name, l.id
  `.execute(db);
  const keys = PRACTICE_COLUMNS.map((c) => c.key);
  const rows: ReportRow[] = result.rows.map((r) => {
    const values = Object.fromEntries(keys.map((k) => [k, num(r[k])])) as Record<string, ReportValue>;
    return r.organisation_id === null
      ? { key: 'total', label: OUTCOME_TOTAL_LABEL, total: true, values }
      : { key: String(r.organisation_id), label: String(r.name), values };
  });
  return {
    id: OUTCOME_TABLE_IDS.practice,
    title: PRACTICE_TITLE,
    note: practiceNote(day),
    columns: [...PRACTICE_COLUMNS],
    rows,
  };
}
