/**
 * The steering committee's report (method.md §7; definitions in docs/indicators.md). Every figure
 * is an SQL aggregate (count, count DISTINCT, FILTER, GROUPING SETS) over indexed tables; Node
 * only lays the counts out as tables and derives percentages and per-FTE averages from them.
 */
import { type Database, type Kysely, sql } from '@jobcoach/db';
import {
  AGE_BANDS,
  type AgeBand,
  CONTRACT_TYPE_SHORT_LABELS,
  REPORT_LABELS as L,
  NOT_STATED_ROW,
  OLD_MIN_AGE,
  ORIGINS,
  OTHER_CONTRACT_TYPES,
  percentOf,
  REPORT_AGE_LABELS,
  REPORT_ORIGIN_LABELS,
  REPORT_STUDIES_LABELS,
  type ReportColumn,
  type ReportRow,
  type ReportTable,
  type ReportValue,
  ratioOf,
  STUDIES,
  suppressReport,
  YOUNG_MAX_AGE,
} from '@jobcoach/domain';
import type { ReportParams } from './params.ts';

export interface SteeringHeadline {
  employersContacted: ReportValue;
  personsCoached: ReportValue;
  contractsSigned: ReportValue;
  cdi: ReportValue;
  cdd: ReportValue;
  otherContracts: ReportValue;
}

export interface SteeringReport {
  headline: SteeringHeadline;
  tables: ReportTable[];
}

const orgList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`));

/** Sex columns of the database and of the tables. */
const SEX_KEYS = { woman: 'women', man: 'men', not_stated: 'not_stated' } as const;
type SexKey = (typeof SEX_KEYS)[keyof typeof SEX_KEYS];

/**
 * The persons coached in the period: entered pre-hire by its last day, not exited before its
 * first day, not deleted. Their age at entry is the stored entry age (kept when a birth date is
 * erased) or the whole years from the birth date to the pre-hire entry.
 */
function coachedCte(p: ReportParams) {
  return sql`
    coached AS (
      SELECT p.id, p.organisation_id, p.sex, p.origin, p.studies,
        COALESCE(p.entry_age, jc_age_at(p.birth_date, p.pre_hire_entry)) AS age
      FROM person p
      WHERE p.organisation_id IN (${orgList(p.organisationIds)})
        AND p.deleted_at IS NULL
        AND p.pre_hire_entry IS NOT NULL
        AND p.pre_hire_entry <= ${p.to}::date
        AND NOT EXISTS (
          SELECT 1 FROM trajectory_event e
          WHERE e.person_id = p.id AND e.transition_id = 'exit' AND e.cancelled_at IS NULL
            AND e.date < ${p.from}::date
        )
    )`;
}

interface ProfileRow {
  sex: string | null;
  organisation_id: string | null;
  total: number;
  all_sexes: number;
  by_org: number;
  [cell: string]: number | string | null;
}

/**
 * The persons coached, evaluated once: by sex with their profile, by organisation, and in total
 * (GROUPING SETS; the profile and the count per organisation were two statements, each computing
 * the coached persons again).
 */
async function coachedCounts(db: Kysely<Database>, p: ReportParams) {
  const result = await sql<ProfileRow>`
    WITH ${coachedCte(p)}
    SELECT sex, organisation_id,
      count(*)::int AS total,
      count(*) FILTER (WHERE age <= ${YOUNG_MAX_AGE})::int AS age_under_25,
      count(*) FILTER (WHERE age > ${YOUNG_MAX_AGE} AND age < ${OLD_MIN_AGE})::int AS age_25_45,
      count(*) FILTER (WHERE age >= ${OLD_MIN_AGE})::int AS age_over_45,
      count(*) FILTER (WHERE age IS NULL)::int AS age_not_stated,
      count(*) FILTER (WHERE origin = 'belgian_or_european')::int AS origin_belgian_or_european,
      count(*) FILTER (WHERE origin = 'foreign_or_foreign_origin')::int AS origin_foreign_or_foreign_origin,
      count(*) FILTER (WHERE origin IS NULL)::int AS origin_not_stated,
      count(*) FILTER (WHERE studies = 'ceb')::int AS studies_ceb,
      count(*) FILTER (WHERE studies = 'cesi')::int AS studies_cesi,
      count(*) FILTER (WHERE studies = 'cess')::int AS studies_cess,
      count(*) FILTER (WHERE studies = 'other')::int AS studies_other,
      count(*) FILTER (WHERE studies IS NULL)::int AS studies_not_stated,
      GROUPING(sex)::int AS all_sexes,
      (GROUPING(organisation_id) = 0)::int AS by_org
    FROM coached
    GROUP BY GROUPING SETS ((sex), (organisation_id), ())`.execute(db);
  const profile = result.rows.filter((r) => Number(r.by_org) === 0);
  // Per organisation, then the total row (every sex, every organisation).
  const byOrganisation = result.rows
    .filter((r) => Number(r.by_org) === 1 || Number(r.all_sexes) === 1)
    .map((r) => ({ organisation_id: Number(r.by_org) === 1 ? r.organisation_id : null, n: Number(r.total) }));
  return { profile, byOrganisation };
}

interface ContractCountRow {
  sex: string | null;
  type: string | null;
  organisation_id: string | null;
  n: number;
  by_sex: number;
  by_org: number;
}

/** Contracts signed in the period: by type and sex, by type, and by organisation and type. */
async function contractCounts(db: Kysely<Database>, p: ReportParams) {
  const result = await sql<ContractCountRow>`
    SELECT p.sex, c.type, c.organisation_id, count(*)::int AS n,
      (GROUPING(p.sex) = 0)::int AS by_sex, (GROUPING(c.organisation_id) = 0)::int AS by_org
    FROM contract c
    JOIN person p ON p.id = c.person_id AND p.organisation_id = c.organisation_id
    WHERE c.organisation_id IN (${orgList(p.organisationIds)})
      AND p.deleted_at IS NULL
      AND c.cancelled_at IS NULL
      AND c.signed_on BETWEEN ${p.from}::date AND ${p.to}::date
    GROUP BY GROUPING SETS ((c.type, p.sex), (c.type), (c.organisation_id, c.type))`.execute(db);
  return result.rows;
}

interface PerOrgRow {
  organisation_id: string | null;
  coached: number;
  employers: number;
  fte: number;
}

/**
 * Per organisation and over all of them: persons coached, distinct employers with a direct
 * contact in the period (an employer of the basin contacted by two organisations counts once in
 * the whole), and the jobcoaches' FTE; with the coached persons' profile by sex, read with them.
 */
async function perOrganisation(db: Kysely<Database>, p: ReportParams) {
  const ids = orgList(p.organisationIds);
  const [coached, employers, fte] = await Promise.all([
    coachedCounts(db, p),
    sql<{ organisation_id: string | null; n: number }>`
      SELECT organisation_id, count(DISTINCT employer_id)::int AS n
      FROM contact
      WHERE direct AND employer_id IS NOT NULL AND cancelled_at IS NULL AND organisation_id IN (${ids})
        AND date BETWEEN ${p.from}::date AND ${p.to}::date
      GROUP BY GROUPING SETS ((organisation_id), ())`.execute(db),
    sql<{ organisation_id: string | null; n: number }>`
      SELECT organisation_id, COALESCE(sum(fte), 0)::float8 AS n
      FROM membership
      WHERE role = 'jobcoach' AND active AND organisation_id IN (${ids})
      GROUP BY GROUPING SETS ((organisation_id), ())`.execute(db),
  ]);
  const pick = (rows: { organisation_id: string | null; n: number }[], id: string | null) =>
    Number(rows.find((r) => r.organisation_id === id)?.n ?? 0);
  const perOrg = [...p.organisationIds, null].map(
    (id): PerOrgRow => ({
      organisation_id: id,
      coached: pick(coached.byOrganisation, id),
      employers: pick(employers.rows, id),
      fte: pick(fte.rows, id),
    }),
  );
  return { profile: coached.profile, perOrg };
}

function bySexTable(profile: ProfileRow[], contracts: ContractCountRow[]): ReportTable {
  const sexRow = (sex: string | null) => profile.find((r) => r.sex === sex && Number(r.all_sexes) === 0);
  const allRow = profile.find((r) => Number(r.all_sexes) === 1);
  const count = (row: ProfileRow | undefined, cell: string) => Number(row?.[cell] ?? 0);
  const sexes: [SexKey, ProfileRow | undefined][] = [
    ['women', sexRow('woman')],
    ['men', sexRow('man')],
    ['not_stated', sexRow('not_stated')],
  ];

  const rows: ReportRow[] = [];
  /** One group of rows, each a cell of the profile, with its total row; column percentages. */
  const profileGroup = (group: string, prefix: string, items: [string, string][]) => {
    for (const [item, label] of [...items, [NOT_STATED_ROW, L.notStatedRow] as [string, string]]) {
      const values: Record<string, ReportValue> = {};
      for (const [key, row] of sexes) values[key] = count(row, `${prefix}_${item}`);
      values.total = count(allRow, `${prefix}_${item}`);
      for (const key of ['women', 'men', 'total'] as const) {
        const whole =
          key === 'total' ? count(allRow, 'total') : count(sexes.find(([k]) => k === key)?.[1], 'total');
        values[`${key}_pct`] = percentOf(values[key] as number, whole);
      }
      rows.push({ key: `${prefix}_${item}`, label, group, values });
    }
    const totals: Record<string, ReportValue> = {};
    for (const [key, row] of sexes) totals[key] = count(row, 'total');
    totals.total = count(allRow, 'total');
    for (const key of ['women', 'men', 'total'] as const) {
      totals[`${key}_pct`] = percentOf(totals[key] as number, totals[key] as number);
    }
    rows.push({ key: `${prefix}_total`, label: L.total, group, total: true, values: totals });
  };
  profileGroup(
    L.ageGroup,
    'age',
    AGE_BANDS.map((b: AgeBand) => [b, REPORT_AGE_LABELS[b]]),
  );
  profileGroup(
    L.originGroup,
    'origin',
    ORIGINS.map((o) => [o, REPORT_ORIGIN_LABELS[o]]),
  );
  profileGroup(
    L.studiesGroup,
    'studies',
    STUDIES.map((s) => [s, REPORT_STUDIES_LABELS[s]]),
  );

  // Contracts (CDI, CDD) by the signer's sex, column percentages within each sex.
  const contractCell = (type: string | null, sex: string | null) =>
    contracts
      .filter(
        (r) =>
          Number(r.by_org) === 0 &&
          (type === null ? ['cdi', 'cdd'].includes(r.type ?? '') : r.type === type) &&
          (sex === null ? Number(r.by_sex) === 0 : Number(r.by_sex) === 1 && r.sex === sex),
      )
      // The sum of at most two SQL counts (CDI + CDD), for the total row.
      .reduce((n, r) => n + Number(r.n), 0);
  const dbSex = { women: 'woman', men: 'man', not_stated: 'not_stated' } as const;
  for (const type of ['cdi', 'cdd', null] as const) {
    const values: Record<string, ReportValue> = {};
    for (const [key] of sexes) values[key] = contractCell(type, dbSex[key]);
    values.total = contractCell(type, null);
    for (const key of ['women', 'men', 'total'] as const) {
      const whole = key === 'total' ? contractCell(null, null) : contractCell(null, dbSex[key]);
      values[`${key}_pct`] = percentOf(values[key] as number, whole);
    }
    rows.push({
      key: `contracts_${type ?? 'total'}`,
      label: type === null ? L.total : CONTRACT_TYPE_SHORT_LABELS[type],
      group: L.contractsGroup,
      ...(type === null ? { total: true } : {}),
      values,
    });
  }

  const columns: ReportColumn[] = [
    { key: 'women', label: L.women, kind: 'persons' },
    { key: 'women_pct', label: `${L.women} ${L.percent}`, kind: 'percent', basis: 'women' },
    { key: 'men', label: L.men, kind: 'persons' },
    { key: 'men_pct', label: `${L.men} ${L.percent}`, kind: 'percent', basis: 'men' },
    { key: 'total', label: L.total, kind: 'persons', sumOf: ['women', 'men', 'not_stated'] },
    { key: 'total_pct', label: `${L.total} ${L.percent}`, kind: 'percent', basis: 'total' },
    { key: 'not_stated', label: L.notStated, kind: 'persons' },
  ];
  return {
    id: 'by_sex',
    title: L.bySex,
    note: 'Personnes coachées pendant la période (âge, origine, études) et contrats CDI et CDD signés pendant la période, selon le sexe. Pourcentages de colonne au sein de chaque sexe et du total ; le sexe non communiqué est compté à part et dans le total.',
    columns,
    rows,
  };
}

/** Computes the report's tables (headline, by_sex, other_contracts, by_organisation, per_coach). */
export async function computeSteeringReport(
  db: Kysely<Database>,
  params: ReportParams,
  options: { aggregatesOnly: boolean },
): Promise<SteeringReport> {
  const [{ profile, perOrg }, contracts, organisations] = await Promise.all([
    perOrganisation(db, params),
    contractCounts(db, params),
    db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', params.organisationIds).execute(),
  ]);
  const nameOf = new Map(organisations.map((o) => [o.id, o.name]));
  const typeCount = (type: string, orgId: string | null = null) =>
    Number(
      contracts.find(
        (r) =>
          r.type === type &&
          Number(r.by_sex) === 0 &&
          (orgId === null ? Number(r.by_org) === 0 : Number(r.by_org) === 1 && r.organisation_id === orgId),
      )?.n ?? 0,
    );
  const all = perOrg.find((r) => r.organisation_id === null) as PerOrgRow;
  const cdi = typeCount('cdi');
  const cdd = typeCount('cdd');
  const others = OTHER_CONTRACT_TYPES.map((t) => typeCount(t));
  const otherTotal = others.reduce((a, b) => a + b, 0);

  const headline: ReportTable = {
    id: 'headline',
    title: L.headline,
    note: 'Employeurs distincts avec un contact direct (visite ou téléphone) ; personnes entrées en pré-embauche et dans le parcours pendant la période ; contrats signés pendant la période (cumulés).',
    columns: [{ key: 'value', label: L.value, kind: 'count' }],
    rows: [
      { key: 'employers_contacted', label: L.employersContacted, values: { value: all.employers } },
      { key: 'persons_coached', label: L.personsCoached, kind: 'persons', values: { value: all.coached } },
      { key: 'contracts_signed', label: L.contractsSigned, values: { value: cdi + cdd } },
      { key: 'cdi', label: L.cdi, values: { value: cdi } },
      { key: 'cdd', label: L.cdd, values: { value: cdd } },
      { key: 'other_contracts', label: L.otherContracts, values: { value: otherTotal } },
    ],
  };

  const otherContracts: ReportTable = {
    id: 'other_contracts',
    title: L.otherContractsTable,
    note: 'Contrats d’autres types que CDI et CDD signés pendant la période, non compris dans les contrats signés.',
    columns: [{ key: 'count', label: L.count, kind: 'count' }],
    rows: [
      ...OTHER_CONTRACT_TYPES.map((t, i) => ({
        key: t,
        label: CONTRACT_TYPE_SHORT_LABELS[t],
        values: { count: others[i] ?? 0 },
      })),
      { key: 'total', label: L.total, total: true, values: { count: otherTotal } },
    ],
  };

  const orgRows = perOrg
    .filter((r) => r.organisation_id !== null)
    .sort((a, b) =>
      (nameOf.get(a.organisation_id as string) ?? '').localeCompare(
        nameOf.get(b.organisation_id as string) ?? '',
        'fr',
      ),
    );
  /** A row per organisation, then the total of them all. */
  const orgTableRows = (values: (r: PerOrgRow) => ReportRow['values']): ReportRow[] =>
    [...orgRows, all].map((r) => ({
      key: r.organisation_id ?? 'total',
      label: r.organisation_id === null ? L.allOrganisations : (nameOf.get(r.organisation_id) ?? ''),
      ...(r.organisation_id === null ? { total: true } : {}),
      values: values(r),
    }));
  const orgCdi = (r: PerOrgRow) => (r.organisation_id === null ? cdi : typeCount('cdi', r.organisation_id));
  const orgCdd = (r: PerOrgRow) => (r.organisation_id === null ? cdd : typeCount('cdd', r.organisation_id));

  const byOrganisation: ReportTable = {
    id: 'by_organisation',
    title: L.byOrganisation,
    note: 'Un employeur contacté par plusieurs organisations d’un même bassin compte une fois dans l’ensemble : le total des employeurs peut être inférieur à la somme des lignes.',
    columns: [
      { key: 'coached', label: L.coached, kind: 'persons' },
      { key: 'employers', label: L.employers, kind: 'count' },
      { key: 'contracts', label: L.contracts, kind: 'count' },
      { key: 'cdi', label: 'CDI', kind: 'count' },
      { key: 'cdd', label: 'CDD', kind: 'count' },
      { key: 'fte', label: L.fte, kind: 'ratio' },
    ],
    rows: orgTableRows((r) => ({
      coached: r.coached,
      employers: r.employers,
      contracts: orgCdi(r) + orgCdd(r),
      cdi: orgCdi(r),
      cdd: orgCdd(r),
      fte: r.fte,
    })),
  };

  const perCoach: ReportTable = {
    id: 'per_coach',
    title: L.perCoach,
    note: 'Chiffres de la période divisés par la somme des ETP des jobcoaches actifs de l’organisation.',
    columns: [
      { key: 'fte', label: L.fte, kind: 'ratio' },
      { key: 'coached', label: L.coached, kind: 'persons' },
      { key: 'coached_per_fte', label: L.coachedPerFte, kind: 'ratio', basis: 'coached' },
      { key: 'employers_per_fte', label: L.employersPerFte, kind: 'ratio' },
      { key: 'contracts_per_fte', label: L.contractsPerFte, kind: 'ratio' },
    ],
    rows: orgTableRows((r) => ({
      fte: r.fte,
      coached: r.coached,
      coached_per_fte: ratioOf(r.coached, r.fte),
      employers_per_fte: ratioOf(r.employers, r.fte),
      contracts_per_fte: ratioOf(orgCdi(r) + orgCdd(r), r.fte),
    })),
  };

  const raw = [headline, bySexTable(profile, contracts), otherContracts, byOrganisation, perCoach];
  const tables = options.aggregatesOnly ? suppressReport(raw) : raw;
  const value = (key: string) => tables[0]?.rows.find((r) => r.key === key)?.values.value ?? null;
  return {
    headline: {
      employersContacted: value('employers_contacted'),
      personsCoached: value('persons_coached'),
      contractsSigned: value('contracts_signed'),
      cdi: value('cdi'),
      cdd: value('cdd'),
      otherContracts: value('other_contracts'),
    },
    tables,
  };
}
