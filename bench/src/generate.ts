import { BE_PLACES, employmentKindOf } from '@jobcoach/domain';
import pg from 'pg';
import { hashPassword } from '../../apps/server/src/auth/passwords.ts';
import { LAST_NAMES, MEN, WOMEN } from '../../apps/server/src/persons/demo-data.ts';
import { CopyWriter, log, withClient } from './database.ts';
import { dayOf, isoOf, stampOf } from './days.ts';
import { Random } from './prng.ts';
import { BENCH_PASSWORD, organisationSizes, REFERENCE_DAY, type Scale } from './scales.ts';
import {
  type PersonPlan,
  type PlannedContract,
  type PlannedEvent,
  planPerson,
  type TrajectoryParams,
} from './trajectories.ts';

/**
 * Deterministic synthetic data at a chosen scale, written with COPY on one connection per table
 * (PostgreSQL parses and stores them in parallel while this process generates the rows). Foreign
 * keys and secondary indexes of the loaded tables are dropped for the load and recreated after it,
 * which also checks every generated row against them; then ANALYZE.
 */

const SEED = 'jobcoach-bench';

/** The places of each seeded Walloon basin, by NIS prefix of their commune. */
const BASIN_NIS: Record<string, readonly string[]> = {
  'Brabant wallon': ['25'],
  Centre: ['55', '56'],
  Charleroi: ['52'],
  'Hainaut occidental': ['51', '54', '57'],
  'Huy-Waremme': ['61', '64'],
  Liège: ['62'],
  Luxembourg: ['8'],
  'Mons-Borinage': ['53'],
  Namur: ['91', '92', '93'],
  Verviers: ['63'],
};

/** The six pilot projects of 2002 (method.md §7) and their basins. */
const PILOT_PROJECTS: readonly (readonly [string, string, string])[] = [
  ['EDIT Verviers', 'Verviers', 'eft'],
  ['CEPPST Arlon', 'Luxembourg', 'union_centre'],
  ['CPAS de Fleurus', 'Charleroi', 'cpas'],
  ['FORMA Namur', 'Namur', 'oisp_cisp'],
  ['Mission régionale du Centre', 'Centre', 'mission_regionale'],
  ['RES Herstal', 'Liège', 'es_network'],
];

const ORG_KINDS = ['cpas', 'oisp_cisp', 'eft', 'mission_regionale', 'es_network', 'union_centre', 'other'];

/** Low-qualified jobs (method.md §1) with their NACE-BEL division. */
const JOBS: readonly (readonly [string, string])[] = [
  ['Magasinier·ère', '52'],
  ['Préparateur·rice de commandes', '52'],
  ['Technicien·ne de surface', '81'],
  ['Commis de cuisine', '56'],
  ['Plongeur·se', '56'],
  ['Vendeur·se', '47'],
  ['Caissier·ère', '47'],
  ['Manœuvre en construction', '43'],
  ['Ouvrier·ère de production', '10'],
  ['Aide-ménager·ère', '88'],
  ['Chauffeur·se-livreur·se', '49'],
  ['Ouvrier·ère jardinier·ère', '81'],
  ['Aide-soignant·e', '87'],
  ['Manutentionnaire', '46'],
];

const PARTNER_TYPES = [
  'cpas',
  'forem',
  'oisp_cisp',
  'debt_mediation',
  'health',
  'childcare',
  'association',
  'union',
];
const NACE = ['10', '43', '46', '47', '49', '52', '56', '81', '87', '88', 'C', 'G', 'I', 'N'];
const CONTACT_CHANNELS = [
  ['office_meeting', 40],
  ['phone', 33],
  ['visit', 8],
  ['video', 3],
  ['letter_email', 11],
  ['group_session', 5],
] as const;

export interface GenerationResult {
  seconds: number;
  counts: Record<string, number>;
}

interface Org {
  index: number;
  id: string;
  name: string;
  basinId: string;
  basinIndex: number;
  coordinatorId: string;
  coaches: string[];
  partners: string[];
}

const TABLES = {
  organisation: ['id', 'name', 'kind', 'basin_id', 'created_at', 'updated_at'],
  app_user: ['id', 'email', 'name', 'password_hash', 'is_admin', 'created_at', 'updated_at'],
  membership: ['user_id', 'organisation_id', 'role', 'fte', 'created_at'],
  partner: ['id', 'organisation_id', 'name', 'type', 'created_at', 'updated_at'],
  person: [
    'id',
    'organisation_id',
    'first_name',
    'last_name',
    'birth_date',
    'sex',
    'niss',
    'postcode',
    'commune',
    'phone',
    'origin',
    'studies',
    'months_without_job',
    'income',
    'single_parent',
    'children_count',
    'debt_settlement_plan',
    'driving_licence',
    'has_car',
    'public_transport',
    'max_travel_minutes',
    'languages',
    'schedule_days',
    'schedule_limits',
    'wished_sectors',
    'wished_jobs',
    'cdi_only',
    'referral_kind',
    'referral_partner_id',
    'referral_received_on',
    'information_session_on',
    'consent_on',
    'trust_contract_signed_on',
    'phase',
    'phase_since',
    'pre_hire_entry',
    'coach_id',
    'created_by',
    'created_at',
    'updated_at',
  ],
  coachability_assessment: [
    'id',
    'organisation_id',
    'person_id',
    'assessed_on',
    'conditions',
    'decision',
    'review_date',
    'redirect_partner_id',
    'reason',
    'assessor_id',
    'created_at',
  ],
  trajectory_event: [
    'id',
    'organisation_id',
    'person_id',
    'actor_id',
    'at',
    'date',
    'transition_id',
    'from_phase',
    'to_phase',
    'reason',
    'fields',
  ],
  person_document: ['id', 'organisation_id', 'person_id', 'kind', 'dated_on', 'author_id', 'created_at'],
  contact: [
    'id',
    'organisation_id',
    'employer_id',
    'purpose',
    'date',
    'channel',
    'duration_minutes',
    'next_planned_on',
    'author_id',
    'created_at',
  ],
  contact_person: ['contact_id', 'organisation_id', 'person_id', 'present'],
  absence: ['id', 'organisation_id', 'coach_id', 'from_on', 'to_on', 'cover_coach_id', 'created_at'],
  planned_contact: [
    'id',
    'organisation_id',
    'person_id',
    'coach_id',
    'starts_on',
    'starts_at',
    'duration_minutes',
    'place',
    'channel',
    'status',
    'created_by',
    'created_at',
    'updated_at',
  ],
  employer: [
    'id',
    'basin_id',
    'name',
    'bce',
    'nace_code',
    'size_class',
    'sector',
    'commune',
    'reference_name',
    'status',
    'created_at',
    'updated_at',
  ],
  vacancy: [
    'id',
    'organisation_id',
    'employer_id',
    'title',
    'source',
    'source_ref',
    'commune',
    'openings',
    'contract_type',
    'contract_months',
    'hours_per_week',
    'schedule',
    'sector_code',
    'published',
    'physical_demands',
    'status',
    'opened_on',
    'closed_on',
    'created_by',
    'created_at',
    'updated_at',
  ],
  presentation: [
    'id',
    'organisation_id',
    'person_id',
    'vacancy_id',
    'step',
    'created_by',
    'created_at',
    'updated_at',
  ],
  presentation_step: [
    'id',
    'organisation_id',
    'presentation_id',
    'step',
    'date',
    'channel',
    'author_id',
    'at',
  ],
  contract: [
    'id',
    'organisation_id',
    'person_id',
    'employer_id',
    'vacancy_id',
    'presentation_id',
    'type',
    'signed_on',
    'start_on',
    'planned_end_on',
    'hours_per_week',
    'job_title',
    'actual_end_on',
    'end_reason',
    'converted_from_contract_id',
    'created_by',
    'created_at',
    'updated_at',
  ],
  follow_up_arrangement: [
    'id',
    'organisation_id',
    'person_id',
    'contract_id',
    'mode',
    'discreet',
    'created_at',
    'updated_at',
  ],
} as const satisfies Record<string, readonly string[]>;
type TableName = keyof typeof TABLES;

/** A valid BCE number (mod 97) from an 8-digit base starting with 0 or 1. */
export function bceOf(base: number): string {
  const head = String(base).padStart(8, '0');
  return `${head}${String(97 - (base % 97)).padStart(2, '0')}`;
}

/**
 * A valid NISS (packages/domain isValidNiss): birth date YYMMDD, a serial odd for men and even
 * for women, and the mod-97 check (computed on "2" followed by the first nine digits for births
 * from 2000 on).
 */
export function nissOf(birth: string, serial: number): string {
  const head = `${birth.slice(2, 4)}${birth.slice(5, 7)}${birth.slice(8, 10)}${String(serial).padStart(3, '0')}`;
  const n = Number(birth.startsWith('2') ? `2${head}` : head);
  return `${head}${String(97 - (n % 97)).padStart(2, '0')}`;
}

/** Serials per birth day and sex: 001–997 odd for men, 002–998 even for women. */
export const NISS_SERIALS_PER_SEX = 499;

/**
 * The national numbers of one organisation, unique within it (the unique index on
 * (organisation_id, niss)): each person gets the next free serial of their birth day and sex.
 * When a day's 499 serials of that sex are taken, the person is born the next day instead, so
 * that the number and the birth date still agree (the server checks that they do).
 */
export class NissRegister {
  private readonly used = new Map<number, number>();

  /** The person's birth day (moved on past full days) and national number. */
  next(birth: number, woman: boolean): { birth: number; niss: string } {
    for (let day = birth; ; day++) {
      const key = day * 2 + (woman ? 1 : 0);
      const rank = this.used.get(key) ?? 0;
      if (rank >= NISS_SERIALS_PER_SEX) continue;
      this.used.set(key, rank + 1);
      return { birth: day, niss: nissOf(isoOf(day), woman ? 2 * rank + 2 : 2 * rank + 1) };
    }
  }
}

const json = (v: unknown) => JSON.stringify(v);

/**
 * An assessment's four conditions as the server records them (`{ met, comment }` each, packages/
 * contract assessmentInputSchema): all met when accepted (domain validateCoachabilityAssessment);
 * a postponed person is not available yet, a redirected one is neither available nor willing.
 */
function conditionsOf(decision: 'accepted' | 'postponed' | 'redirected') {
  const available = decision === 'accepted';
  const volunteers = decision !== 'redirected';
  return {
    aims_low_qualified_job: { met: true, comment: null },
    available_short_notice: {
      met: available,
      comment: available ? null : 'Pas disponible à court terme (formation ou situation à régler).',
    },
    faces_obstacles: { met: true, comment: null },
    volunteers_after_information: {
      met: volunteers,
      comment: volunteers ? null : 'Ne souhaite pas s’engager dans la méthode pour le moment.',
    },
  };
}

/**
 * A move's fields as the server records them: the transition's input (packages/contract
 * transitionInputSchema), plus the contract that made it when a contract did (contracts/service.ts:
 * signature, first day, end).
 */
function eventFields(
  e: PlannedEvent,
  contract: PlannedContract | null,
  contractId: string | null,
  employerId: string,
): Record<string, unknown> {
  const date = isoOf(e.day);
  const by = contractId === null ? {} : { contractId };
  switch (e.transition) {
    case 'enter_pre_hire':
      return { date, trustContractSignedOn: date };
    case 'start_hiring':
      return { date, employerId, ...by };
    case 'start_follow_up': {
      const c = contract!;
      return {
        date,
        contractKind: employmentKindOf({
          type: c.type,
          plannedEnd: c.plannedEnd === null ? null : isoOf(c.plannedEnd),
        }),
        contractStart: isoOf(c.start),
        ...(c.plannedEnd === null ? {} : { contractEnd: isoOf(c.plannedEnd) }),
        ...by,
      };
    }
    case 'return_to_pre_hire':
      return { date, returnReason: e.reason, ...by };
    case 'exit':
      return { date, exitReason: e.reason };
  }
}

/**
 * Drops the secondary indexes of the loaded tables and every foreign key (the tables load side by
 * side in separate transactions, and triggers such as the intake consent write into other tables);
 * returns how to recreate them.
 */
async function dropForLoad(client: pg.Client, tables: readonly string[]) {
  const fks = await client.query<{ table: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
  );
  const indexes = await client.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    [tables],
  );
  for (const fk of fks.rows) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}`);
  for (const ix of indexes.rows) await client.query(`DROP INDEX ${ix.name}`);
  return { fks: fks.rows, indexes: indexes.rows };
}

export async function generate(url: string, scale: Scale): Promise<GenerationResult> {
  const started = performance.now();
  const A = dayOf(REFERENCE_DAY);
  const start = A - Math.round(scale.years * 365.25);
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  const admin = new pg.Client({ connectionString: url });
  admin.on('error', () => undefined);
  await admin.connect();
  const basins = (await admin.query<{ id: string; name: string }>('SELECT id, name FROM basin ORDER BY name'))
    .rows;
  const placesOf = basins.map((b) => {
    const prefixes = BASIN_NIS[b.name] ?? ['9'];
    const list = BE_PLACES.filter((p) => prefixes.some((x) => p.nis.startsWith(x))).map((p) => p.name);
    return list.length > 0 ? list : ['Namur'];
  });

  const names = Object.keys(TABLES) as TableName[];
  const { fks, indexes } = await dropForLoad(admin, names);
  // The contact summary on the person row (migration 0011) is filled in one pass after the load
  // instead of one update of the person per copied contact.
  await admin.query('ALTER TABLE contact_person DISABLE TRIGGER contact_person_summary');
  log(`load: ${fks.length} foreign keys and ${indexes.length} indexes dropped for the load`);

  const clients: pg.Client[] = [];
  const w = {} as Record<TableName, CopyWriter>;
  for (const name of names) {
    const client = new pg.Client({ connectionString: url });
    // A failed load leaves the database to be dropped: its connections' errors end here.
    client.on('error', () => undefined);
    await client.connect();
    await client.query('SET synchronous_commit = off');
    clients.push(client);
    w[name] = new CopyWriter(client, name, TABLES[name]);
    w[name].start();
  }
  const drainAll = () => Promise.all(names.map((n) => w[n].drain()));

  // Organisations, accounts, memberships, partners.
  const rnd = new Random(`${SEED}/setup`);
  const created = stampOf(start - 30, 540);
  const orgs: Org[] = [];
  const pilot = scale.name === 'pilot';
  const sizes = organisationSizes(scale);
  for (let i = 0; i < scale.organisations; i++) {
    const project = pilot ? PILOT_PROJECTS[i % PILOT_PROJECTS.length]! : null;
    const basinIndex = project
      ? Math.max(
          0,
          basins.findIndex((b) => b.name === project[1]),
        )
      : i % basins.length;
    const basin = basins[basinIndex]!;
    const org: Org = {
      index: i,
      id: rnd.uuid(),
      name: project
        ? project[0]
        : `Jobcoaching ${placesOf[basinIndex]![i % placesOf[basinIndex]!.length]} ${i + 1}`,
      basinId: basin.id,
      basinIndex,
      coordinatorId: rnd.uuid(),
      coaches: [],
      partners: [],
    };
    w.organisation.push([
      org.id,
      org.name,
      project ? project[2] : ORG_KINDS[i % ORG_KINDS.length]!,
      basin.id,
      created,
      created,
    ]);
    w.app_user.push([
      org.coordinatorId,
      `coordination.${i + 1}@bench.example`,
      `Coordination ${i + 1}`,
      passwordHash,
      false,
      created,
      created,
    ]);
    w.membership.push([org.coordinatorId, org.id, 'coordinator', 1, created]);
    for (let c = 0; c < sizes[i]!.coaches; c++) {
      const id = rnd.uuid();
      org.coaches.push(id);
      const first = rnd.chance(0.6) ? rnd.pick(WOMEN) : rnd.pick(MEN);
      w.app_user.push([
        id,
        `coach.${i + 1}.${c + 1}@bench.example`,
        `${first} ${rnd.pick(LAST_NAMES)}`,
        passwordHash,
        false,
        created,
        created,
      ]);
      w.membership.push([
        id,
        org.id,
        'jobcoach',
        rnd.weighted([
          [1, 6],
          [0.8, 2],
          [0.5, 2],
        ] as const),
        created,
      ]);
    }
    for (let k = 0; k < 8; k++) {
      const id = rnd.uuid();
      org.partners.push(id);
      w.partner.push([id, org.id, `Partenaire ${k + 1} (${org.name})`, PARTNER_TYPES[k]!, created, created]);
    }
    orgs.push(org);
  }
  // The administrator, and the organisation the import benchmark writes into (kept empty).
  w.app_user.push([
    rnd.uuid(),
    'admin@bench.example',
    'Administration',
    passwordHash,
    true,
    created,
    created,
  ]);
  const importOrg = { id: rnd.uuid(), userId: rnd.uuid() };
  w.organisation.push([importOrg.id, 'Import de référence', 'other', basins[0]!.id, created, created]);
  w.app_user.push([
    importOrg.userId,
    'import@bench.example',
    'Import de référence',
    passwordHash,
    false,
    created,
    created,
  ]);
  w.membership.push([importOrg.userId, importOrg.id, 'coordinator', 1, created]);

  // Employers: the shared registry of each basin.
  const employersPerBasin = basins.map(() => [] as string[]);
  const usedBasins = [...new Set(orgs.map((o) => o.basinIndex))];
  const erand = new Random(`${SEED}/employers`);
  for (let e = 0; e < scale.employers; e++) {
    const b = usedBasins[e % usedBasins.length]!;
    const id = erand.uuid();
    employersPerBasin[b]!.push(id);
    const nace = erand.pick(NACE);
    const at = stampOf(start - erand.int(0, 900), 600);
    w.employer.push([
      id,
      basins[b]!.id,
      `${erand.pick(LAST_NAMES)} ${erand.pick(['SPRL', 'SA', 'SRL', 'ASBL', '& Fils', 'SC'])} ${e + 1}`,
      erand.chance(0.85) ? bceOf(10_000_000 + e) : null,
      nace,
      erand.weighted([
        ['lt10', 55],
        ['10_49', 30],
        ['50_249', 12],
        ['250_plus', 3],
      ] as const),
      erand.chance(0.9) ? 'private' : 'public',
      erand.pick(placesOf[b]!),
      erand.chance(0.7) ? `${erand.pick(WOMEN)} ${erand.pick(LAST_NAMES)}` : null,
      erand.weighted([
        ['prospect', 40],
        ['contacted', 30],
        ['partner', 25],
        ['dormant', 5],
      ] as const),
      at,
      at,
    ]);
  }

  // Trajectories: calibrate the mean time to a hiring so that the contracts land near the target.
  const params: TrajectoryParams = { start, end: A, hireMeanDays: 150 };
  const simulate = (org: Org, p: TrajectoryParams) => {
    const prnd = new Random(`${SEED}/persons/${org.index}`);
    const count = sizes[org.index]!.persons;
    const plans: PersonPlan[] = [];
    for (let k = 0; k < count; k++) plans.push(planPerson(prnd, p));
    return plans;
  };
  const sample = orgs.slice(0, Math.min(orgs.length, 30));
  // The sample's share of the whole, in persons (organisations differ in size on a skewed scale).
  const sampleShare = sample.reduce((n, org) => n + sizes[org.index]!.persons, 0) / scale.persons;
  for (let round = 0; round < 3; round++) {
    let contracts = 0;
    for (const org of sample) for (const plan of simulate(org, params)) contracts += plan.contracts.length;
    const target = scale.contracts * sampleShare;
    const ratio = contracts / target;
    if (Math.abs(ratio - 1) < 0.04) break;
    params.hireMeanDays = Math.max(20, Math.min(2000, params.hireMeanDays * ratio ** 1.5));
  }
  // Contacts: the cadence's rates (a week in pre-hire, two in follow-up, ten days in intake),
  // scaled to the target count.
  let weighted = 0;
  for (const org of sample) {
    for (const plan of simulate(org, params)) {
      for (const iv of plan.intervals)
        weighted += (iv.to - iv.from) / (iv.kind === 'pre_hire' ? 7 : iv.kind === 'follow_up' ? 14 : 10);
    }
  }
  // 1.21: the mean gap's stretch by the long silences below (6 % of gaps 3–6 times as long).
  const contactFactor = ((scale.contacts * sampleShare) / Math.max(1, weighted)) * 1.21;
  log(
    `trajectories: mean ${Math.round(params.hireMeanDays)} days to a hiring, contact factor ${contactFactor.toFixed(2)}`,
  );

  const openShare = scale.openVacancies / scale.vacancies;
  const firstBirth = dayOf(scale.births?.[0] ?? '1960-01-01');
  const lastBirth = dayOf(scale.births?.[1] ?? '2005-12-31');
  for (const org of orgs) {
    const plans = simulate(org, params);
    const rnd = new Random(`${SEED}/org/${org.index}`);
    const crnd = new Random(`${SEED}/contacts/${org.index}`);
    // Its own stream: the agenda's plans leave every other generated row as it was.
    const arnd = new Random(`${SEED}/agenda/${org.index}`);
    const places = placesOf[org.basinIndex]!;
    const employers = employersPerBasin[org.basinIndex]!;
    const preHire: string[] = [];
    const coachOfPerson: string[] = [];
    const personIds: string[] = [];

    // Vacancies first (contracts point at them): opened over the whole history, the latest open.
    const vacancies: { id: string; employer: string; title: string; opened: number }[] = [];
    const openFrom = A - Math.round((A - start) * openShare);
    for (let v = 0; v < sizes[org.index]!.vacancies; v++) {
      const id = rnd.uuid();
      const employer = rnd.pick(employers);
      const [title, nace] = rnd.pick(JOBS);
      const opened = rnd.int(start, A);
      const open = opened >= openFrom;
      const contractType = rnd.weighted([
        ['cdi', 35],
        ['cdd', 40],
        ['interim', 20],
        ['other', 5],
      ] as const);
      const author = rnd.pick(org.coaches);
      vacancies.push({ id, employer, title, opened });
      w.vacancy.push([
        id,
        org.id,
        employer,
        title,
        rnd.weighted([
          ['forem', 50],
          ['canvassing', 20],
          ['employer_request', 15],
          ['newspaper', 10],
          ['union_delegate', 5],
        ] as const),
        `B${org.index + 1}-${v + 1}`,
        rnd.pick(places),
        rnd.weighted([
          [1, 8],
          [2, 2],
          [3, 1],
        ] as const),
        contractType,
        contractType === 'cdd' ? rnd.pick([3, 6, 12]) : null,
        rnd.pick([19, 24, 30, 38]),
        json(
          rnd.chance(0.7)
            ? ['day']
            : rnd.pick([['day', 'evening'], ['shifts'], ['day', 'weekend'], ['night']]),
        ),
        nace,
        json({
          text: `${title} : ponctualité, motivation, travail en équipe.`,
          diplomaLevel: rnd.weighted([
            [null, 6],
            ['none', 2],
            ['ceb', 1],
            ['cesi', 1],
            ['cess', 1],
          ] as const),
          languages: [
            {
              code: 'fr',
              ...{
                basic: { understand: 'basic', speak: 'basic' },
                speaks: { understand: 'good', speak: 'good' },
                fluent: { understand: 'fluent', speak: 'fluent' },
              }[rnd.pick(['basic', 'speaks', 'fluent'] as const)],
            },
          ],
          drivingLicence: rnd.chance(0.3),
          car: rnd.chance(0.15),
          experienceYears: rnd.chance(0.5) ? null : rnd.int(0, 3),
        }),
        json(
          rnd.chance(0.4) ? [rnd.pick(['long_standing', 'heavy_loads', 'cold_heat', 'work_at_height'])] : [],
        ),
        open ? 'open' : rnd.chance(0.6) ? 'filled' : 'closed',
        isoOf(opened),
        open ? null : isoOf(Math.min(A, opened + rnd.int(7, 90))),
        author,
        stampOf(opened, 600),
        stampOf(opened, 600),
      ]);
      // The employer contact that brought the vacancy (canvassing or a call).
      if (rnd.chance(0.8)) {
        w.contact.push([
          rnd.uuid(),
          org.id,
          employer,
          rnd.chance(0.5) ? 'canvassing' : 'vacancy',
          isoOf(Math.max(start, opened - rnd.int(0, 10))),
          rnd.weighted([
            ['visit', 4],
            ['phone', 5],
            ['letter_email', 1],
          ] as const),
          null,
          null,
          author,
          stampOf(opened, 610),
        ]);
      }
    }

    const register = new NissRegister();
    plans.forEach((plan) => {
      const id = rnd.uuid();
      personIds.push(id);
      const woman = rnd.chance(0.55);
      const identity = register.next(rnd.int(firstBirth, lastBirth), woman);
      const birthIso = isoOf(identity.birth);
      const coach = plan.assigned ? rnd.pick(org.coaches) : null;
      coachOfPerson.push(coach ?? org.coordinatorId);
      const author = coach ?? org.coordinatorId;
      const fromPartner = rnd.chance(0.6);
      const partner = fromPartner ? rnd.pick(org.partners) : null;
      const wished = rnd.pick(JOBS);
      const lastTrajectory = plan.events.at(-1)?.day ?? plan.referral;
      if (plan.phase === 'pre_hire') preHire.push(id);
      w.person.push([
        id,
        org.id,
        rnd.pick(woman ? WOMEN : MEN),
        rnd.pick(LAST_NAMES),
        birthIso,
        woman ? 'woman' : 'man',
        identity.niss,
        String(rnd.int(1000, 9999)),
        rnd.pick(places),
        `+32 4${rnd.int(70, 99)} ${rnd.int(10, 99)} ${rnd.int(10, 99)} ${rnd.int(10, 99)}`,
        rnd.chance(0.7) ? 'belgian_or_european' : 'foreign_or_foreign_origin',
        rnd.weighted([
          ['ceb', 3],
          ['cesi', 3],
          ['cess', 2],
          ['other', 2],
        ] as const),
        rnd.int(6, 120),
        rnd.weighted([
          ['unemployment_benefit', 5],
          ['integration_income', 4],
          ['none', 1],
        ] as const),
        rnd.chance(0.25),
        rnd.int(0, 4),
        rnd.chance(0.12),
        rnd.chance(0.45),
        rnd.chance(0.3),
        rnd.chance(0.8),
        rnd.pick([30, 45, 60, 90]),
        json(
          (rnd.chance(0.85) ? ['fr'] : ['fr', rnd.pick(['ar', 'tr', 'it', 'nl'])]).map((code) => ({
            code,
            understand: 'good',
            speak: 'good',
          })),
        ),
        json(['mon', 'tue', 'wed', 'thu', 'fri']),
        json(rnd.chance(0.3) ? [rnd.pick(['no_evening', 'no_night', 'no_weekend'])] : []),
        json([wished[1]]),
        json([wished[0]]),
        rnd.chance(0.08),
        fromPartner ? 'partner' : rnd.chance(0.5) ? 'spontaneous' : 'word_of_mouth',
        partner,
        isoOf(plan.referral),
        isoOf(plan.referral),
        isoOf(plan.referral),
        plan.preHireEntry === null ? null : isoOf(plan.preHireEntry),
        plan.phase,
        isoOf(plan.phaseSince),
        plan.preHireEntry === null ? null : isoOf(plan.preHireEntry),
        coach,
        author,
        stampOf(plan.referral, 560),
        stampOf(lastTrajectory, 570),
      ]);
      plan.assessments.forEach((a, n) => {
        const redirected = a.decision === 'redirected';
        w.coachability_assessment.push([
          rnd.uuid(),
          org.id,
          id,
          isoOf(a.on),
          json(conditionsOf(a.decision)),
          a.decision,
          a.review === null ? null : isoOf(a.review),
          redirected ? rnd.pick(org.partners) : null,
          redirected ? 'Orientation vers un service spécialisé.' : null,
          author,
          stampOf(a.on, 600 + n),
        ]);
      });
      // The contracts' identifiers, vacancies and employers first: the moves they made name them.
      const contractRefs: { id: string; employer: string; vacancy: (typeof vacancies)[number] | null }[] = [];
      for (const c of plan.contracts) {
        const vacancy =
          c.continues === null && rnd.chance(0.6) && vacancies.length > 0 ? rnd.pick(vacancies) : null;
        // A renewal or a conversion continues the job with the same employer.
        const employer =
          c.continues !== null
            ? contractRefs[c.continues]!.employer
            : (vacancy?.employer ?? rnd.pick(employers));
        contractRefs.push({ id: rnd.uuid(), employer, vacancy });
      }
      plan.events.forEach((e, n) => {
        const contract = e.contract === null ? null : plan.contracts[e.contract]!;
        const ref = e.contract === null ? null : contractRefs[e.contract]!;
        w.trajectory_event.push([
          rnd.uuid(),
          org.id,
          id,
          author,
          stampOf(e.day, 620 + n),
          isoOf(e.day),
          e.transition,
          e.from,
          e.to,
          e.reason,
          json(eventFields(e, contract, ref?.id ?? null, ref?.employer ?? rnd.pick(employers))),
        ]);
      });
      if (plan.preHireEntry !== null) {
        w.person_document.push([
          rnd.uuid(),
          org.id,
          id,
          'trust_contract',
          isoOf(plan.preHireEntry),
          author,
          stampOf(plan.preHireEntry, 630),
        ]);
      }

      // Contracts, each with its presentation (hired) and often its vacancy and arrangement.
      plan.contracts.forEach((c, k) => {
        const { id: cid, employer, vacancy } = contractRefs[k]!;
        let presentationId: string | null = null;
        if (vacancy) {
          presentationId = rnd.uuid();
          const proposed = Math.max(start, c.signed - rnd.int(7, 40));
          w.presentation.push([
            presentationId,
            org.id,
            id,
            vacancy.id,
            'hired',
            author,
            stampOf(proposed, 640),
            stampOf(c.signed, 640),
          ]);
          w.presentation_step.push([
            rnd.uuid(),
            org.id,
            presentationId,
            'proposed',
            isoOf(proposed),
            null,
            author,
            stampOf(proposed, 640),
          ]);
          w.presentation_step.push([
            rnd.uuid(),
            org.id,
            presentationId,
            'introduced',
            isoOf(Math.min(c.signed, proposed + 5)),
            'phone',
            author,
            stampOf(Math.min(c.signed, proposed + 5), 641),
          ]);
          w.presentation_step.push([
            rnd.uuid(),
            org.id,
            presentationId,
            'hired',
            isoOf(c.signed),
            null,
            author,
            stampOf(c.signed, 642),
          ]);
        }
        w.contract.push([
          cid,
          org.id,
          id,
          employer,
          vacancy?.id ?? null,
          presentationId,
          c.type,
          isoOf(c.signed),
          isoOf(c.start),
          c.plannedEnd === null ? null : isoOf(c.plannedEnd),
          rnd.pick([19, 24, 30, 38]),
          vacancy?.title ?? wished[0],
          c.actualEnd === null ? null : isoOf(c.actualEnd),
          c.endReason,
          c.continues === null ? null : contractRefs[c.continues]!.id,
          author,
          stampOf(c.signed, 650),
          stampOf(c.actualEnd ?? c.signed, 650),
        ]);
        if (rnd.chance(0.7)) {
          const discreet = rnd.chance(0.1);
          w.follow_up_arrangement.push([
            rnd.uuid(),
            org.id,
            id,
            cid,
            discreet
              ? 'bilateral'
              : rnd.weighted([
                  ['bilateral', 6],
                  ['phone', 2],
                  ['workplace_visits', 2],
                ] as const),
            discreet,
            stampOf(c.signed, 660),
            stampOf(c.signed, 660),
          ]);
        }
        if (c.continues === null && rnd.chance(0.5)) {
          const visit = rnd.uuid();
          const channel = rnd.chance(0.5) ? 'visit' : 'phone';
          w.contact.push([
            visit,
            org.id,
            employer,
            'follow_up',
            isoOf(Math.min(A, c.start + rnd.int(7, 40))),
            channel,
            null,
            null,
            author,
            stampOf(c.start, 700),
          ]);
          // A follow-up visit at the workplace is with the person too.
          w.contact_person.push([visit, org.id, id, channel === 'visit']);
        }
      });

      // Contacts along the phases, with the cadence's gaps (and some long silences: the overdue).
      let n = 0;
      for (const iv of plan.intervals) {
        const mean = (iv.kind === 'pre_hire' ? 7 : iv.kind === 'follow_up' ? 14 : 10) / contactFactor;
        let day = iv.from + Math.round(crnd.next() * mean);
        while (day <= iv.to) {
          const channel = crnd.weighted(CONTACT_CHANNELS);
          // About the person; now and then with someone else (a partner, the employer) without them.
          const present = !(iv.kind === 'follow_up' && crnd.chance(0.2)) && !crnd.chance(0.05);
          const planned = crnd.chance(0.3) ? day + crnd.int(5, 14) : null;
          const contactId = crnd.uuid();
          w.contact_person.push([contactId, org.id, id, present]);
          w.contact.push([
            contactId,
            org.id,
            null,
            null,
            isoOf(day),
            channel,
            crnd.pick([15, 30, 45, 60, 90]),
            planned === null ? null : isoOf(planned),
            crnd.chance(0.95) ? author : org.coordinatorId,
            stampOf(day, 480 + (n++ % 600)),
          ]);
          const long = crnd.chance(0.06);
          day += Math.max(1, Math.round(long ? mean * crnd.int(3, 6) : mean * (0.5 + crnd.next())));
        }
      }

      // The coach's agenda: for about half the persons followed, a contact planned around the
      // reference day (a few days late and still to hold, or in the ten days to come), at a time or
      // all day; now and then a second one.
      if (coach !== null && plan.phase !== 'intake' && plan.phase !== 'exited' && arnd.chance(0.5)) {
        for (let k = arnd.chance(0.2) ? 2 : 1; k > 0; k--) {
          const on = A + arnd.int(-2, 10);
          const timed = arnd.chance(0.6);
          const planned = stampOf(A - arnd.int(1, 14), 540 + k);
          w.planned_contact.push([
            arnd.uuid(),
            org.id,
            id,
            coach,
            isoOf(on),
            timed ? `${String(arnd.int(9, 16)).padStart(2, '0')}:${arnd.pick(['00', '30'])}` : null,
            timed ? arnd.pick([30, 45, 60, 90]) : null,
            arnd.chance(0.4) ? arnd.pick(['Bureau', 'Antenne du CPAS', 'Sur le lieu de travail']) : null,
            arnd.pick(['office_meeting', 'visit', 'phone'] as const),
            'planned',
            coach,
            planned,
            planned,
          ]);
        }
      }
    });

    // Active presentations on the open vacancies (matching shows them): up to three candidates.
    if (preHire.length > 0) {
      for (const v of vacancies) {
        if (v.opened < openFrom || !rnd.chance(0.5)) continue;
        const taken = new Set<string>();
        const n = rnd.int(1, Math.min(3, preHire.length));
        for (let k = 0; k < n; k++) {
          const person = rnd.pick(preHire);
          if (taken.has(person)) continue;
          taken.add(person);
          const pid = rnd.uuid();
          const step = rnd.weighted([
            ['proposed', 4],
            ['discussed', 2],
            ['applied', 2],
            ['interview', 1],
          ] as const);
          const author = rnd.pick(org.coaches);
          w.presentation.push([
            pid,
            org.id,
            person,
            v.id,
            step,
            author,
            stampOf(v.opened, 700),
            stampOf(v.opened, 700),
          ]);
          w.presentation_step.push([
            rnd.uuid(),
            org.id,
            pid,
            'proposed',
            isoOf(v.opened),
            null,
            author,
            stampOf(v.opened, 700),
          ]);
          if (step !== 'proposed') {
            w.presentation_step.push([
              rnd.uuid(),
              org.id,
              pid,
              step,
              isoOf(Math.min(A, v.opened + 3)),
              null,
              author,
              stampOf(v.opened, 701),
            ]);
          }
        }
      }
    }

    // Absences: one coach of each organisation is away today, covered by a colleague, plus past ones.
    if (org.coaches.length >= 2) {
      const [away, cover] = [org.coaches[0]!, org.coaches[1]!];
      w.absence.push([
        rnd.uuid(),
        org.id,
        away,
        isoOf(A - rnd.int(0, 5)),
        isoOf(A + rnd.int(3, 14)),
        cover,
        created,
      ]);
      for (let k = 0; k < 3; k++) {
        const from = rnd.int(start, A - 30);
        w.absence.push([rnd.uuid(), org.id, cover, isoOf(from), isoOf(from + rnd.int(3, 15)), away, created]);
      }
    }
    await drainAll();
    if ((org.index + 1) % 25 === 0 || org.index + 1 === orgs.length) {
      log(
        `generate: ${org.index + 1}/${orgs.length} organisations, ${w.contact.rows.toLocaleString('en')} contacts`,
      );
    }
  }

  await Promise.all(names.map((n) => w[n].end()));
  for (const c of clients) await c.end();
  const loaded = performance.now();
  log(
    `load: rows written in ${((loaded - started) / 1000).toFixed(1)} s; recreating indexes and foreign keys`,
  );

  await admin.query("SET maintenance_work_mem = '512MB'");
  await admin.query('SELECT person_contact_summary_fill()');
  await admin.query('ALTER TABLE contact_person ENABLE TRIGGER contact_person_summary');
  // Two connections build the indexes side by side (the machine has two cores).
  const second = new pg.Client({ connectionString: url });
  await second.connect();
  await second.query("SET maintenance_work_mem = '512MB'");
  const queue = [...indexes];
  await Promise.all(
    [admin, second].map(async (c) => {
      for (let ix = queue.shift(); ix; ix = queue.shift()) await c.query(ix.def);
    }),
  );
  await second.end();
  for (const fk of fks) await admin.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.def}`);
  log(
    `load: indexes and foreign keys back in ${((performance.now() - loaded) / 1000).toFixed(1)} s; analyzing`,
  );
  await admin.query('VACUUM (ANALYZE)');
  await admin.end();

  const counts: Record<string, number> = {};
  for (const n of names) counts[n] = w[n].rows;
  return { seconds: (performance.now() - started) / 1000, counts };
}

/** The organisation the import benchmark writes into, and its coordinator. */
export async function importTarget(url: string) {
  return withClient(url, async (c) => {
    const r = await c.query<{ organisation_id: string; user_id: string; basin_id: string }>(
      `SELECT m.organisation_id, m.user_id, o.basin_id FROM membership m
         JOIN organisation o ON o.id = m.organisation_id
         JOIN app_user u ON u.id = m.user_id WHERE u.email = 'import@bench.example'`,
    );
    return r.rows[0]!;
  });
}
