import { createHash } from 'node:crypto';
import {
  contactInputSchema,
  employerContactInputSchema,
  employerInputSchema,
  personInputSchema,
} from '@jobcoach/contract';
import type { Database, Selectable } from '@jobcoach/db';
import type {
  ContactChannel,
  ContactPurpose,
  ContractEndReason,
  ContractKind,
  ContractType,
  TransitionId,
} from '@jobcoach/domain';
import type { z } from 'zod';
import {
  bad,
  ok,
  type Read,
  readBce,
  readBoolean,
  readDate,
  readDecimal,
  readInteger,
} from '../imports/cells.ts';
import type { CsvRecord } from '../imports/csv.ts';
import { PERSON_COLUMNS } from '../persons/queries.ts';
import {
  COLUMNS,
  columnLabel,
  type HistoryFile,
  readContactChannel,
  readContractKind,
  readContractType,
  readEmployerChannel,
  readEmployerStatus,
  readEndReason,
  readEvent,
  readIncome,
  readOrigin,
  readPurpose,
  readReferralKind,
  readSector,
  readSex,
  readSizeClass,
  readStudies,
  readWithWhom,
} from './format.ts';
import { columnHeading, columnNote, columnOf } from './names.ts';
import type { Sheets } from './sources.ts';

/** One problem with the import: the file, its line (0: the file as a whole), the column, in French. */
export interface HistoryError {
  file: string;
  line: number;
  field: string;
  message: string;
}

interface RowBase {
  file: HistoryFile;
  /** The sheet's name, as errors show it. */
  sheet: string;
  line: number;
  externalId: string;
  /** Digest of the row's content: the same row imported again is "unchanged". */
  hash: string;
}

/** The employer's columns a row sets: all but the keys, the version and the bookkeeping. */
type EmployerColumns = Omit<
  Selectable<Database['employer']>,
  | 'id'
  | 'basin_id'
  | 'status'
  | 'version'
  | 'created_by_organisation_id'
  | 'created_by'
  | 'created_at'
  | 'updated_at'
>;

export interface EmployerRow extends RowBase {
  values: EmployerColumns & {
    /** null: derived from the history (partner when it hired, contacted after a direct contact). */
    status: string | null;
  };
}

export interface PersonRow extends RowBase {
  values: Record<string, string | number | boolean | null>;
  referralDate: string;
  referralKind: 'partner' | 'spontaneous' | 'word_of_mouth';
  referralPartner: string | null;
  coachEmail: string | null;
}

export interface ContractRow extends RowBase {
  personRef: string;
  employerRef: string;
  continuesRef: string | null;
  values: {
    type: ContractType;
    signed_on: string;
    start_on: string;
    planned_end_on: string | null;
    hours_per_week: number | null;
    job_title: string;
    actual_end_on: string | null;
    end_reason: ContractEndReason | null;
    end_detail: string | null;
  };
}

export interface EventRow extends RowBase {
  personRef: string;
  date: string;
  transitionId: TransitionId;
  reason: string | null;
  detail: string | null;
  trustContractSignedOn: string | null;
  employerRef: string | null;
  contractRef: string | null;
  contractKind: ContractKind | null;
  contractStart: string | null;
  contractEnd: string | null;
}

export interface PersonContactRow extends RowBase {
  personRef: string;
  values: {
    date: string;
    with_whom: string;
    counterpart: string | null;
    channel: ContactChannel;
    duration_minutes: number | null;
    notes: string | null;
  };
}

export interface EmployerContactRow extends RowBase {
  employerRef: string;
  personRef: string | null;
  values: { date: string; channel: ContactChannel; purpose: ContactPurpose; notes: string | null };
}

export interface ParsedRows {
  employers: EmployerRow[];
  persons: PersonRow[];
  contracts: ContractRow[];
  events: EventRow[];
  person_contacts: PersonContactRow[];
  employer_contacts: EmployerContactRow[];
}

export interface Parsed {
  rows: ParsedRows;
  errors: HistoryError[];
  /** External ids of the rows that could not be read, per file (their dependants are skipped). */
  failed: Record<HistoryFile, Set<string>>;
  /** Files whose header is wrong: every row of them is refused. */
  failedFiles: Set<HistoryFile>;
  /** Data rows per file (blank lines excepted). */
  counts: Partial<Record<HistoryFile, number>>;
  /** The name errors give each file. */
  sheetNames: Partial<Record<HistoryFile, string>>;
  /** Persons with an unreadable event (→ its line): their trajectory cannot be replayed. */
  brokenTrajectories: Map<string, { sheet: string; line: number }>;
}

export function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 32);
}

/** Reads one row's cells by column name, collecting French errors on their columns. */
class RowReader {
  readonly errors: HistoryError[] = [];
  constructor(
    private readonly file: HistoryFile,
    private readonly sheet: string,
    private readonly record: CsvRecord,
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  cell(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.record.fields[i] ?? '').trim();
  }

  text(column: string): string | null {
    const v = this.cell(column).replace(/\s+/g, ' ');
    return v === '' ? null : v;
  }

  fail(column: string, message: string) {
    if (this.errors.some((e) => e.field === column)) return;
    this.errors.push({
      file: this.sheet,
      line: this.record.line,
      field: column,
      message: `« ${columnLabel(this.file, column)} » : ${message}`,
    });
  }

  required(column: string): string {
    const v = this.text(column);
    if (v === null) this.fail(column, 'ce champ est obligatoire.');
    return v ?? '';
  }

  /** An optional cell read by `reader` (null when empty). */
  optional<T>(column: string, reader: (c: string) => Read<T>): T | null {
    const v = this.cell(column);
    if (v === '') return null;
    const r = reader(v);
    if (r.ok) return r.value;
    this.fail(column, r.message);
    return null;
  }

  /** A required cell read by `reader`. */
  read<T>(column: string, reader: (c: string) => Read<T>, fallback: T): T {
    if (this.cell(column) === '') {
      this.fail(column, 'ce champ est obligatoire.');
      return fallback;
    }
    return this.optional(column, reader) ?? fallback;
  }

  /** Checks a candidate with one of the API's schemas; its issues go to the columns they concern. */
  schema<T>(schema: z.ZodType<T>, candidate: unknown, columnOf: (path: string) => string): T | null {
    const parsed = schema.safeParse(candidate);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues)
      this.fail(columnOf(issue.path.map(String).join('.')), issue.message);
    return null;
  }

  get line() {
    return this.record.line;
  }
}

const externalIdReader = (c: string): Read<string> =>
  c.length > 100 ? bad('au plus 100 caractères.') : ok(c);

/** camelCase API field → snake_case column. */
const snake = (path: string) => path.replace(/\..*$/, '').replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

function readEmployer(r: RowReader): Omit<EmployerRow, keyof RowBase> | null {
  const bce = r.optional('bce', readBce);
  const sector = r.optional('sector', readSector) ?? 'private';
  const status = r.optional('status', readEmployerStatus);
  const sizeClass = r.optional('size_class', readSizeClass);
  const referenceName = r.text('reference_name');
  const candidate = {
    name: r.required('name'),
    naceCode: r.cell('nace_code'),
    sizeClass,
    sector,
    address: r.cell('address'),
    postcode: r.cell('postcode'),
    commune: r.cell('commune'),
    reference: referenceName
      ? {
          name: referenceName,
          role: r.cell('reference_role'),
          phone: r.cell('reference_phone'),
          email: r.cell('reference_email'),
        }
      : null,
    status: status ?? 'prospect',
  };
  if (
    !referenceName &&
    (r.text('reference_role') || r.text('reference_phone') || r.text('reference_email'))
  ) {
    r.fail(
      'reference_name',
      'le nom de la personne de référence est obligatoire avec sa fonction, son téléphone ou son e-mail.',
    );
  }
  const v = r.schema(employerInputSchema.omit({ bce: true, notes: true }), candidate, (p) =>
    p.startsWith('reference.') ? `reference_${p.split('.')[1]}` : snake(p),
  );
  if (!v || r.errors.length > 0) return null;
  return {
    values: {
      name: v.name,
      bce,
      nace_code: v.naceCode ?? null,
      size_class: v.sizeClass ?? null,
      sector: v.sector,
      address: v.address ?? null,
      postcode: v.postcode ?? null,
      commune: v.commune ?? null,
      reference_name: v.reference?.name ?? null,
      reference_role: v.reference?.role ?? null,
      reference_phone: v.reference?.phone ?? null,
      reference_email: v.reference?.email ?? null,
      status,
    },
  };
}

function readPerson(r: RowReader, today: string): Omit<PersonRow, keyof RowBase> | null {
  const candidate = {
    firstName: r.required('first_name'),
    lastName: r.required('last_name'),
    birthDate: r.optional('birth_date', readDate),
    sex: r.read('sex', readSex, 'not_stated'),
    niss: r.cell('niss'),
    address: r.cell('address'),
    postcode: r.cell('postcode'),
    commune: r.cell('commune'),
    phone: r.cell('phone'),
    email: r.cell('email'),
    origin: r.optional('origin', readOrigin),
    studies: r.optional('studies', readStudies),
    monthsWithoutJob: r.optional('months_without_job', readInteger),
    income: r.optional('income', readIncome),
    singleParent: r.optional('single_parent', readBoolean),
    childrenCount: r.optional('children_count', readInteger),
    debtSettlementPlan: r.optional('debt_settlement_plan', readBoolean),
    drivingLicence: r.optional('driving_licence', readBoolean),
    notes: r.cell('notes'),
  };
  const referralDate = r.read('referral_date', readDate, '');
  if (referralDate > today) r.fail('referral_date', 'la date ne peut pas être dans le futur.');
  if (candidate.birthDate && referralDate && candidate.birthDate >= referralDate) {
    r.fail('birth_date', 'la date de naissance doit précéder la date de l’orientation.');
  }
  const referralPartner = r.text('referral_partner');
  if (referralPartner && referralPartner.length > 200) r.fail('referral_partner', 'au plus 200 caractères.');
  const referralKind =
    r.optional('referral_kind', readReferralKind) ?? (referralPartner ? 'partner' : 'spontaneous');
  if (referralKind === 'partner' && !referralPartner) {
    r.fail(
      'referral_partner',
      'le nom du partenaire est obligatoire pour une orientation par un partenaire.',
    );
  }
  const coachEmail = r.text('coach_email')?.toLowerCase() ?? null;
  const v = r.schema(personInputSchema, candidate, (p) => {
    const field = p.split('.')[0] ?? '';
    return Object.hasOwn(candidate, field) ? PERSON_COLUMNS[field as keyof typeof candidate] : 'line';
  });
  if (!v || r.errors.length > 0) return null;
  // The file's columns are named as the person's columns (first_name, birth_date…).
  const values: PersonRow['values'] = {};
  for (const field of Object.keys(candidate) as (keyof typeof candidate)[]) {
    values[PERSON_COLUMNS[field]] = (v[field] as string | number | boolean | null | undefined) ?? null;
  }
  return {
    values,
    referralDate,
    referralKind,
    referralPartner: referralKind === 'partner' ? referralPartner : null,
    coachEmail,
  };
}

function readContract(r: RowReader): Omit<ContractRow, keyof RowBase> | null {
  const personRef = r.read('person_external_id', externalIdReader, '');
  const employerRef = r.read('employer_external_id', externalIdReader, '');
  const type = r.read('type', readContractType, 'cdi');
  const start = r.read('start', readDate, '');
  const signedOn = r.optional('signed_on', readDate) ?? start;
  const hours = r.optional('hours_per_week', readDecimal);
  const jobTitle = r.required('job_title');
  if (jobTitle.length > 200) r.fail('job_title', 'au plus 200 caractères.');
  const endDetail = r.text('end_detail');
  if (endDetail && endDetail.length > 2000) r.fail('end_detail', 'au plus 2000 caractères.');
  const values: ContractRow['values'] = {
    type,
    signed_on: signedOn,
    start_on: start,
    planned_end_on: r.optional('planned_end', readDate),
    hours_per_week: hours,
    job_title: jobTitle,
    actual_end_on: r.optional('actual_end', readDate),
    end_reason: r.optional('end_reason', readEndReason),
    end_detail: endDetail,
  };
  const continuesRef = r.optional('continues_contract_external_id', externalIdReader);
  if (r.errors.length > 0) return null;
  return { personRef, employerRef, continuesRef, values };
}

function readEventRow(r: RowReader): Omit<EventRow, keyof RowBase> | null {
  const row = {
    personRef: r.read('person_external_id', externalIdReader, ''),
    date: r.read('date', readDate, ''),
    transitionId: r.read('event', readEvent, 'exit' as TransitionId),
    reason: r.text('reason'),
    detail: r.text('detail'),
    trustContractSignedOn: r.optional('trust_contract_signed_on', readDate),
    employerRef: r.optional('employer_external_id', externalIdReader),
    contractRef: r.optional('contract_external_id', externalIdReader),
    contractKind: r.optional('contract_kind', readContractKind),
    contractStart: r.optional('contract_start', readDate),
    contractEnd: r.optional('contract_end', readDate),
  };
  if (row.detail && row.detail.length > 2000) r.fail('detail', 'au plus 2000 caractères.');
  return r.errors.length > 0 ? null : row;
}

function readPersonContact(r: RowReader): Omit<PersonContactRow, keyof RowBase> | null {
  const personRef = r.read('person_external_id', externalIdReader, '');
  const candidate = {
    date: r.read('date', readDate, ''),
    channel: r.read('channel', readContactChannel, 'phone'),
    counterpart: r.cell('counterpart'),
    durationMinutes: r.optional('duration_minutes', readInteger),
    notes: r.cell('notes'),
  };
  // Whether the person took part: « avec la personne » (the default), not « avec l'employeur » or
  // « avec un partenaire » (then the contact is about the person).
  const withWhom = r.optional('with_whom', readWithWhom) ?? 'person';
  const v = r.schema(contactInputSchema, candidate, snake);
  if (!v || r.errors.length > 0) return null;
  return {
    personRef,
    values: {
      date: v.date,
      with_whom: withWhom,
      counterpart: v.counterpart ?? null,
      channel: v.channel,
      duration_minutes: v.durationMinutes ?? null,
      notes: v.notes ?? null,
    },
  };
}

function readEmployerContact(r: RowReader): Omit<EmployerContactRow, keyof RowBase> | null {
  const employerRef = r.read('employer_external_id', externalIdReader, '');
  const personRef = r.optional('person_external_id', externalIdReader);
  const candidate = {
    date: r.read('date', readDate, ''),
    channel: r.read('channel', readEmployerChannel, 'phone'),
    purpose: r.optional('purpose', readPurpose) ?? 'canvassing',
    notes: r.cell('notes'),
  };
  const v = r.schema(employerContactInputSchema, candidate, snake);
  if (!v || r.errors.length > 0) return null;
  return {
    employerRef,
    personRef,
    values: { date: v.date, channel: v.channel, purpose: v.purpose, notes: v.notes ?? null },
  };
}

const READERS = {
  employers: readEmployer,
  persons: readPerson,
  contracts: readContract,
  events: readEventRow,
  person_contacts: readPersonContact,
  employer_contacts: readEmployerContact,
} as const;

/** The template's notes row (names.ts), right under the header: not data. */
function isNotesRow(file: HistoryFile, record: CsvRecord, index: ReadonlyMap<string, number>) {
  let notes = 0;
  for (const [column, i] of index) {
    const cell = (record.fields[i] ?? '').trim();
    if (cell === '') continue;
    if (cell !== columnNote(file, column)) return false;
    notes++;
  }
  return notes > 0;
}

/** Every sheet's rows, read and checked on their own (references are checked by the plan). */
export function parseSheets(sheets: Sheets, today: string): Parsed {
  const rows: ParsedRows = {
    employers: [],
    persons: [],
    contracts: [],
    events: [],
    person_contacts: [],
    employer_contacts: [],
  };
  const errors: HistoryError[] = [];
  const failed = Object.fromEntries(
    Object.keys(READERS).map((f) => [f, new Set<string>()]),
  ) as Parsed['failed'];
  const failedFiles = new Set<HistoryFile>();
  const counts: Parsed['counts'] = {};
  const sheetNames: Parsed['sheetNames'] = {};
  const brokenTrajectories: Parsed['brokenTrajectories'] = new Map();
  for (const file of Object.keys(READERS) as HistoryFile[]) {
    const sheet = sheets[file];
    if (!sheet) continue;
    sheetNames[file] = sheet.name;
    const [header, ...data] = sheet.records;
    const spec = COLUMNS[file];
    const index = new Map<string, number>();
    const headerErrors: HistoryError[] = [];
    const headerLine = header?.line ?? 1;
    (header?.fields ?? []).forEach((cell, i) => {
      const heading = cell.trim();
      if (heading === '') return;
      // The English code or the French name, accents and case ignored (names.ts).
      const c = columnOf(file, heading);
      if (c === null) {
        headerErrors.push({
          file: sheet.name,
          line: headerLine,
          field: heading,
          message: `Colonne inconnue « ${heading} » : les colonnes de ce fichier sont ${Object.keys(spec)
            .map((code) => `${columnHeading(file, code)} (${code})`)
            .join(', ')}.`,
        });
      } else if (index.has(c)) {
        headerErrors.push({
          file: sheet.name,
          line: headerLine,
          field: heading,
          message: `La colonne « ${columnHeading(file, c)} » (${c}) figure deux fois.`,
        });
      } else index.set(c, i);
    });
    for (const [column, s] of Object.entries(spec)) {
      if (s.required && !index.has(column)) {
        headerErrors.push({
          file: sheet.name,
          line: headerLine,
          field: column,
          message: `Colonne obligatoire absente : « ${columnHeading(file, column)} » (${column}).`,
        });
      }
    }
    const dataRows = data.filter(
      (d, i) => d.fields.some((f) => f.trim() !== '') && !(i === 0 && isNotesRow(file, d, index)),
    );
    counts[file] = dataRows.length;
    if (headerErrors.length > 0) {
      errors.push(...headerErrors);
      failedFiles.add(file);
      continue;
    }
    // Two rows with one key are both refused, in every mode: which of them is right is not known.
    const linesOf = new Map<string, number[]>();
    const idColumn = index.get('external_id');
    for (const record of dataRows) {
      const id = idColumn === undefined ? '' : (record.fields[idColumn] ?? '').trim();
      if (id !== '') linesOf.set(id, [...(linesOf.get(id) ?? []), record.line]);
    }
    for (const record of dataRows) {
      const r = new RowReader(file, sheet.name, record, index);
      const externalId = r.read('external_id', externalIdReader, '');
      const others = (linesOf.get(externalId) ?? []).filter((l) => l !== record.line);
      if (externalId !== '' && others.length > 0) {
        r.fail(
          'external_id',
          `l’identifiant « ${externalId} » figure aussi à la ligne ${others.join(', ')} : chaque ligne a le sien (aucune de ces lignes n’est importée).`,
        );
      }
      const content = READERS[file](r, today);
      if (content === null || r.errors.length > 0) {
        errors.push(...r.errors);
        if (externalId !== '') failed[file].add(externalId);
        const person = r.cell('person_external_id');
        if (file === 'events' && person !== '' && !brokenTrajectories.has(person)) {
          brokenTrajectories.set(person, { sheet: sheet.name, line: record.line });
        }
        continue;
      }
      const base: RowBase = { file, sheet: sheet.name, line: record.line, externalId, hash: digest(content) };
      (rows[file] as unknown[]).push({ ...base, ...content });
    }
  }
  return { rows, errors, failed, failedFiles, counts, sheetNames, brokenTrajectories };
}
