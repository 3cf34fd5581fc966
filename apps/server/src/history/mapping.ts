import type { HistoryMappingTarget } from '@jobcoach/contract';
import type { Database, Kysely } from '@jobcoach/db';
import { fold } from '../imports/cells.ts';
import { COLUMNS, FILE_LABELS, HISTORY_FILES } from './format.ts';
import { columnHeading, columnOf, fileOfTitle } from './names.ts';
import type { HistoryError } from './rows.ts';
import { digest } from './rows.ts';
import type { Sheets, SourceTable } from './sources.ts';

/**
 * The mapping step (docs/import.md, « Correspondance des colonnes »): a table in another shape (a
 * CSV file or a sheet not named after a file of the import, with its own headings) is mapped by the
 * coordinator onto one of the files — each column of the file fed by a heading of the table — or,
 * for a tracking sheet with one row per person, onto `tracking`: its rows become persons, the events
 * of their entry into pre-hire, contract and exit, and the employers named. The mapped rows then go
 * through the import as the files' rows do (rows.ts, plan.ts): the same checks and the same rules.
 * A mapping is kept per organisation under the digest of the table's headings (its shape) and
 * offered again for the next table of the same shape.
 */

export interface TableMapping {
  table: string;
  /** null: the table is ignored. */
  target: HistoryMappingTarget | null;
  /** Column of the import → heading of the table. */
  columns: Record<string, string>;
}

interface TargetColumn {
  label: string;
  required?: boolean;
}

/** The columns of a tracking sheet: one row per person, with the dates of their trajectory. */
export const TRACKING_COLUMNS: Record<string, TargetColumn> = {
  external_id: { label: 'identifiant (à défaut : nom, prénom et date de naissance)' },
  last_name: { required: true, label: 'nom' },
  first_name: { required: true, label: 'prénom' },
  sex: { required: true, label: 'sexe' },
  birth_date: { label: 'date de naissance' },
  niss: { label: 'NISS' },
  postcode: { label: 'code postal' },
  commune: { label: 'commune' },
  phone: { label: 'téléphone' },
  email: { label: 'e-mail' },
  referral_date: { label: 'date de l’orientation (à défaut : la date d’entrée)' },
  referral_partner: { label: 'partenaire prescripteur' },
  coach_email: { label: 'e-mail du jobcoach' },
  entry_date: { label: 'date d’entrée en pré-embauche' },
  contract_date: { label: 'date du contrat (embauche et début du suivi)' },
  contract_kind: { label: 'type de contrat (CDD, CDI, autre)' },
  contract_end: { label: 'fin du contrat' },
  employer: { label: 'employeur (nom)' },
  exit_date: { label: 'date de sortie' },
  exit_reason: { label: 'motif de sortie' },
  exit_detail: { label: 'précision du motif de sortie' },
  notes: { label: 'notes' },
};

export const TRACKING_LABEL = 'Suivi : une ligne par personne (dates d’entrée, de contrat et de sortie)';

const TRACKING_ALIASES: Record<string, string[]> = {
  external_id: ['identifiant', 'id', 'numero de dossier', 'dossier', 'n dossier'],
  last_name: ['nom', 'nom de famille'],
  first_name: ['prenom'],
  sex: ['sexe', 'genre'],
  birth_date: ['date de naissance', 'naissance', 'ne le', 'ne e le'],
  niss: ['niss', 'registre national', 'numero national'],
  postcode: ['code postal', 'cp'],
  commune: ['commune', 'localite'],
  phone: ['telephone', 'tel', 'gsm'],
  email: ['e mail', 'email', 'courriel'],
  referral_date: ['date d orientation', 'date de l orientation', 'orientation', 'date d accueil', 'accueil'],
  referral_partner: ['partenaire', 'prescripteur', 'orienteur', 'envoye par'],
  coach_email: ['jobcoach', 'e mail du jobcoach'],
  entry_date: [
    'date d entree',
    'entree',
    'date d entree en pre embauche',
    'entree en pre embauche',
    'pre embauche',
    'contrat de confiance',
  ],
  contract_date: [
    'date du contrat',
    'date d embauche',
    'embauche',
    'debut du contrat',
    'date de debut du contrat',
  ],
  contract_kind: ['type de contrat', 'contrat'],
  contract_end: ['fin du contrat', 'date de fin du contrat', 'fin de contrat'],
  employer: ['employeur', 'entreprise', 'nom de l employeur'],
  exit_date: ['date de sortie', 'sortie'],
  exit_reason: ['motif de sortie', 'motif', 'raison de la sortie'],
  exit_detail: ['precision', 'detail de la sortie', 'precision du motif'],
  notes: ['notes', 'remarques', 'commentaire', 'commentaires'],
};
const trackingTable = new Map<string, string>();
for (const [code, spec] of Object.entries(TRACKING_COLUMNS)) {
  for (const name of [code, spec.label, ...(TRACKING_ALIASES[code] ?? [])]) {
    if (!trackingTable.has(fold(name))) trackingTable.set(fold(name), code);
  }
}

/** The columns a target offers, with their French labels, as the mapping step lists them. */
export function targetColumns(
  target: HistoryMappingTarget,
): { name: string; label: string; required: boolean }[] {
  if (target === 'tracking') {
    return Object.entries(TRACKING_COLUMNS).map(([name, c]) => ({
      name,
      label: c.label.charAt(0).toUpperCase() + c.label.slice(1),
      required: c.required === true,
    }));
  }
  return Object.entries(COLUMNS[target]).map(([name, c]) => ({
    name,
    label: columnHeading(target, name),
    required: c.required === true,
  }));
}

export function targetLabel(target: HistoryMappingTarget): string {
  if (target === 'tracking') return TRACKING_LABEL;
  const label = FILE_LABELS[target];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const columnOfTarget = (target: HistoryMappingTarget, heading: string) =>
  target === 'tracking' ? (trackingTable.get(fold(heading)) ?? null) : columnOf(target, heading);

/** The headings of a table (its first row). */
export const headingsOf = (table: SourceTable) =>
  (table.records[0]?.fields ?? []).map((h) => h.trim()).filter((h) => h !== '');

/** The shape of a table: the digest of its headings (folded, in any order). */
export function shapeOf(table: SourceTable): string {
  return digest([...new Set(headingsOf(table).map(fold))].sort());
}

/** Each column of the target fed by the heading of the same name (French or English). */
export function guessColumns(
  target: HistoryMappingTarget,
  headings: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const heading of headings) {
    const column = columnOfTarget(target, heading);
    if (column && !out[column]) out[column] = heading;
  }
  return out;
}

/** The target whose columns the headings name most (a tracking sheet if it has dates of a trajectory). */
export function guessMapping(table: SourceTable): TableMapping | null {
  const headings = headingsOf(table);
  const named = fileOfTitle(table.title);
  if (named) return { table: table.name, target: named, columns: guessColumns(named, headings) };
  let best: TableMapping | null = null;
  let bestScore = 1;
  for (const target of [...HISTORY_FILES, 'tracking'] as const) {
    const columns = guessColumns(target, headings);
    let score = Object.keys(columns).length;
    if (target === 'tracking' && ['entry_date', 'contract_date', 'exit_date'].some((c) => c in columns))
      score += 2;
    if (score > bestScore) {
      best = { table: table.name, target, columns };
      bestScore = score;
    }
  }
  return best;
}

/** What is wrong with a mapping of this table (a heading it does not have, a required column left out). */
export function mappingErrors(table: SourceTable, mapping: TableMapping): HistoryError[] {
  if (mapping.target === null) return [];
  const headings = new Set(headingsOf(table));
  const errors: HistoryError[] = [];
  const columns = targetColumns(mapping.target);
  const known = new Set(columns.map((c) => c.name));
  for (const [column, heading] of Object.entries(mapping.columns)) {
    if (!known.has(column)) {
      errors.push({
        file: table.name,
        line: 0,
        field: `mapping.${column}`,
        message: `Correspondance : « ${column} » n’est pas une colonne de « ${targetLabel(mapping.target)} ».`,
      });
    } else if (!headings.has(heading)) {
      errors.push({
        file: table.name,
        line: 0,
        field: `mapping.${column}`,
        message: `Correspondance : la colonne « ${heading} » n’existe pas dans ce tableau.`,
      });
    }
  }
  for (const c of columns) {
    if (c.required && !mapping.columns[c.name]) {
      errors.push({
        file: table.name,
        line: 0,
        field: `mapping.${c.name}`,
        message: `Correspondance : choisissez la colonne qui donne « ${c.label} » (obligatoire).`,
      });
    }
  }
  return errors;
}

/** The table's rows as the target's file: the header is the file's columns, the lines the table's. */
export function applyMapping(table: SourceTable, mapping: TableMapping): Sheets {
  if (mapping.target === null) return {};
  const [header, ...data] = table.records;
  const index = new Map((header?.fields ?? []).map((h, i) => [h.trim(), i] as const));
  const cell = (fields: readonly string[], column: string) => {
    const heading = mapping.columns[column];
    const i = heading === undefined ? undefined : index.get(heading);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  if (mapping.target !== 'tracking') {
    const columns = Object.keys(mapping.columns);
    return {
      [mapping.target]: {
        name: table.name,
        encoding: table.encoding,
        headings: mapping.columns,
        records: [
          { line: header?.line ?? 1, fields: columns },
          ...data.map((r) => ({ line: r.line, fields: columns.map((c) => cell(r.fields, c)) })),
        ],
      },
    };
  }
  return trackingSheets(table, data, cell);
}

const PERSON_FIELDS = [
  'external_id',
  'first_name',
  'last_name',
  'sex',
  'birth_date',
  'niss',
  'postcode',
  'commune',
  'phone',
  'email',
  'referral_date',
  'referral_partner',
  'coach_email',
  'notes',
] as const;
const EVENT_FIELDS = [
  'external_id',
  'person_external_id',
  'date',
  'event',
  'reason',
  'detail',
  'employer_external_id',
  'contract_kind',
  'contract_start',
  'contract_end',
] as const;

/**
 * A tracking sheet's rows as persons, events and employers: the person (their referral on the
 * referral date, or the entry date when the sheet has none), the entry into pre-hire on the entry
 * date, the hiring and the start of the follow-up on the contract date (at the employer named, with
 * the kind of contract), the exit on the exit date (with its reason). The keys are derived from the
 * person's key, so that importing the sheet again changes nothing.
 */
function trackingSheets(
  table: SourceTable,
  data: SourceTable['records'],
  cell: (fields: readonly string[], column: string) => string,
): Sheets {
  const persons: string[][] = [];
  const events: { line: number; fields: string[] }[] = [];
  const employers = new Map<string, { line: number; name: string }>();
  const personLines: number[] = [];
  for (const record of data) {
    const c = (column: string) => cell(record.fields, column);
    if (PERSON_FIELDS.every((f) => c(f) === '') && !c('entry_date') && !c('exit_date')) continue;
    const key =
      c('external_id') ||
      `${fold(c('last_name'))} ${fold(c('first_name'))}${c('birth_date') ? ` ${c('birth_date')}` : ''}`.slice(
        0,
        90,
      );
    const referral = c('referral_date') || c('entry_date') || c('contract_date');
    persons.push(
      PERSON_FIELDS.map((f) => (f === 'external_id' ? key : f === 'referral_date' ? referral : c(f))),
    );
    personLines.push(record.line);
    const event = (suffix: string, values: Partial<Record<(typeof EVENT_FIELDS)[number], string>>) =>
      events.push({
        line: record.line,
        fields: EVENT_FIELDS.map((f) =>
          f === 'external_id' ? `${key}/${suffix}` : f === 'person_external_id' ? key : (values[f] ?? ''),
        ),
      });
    if (c('entry_date')) event('entree', { date: c('entry_date'), event: 'enter_pre_hire' });
    if (c('contract_date')) {
      const employer = c('employer');
      const employerKey = employer ? fold(employer).slice(0, 100) : '';
      if (employer && !employers.has(employerKey))
        employers.set(employerKey, { line: record.line, name: employer });
      event('embauche', {
        date: c('contract_date'),
        event: 'start_hiring',
        employer_external_id: employerKey,
      });
      event('suivi', {
        date: c('contract_date'),
        event: 'start_follow_up',
        contract_kind: c('contract_kind') || 'other',
        contract_start: c('contract_date'),
        contract_end: c('contract_end'),
      });
    }
    if (c('exit_date')) {
      event('sortie', {
        date: c('exit_date'),
        event: 'exit',
        reason: c('exit_reason'),
        detail: c('exit_detail'),
      });
    }
  }
  const headerLine = table.records[0]?.line ?? 1;
  const sheets: Sheets = {
    persons: {
      name: `${table.name} (personnes)`,
      encoding: table.encoding,
      records: [
        { line: headerLine, fields: [...PERSON_FIELDS] },
        ...persons.map((fields, i) => ({ line: personLines[i]!, fields })),
      ],
    },
    events: {
      name: `${table.name} (événements)`,
      encoding: table.encoding,
      records: [{ line: headerLine, fields: [...EVENT_FIELDS] }, ...events],
    },
  };
  if (employers.size > 0) {
    sheets.employers = {
      name: `${table.name} (employeurs)`,
      encoding: table.encoding,
      records: [
        { line: headerLine, fields: ['external_id', 'name'] },
        ...[...employers].map(([key, e]) => ({ line: e.line, fields: [key, e.name] })),
      ],
    };
  }
  return sheets;
}

/** The mappings the organisation saved, by shape. */
export async function savedMappings(
  db: Kysely<Database>,
  organisationId: string,
): Promise<Map<string, Omit<TableMapping, 'table'>>> {
  const rows = await db
    .selectFrom('history_import_mapping')
    .select(['shape', 'target', 'columns'])
    .where('organisation_id', '=', organisationId)
    .execute();
  return new Map(
    rows.map((r) => [r.shape, { target: r.target as HistoryMappingTarget, columns: r.columns }] as const),
  );
}

/** Keeps the mappings of these tables for the next upload of the same shapes (ignored tables too). */
export async function saveMappings(
  db: Kysely<Database>,
  ctx: { organisationId: string; userId: string | null; now: Date },
  tables: readonly SourceTable[],
  mappings: readonly TableMapping[],
) {
  for (const mapping of mappings) {
    const table = tables.find((t) => t.name === mapping.table);
    if (!table || mapping.target === null || headingsOf(table).length === 0) continue;
    const values = {
      target: mapping.target,
      columns: JSON.stringify(mapping.columns),
      updated_by: ctx.userId,
      updated_at: ctx.now,
    };
    await db
      .insertInto('history_import_mapping')
      .values({ organisation_id: ctx.organisationId, shape: shapeOf(table), ...values })
      .onConflict((oc) => oc.columns(['organisation_id', 'shape']).doUpdateSet(values))
      .execute();
  }
}
