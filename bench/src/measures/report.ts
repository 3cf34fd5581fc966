import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@jobcoach/db';
import pg from 'pg';
import { log } from '../database.ts';
import { dayOf, isoOf } from '../days.ts';
import { REFERENCE_DAY } from '../scales.ts';
import type { Measure } from '../table.ts';

/** The report's module, loaded by path: the bench does not depend on the server's package. */
export const STEERING = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'apps',
  'server',
  'src',
  'reports',
  'steering.ts',
);
const RUNS = 5;

/**
 * The limit: one hand-written statement that returns the numbers the report shows (persons coached
 * by sex with their profile, contracts by type and sex and by organisation, distinct employers
 * contacted directly, jobcoaches' FTE). It reads "not exited before the period" from the person's
 * own phase columns (an exit is final: its date is the phase's start), where the report asks the
 * trajectory log.
 */
const HAND_WRITTEN = `
WITH coached AS (
  SELECT p.organisation_id, p.sex, p.origin, p.studies,
    COALESCE(p.entry_age, (extract(year FROM age(p.pre_hire_entry, p.birth_date)))::int) AS age
  FROM person p
  WHERE p.organisation_id = ANY($1::uuid[]) AND p.deleted_at IS NULL
    AND p.pre_hire_entry <= $3::date AND NOT (p.phase = 'exited' AND p.phase_since < $2::date)
), profile AS (
  SELECT sex, GROUPING(sex) AS all_sexes, count(*) AS total,
    count(*) FILTER (WHERE age <= 24) AS age_under_25,
    count(*) FILTER (WHERE age > 24 AND age < 46) AS age_25_45,
    count(*) FILTER (WHERE age >= 46) AS age_over_45,
    count(*) FILTER (WHERE origin = 'belgian_or_european') AS belgian,
    count(*) FILTER (WHERE studies = 'ceb') AS ceb
  FROM coached GROUP BY GROUPING SETS ((sex), ())
), coached_by_org AS (
  SELECT organisation_id, count(*) AS n FROM coached GROUP BY GROUPING SETS ((organisation_id), ())
), contracts AS (
  SELECT p.sex, c.type, c.organisation_id, GROUPING(p.sex) AS g_sex, GROUPING(c.organisation_id) AS g_org,
    count(*) AS n
  FROM contract c JOIN person p ON p.id = c.person_id
  WHERE c.organisation_id = ANY($1::uuid[]) AND p.deleted_at IS NULL AND c.signed_on BETWEEN $2::date AND $3::date
  GROUP BY GROUPING SETS ((c.type, p.sex), (c.type), (c.organisation_id, c.type))
), employers AS (
  SELECT organisation_id, count(DISTINCT employer_id) AS n FROM contact
  WHERE direct AND employer_id IS NOT NULL AND cancelled_at IS NULL AND organisation_id = ANY($1::uuid[]) AND date BETWEEN $2::date AND $3::date
  GROUP BY GROUPING SETS ((organisation_id), ())
), fte AS (
  SELECT organisation_id, sum(fte) AS n FROM membership
  WHERE role = 'jobcoach' AND active AND organisation_id = ANY($1::uuid[])
  GROUP BY GROUPING SETS ((organisation_id), ())
)
SELECT (SELECT json_agg(profile) FROM profile) AS profile,
  (SELECT json_agg(coached_by_org) FROM coached_by_org) AS coached,
  (SELECT json_agg(contracts) FROM contracts) AS contracts,
  (SELECT json_agg(employers) FROM employers) AS employers,
  (SELECT json_agg(fte) FROM fte) AS fte`;

interface Figures {
  coached: number;
  employers: number;
  cdi: number;
  cdd: number;
  byOrg: Map<string, { coached: number; employers: number; cdi: number; cdd: number }>;
}

type Row = Record<string, unknown>;

function figuresOfHandWritten(r: {
  coached: Row[];
  contracts: Row[] | null;
  employers: Row[] | null;
}): Figures {
  const byOrg: Figures['byOrg'] = new Map();
  const org = (id: string) => {
    const v = byOrg.get(id) ?? { coached: 0, employers: 0, cdi: 0, cdd: 0 };
    byOrg.set(id, v);
    return v;
  };
  let coached = 0;
  let employers = 0;
  let cdi = 0;
  let cdd = 0;
  for (const x of r.coached ?? []) {
    if (x.organisation_id === null) coached = Number(x.n);
    else org(x.organisation_id as string).coached = Number(x.n);
  }
  for (const x of r.employers ?? []) {
    if (x.organisation_id === null) employers = Number(x.n);
    else org(x.organisation_id as string).employers = Number(x.n);
  }
  for (const x of r.contracts ?? []) {
    if (x.type !== 'cdi' && x.type !== 'cdd') continue;
    if (Number(x.g_org) === 0) org(x.organisation_id as string)[x.type] = Number(x.n);
    else if (Number(x.g_sex) === 1) {
      if (x.type === 'cdi') cdi = Number(x.n);
      else cdd = Number(x.n);
    }
  }
  return { coached, employers, cdi, cdd, byOrg };
}

interface ReportLike {
  tables: { id: string; rows: { key: string; values: Record<string, unknown> }[] }[];
}

function figuresOfReport(report: ReportLike): Figures {
  const headline = report.tables.find((t) => t.id === 'headline')!;
  const value = (key: string) => Number(headline.rows.find((r) => r.key === key)?.values.value ?? 0);
  const byOrg: Figures['byOrg'] = new Map();
  for (const r of report.tables.find((t) => t.id === 'by_organisation')?.rows ?? []) {
    if (r.key === 'total') continue;
    const v = r.values;
    byOrg.set(r.key, {
      coached: Number(v.coached),
      employers: Number(v.employers),
      cdi: Number(v.cdi),
      cdd: Number(v.cdd),
    });
  }
  return {
    coached: value('persons_coached'),
    employers: value('employers_contacted'),
    cdi: value('cdi'),
    cdd: value('cdd'),
    byOrg,
  };
}

function sameFigures(a: Figures, b: Figures): string | null {
  for (const k of ['coached', 'employers', 'cdi', 'cdd'] as const) {
    if (a[k] !== b[k]) return `${k}: report ${a[k]}, hand-written ${b[k]}`;
  }
  for (const [id, v] of a.byOrg) {
    const w = b.byOrg.get(id) ?? { coached: 0, employers: 0, cdi: 0, cdd: 0 };
    for (const k of ['coached', 'employers', 'cdi', 'cdd'] as const) {
      if (v[k] !== w[k]) return `organisation ${id} ${k}: report ${v[k]}, hand-written ${w[k]}`;
    }
  }
  return null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The steering committee's report for one organisation and for the whole installation, over the
 * year ending on the reference day: computeSteeringReport (the function behind the report routes)
 * against the hand-written statement, both on the same PostgreSQL, through the server's pool and on
 * a single connection. Median of five runs after the first, which is reported apart. The two must
 * give the same numbers (checked).
 */
export async function measureReport(url: string): Promise<{ measures: Measure[]; notes: string[] }> {
  if (!existsSync(STEERING))
    return {
      measures: [],
      notes: ['the steering report (reports/steering.ts) is not in this checkout: no report measure'],
    };
  const { computeSteeringReport } = (await import(STEERING)) as {
    computeSteeringReport: (
      db: unknown,
      params: { organisationIds: string[]; from: string; to: string; today: string },
      options: { aggregatesOnly: boolean },
    ) => Promise<ReportLike>;
  };
  const to = REFERENCE_DAY;
  const from = isoOf(dayOf(REFERENCE_DAY) - 364);
  const handle = await openDatabase({ databaseUrl: url });
  // The same report on a single connection: what it costs without running statements side by side.
  const single = await openDatabase({ databaseUrl: url, poolSize: 1 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const orgs = (
      await client.query<{ id: string }>(
        "SELECT id FROM organisation WHERE name <> 'Import de référence' ORDER BY id",
      )
    ).rows.map((r) => r.id);
    const out: Measure[] = [];
    for (const [label, ids] of [
      ['one organisation', orgs.slice(0, 1)],
      ['whole installation', orgs],
    ] as const) {
      const params = { organisationIds: [...ids], from, to, today: REFERENCE_DAY };
      const whole = label === 'whole installation';
      for (const [connections, db] of [
        ['', handle.db],
        [', one connection', single.db],
      ] as const) {
        const ours: number[] = [];
        const base: number[] = [];
        let report: ReportLike | null = null;
        let hand: Figures | null = null;
        // Run 0 is the first: reported apart for the pool (cold caches, statements not yet prepared).
        for (let i = 0; i <= RUNS; i++) {
          let t0 = performance.now();
          report = await computeSteeringReport(db, params, { aggregatesOnly: false });
          ours.push(performance.now() - t0);
          t0 = performance.now();
          const r = await client.query(HAND_WRITTEN, [ids, from, to]);
          base.push(performance.now() - t0);
          hand = figuresOfHandWritten(r.rows[0]);
        }
        const mismatch = sameFigures(figuresOfReport(report!), hand!);
        if (mismatch) throw new Error(`report and hand-written query disagree (${label}): ${mismatch}`);
        if (connections === '') {
          out.push({
            name: `Steering report, ${label}, one year, first run`,
            unit: 'ms',
            ours: ours[0]!,
            baseline: base[0]!,
            baselineName: 'one hand-written SQL statement, first run',
            ratio: ours[0]! / base[0]!,
            budget: null,
            pass: null,
          });
        }
        const a = median(ours.slice(1));
        const b = median(base.slice(1));
        log(
          `report (${label}${connections}): ${a.toFixed(0)} ms, hand-written ${b.toFixed(0)} ms; ${hand!.coached} persons coached`,
        );
        out.push({
          name: `Steering report, ${label}${connections}, one year`,
          unit: 'ms',
          ours: a,
          baseline: b,
          baselineName: 'one hand-written SQL statement',
          ratio: a / b,
          budget: whole ? '≤ 1,000 ms and ≤ 1.5× baseline' : null,
          pass: whole ? a <= 1000 && a <= 1.5 * b : null,
        });
      }
    }
    return { measures: out, notes: [] };
  } finally {
    await client.end();
    await handle.close();
    await single.close();
  }
}
