import {
  IMPORT_FIELD_NAMES,
  type ImportField,
  type ImportMapping,
  normaliseNace,
  type RowError,
  vacancyInputSchema,
} from '@jobcoach/contract';
import {
  type DiplomaLevel,
  LANGUAGE_NAMES,
  type LanguageRequirement,
  LEGACY_REQUIREMENT_SKILLS,
  type LegacyLanguageLevel,
  normalizeLanguage,
  type VacancyContractType,
  type WorkSchedule,
} from '@jobcoach/domain';
import type { z } from 'zod';
import type { VacancyValues } from '../vacancies/queries.ts';
import {
  bad,
  fold,
  ok,
  type Read,
  readBce,
  readBoolean,
  readDate,
  readDecimal,
  readInteger,
} from './cells.ts';
import type { CsvRecord } from './csv.ts';
import { checkRowFast } from './vacancy-row-check.ts';

export { fold } from './cells.ts';

/**
 * Reading vacancies from a CSV file (a FOREm export, a spreadsheet): the fields a column can feed,
 * how a header is recognised, how each cell is read (French spellings accepted), and the per-row
 * errors (line, field, French message). Every row is then checked by the same schema as
 * POST /api/vacancies.
 */

interface FieldSpec {
  label: string;
  required?: boolean;
  /** Header spellings recognised for the automatic mapping (compared folded). */
  headers: string[];
}

export const IMPORT_FIELDS = {
  title: {
    label: 'intitulé du poste',
    required: true,
    headers: ['intitule', 'titre', 'fonction', 'poste', 'intitule du poste', 'metier', 'title'],
  },
  employerName: {
    label: 'employeur',
    required: true,
    headers: ['employeur', 'entreprise', 'nom de l employeur', 'raison sociale', 'societe', 'employer'],
  },
  employerBce: {
    label: "numéro d'entreprise (BCE) de l'employeur",
    headers: ['bce', 'numero d entreprise', 'n entreprise', 'numero bce', 'kbo', 'numero entreprise'],
  },
  employerCommune: {
    label: "commune de l'employeur",
    headers: ['commune de l employeur', 'localite employeur', 'commune employeur'],
  },
  source: { label: 'source', headers: ['source', 'origine'] },
  sourceRef: {
    label: 'référence de la source',
    required: true,
    headers: [
      'reference',
      'ref',
      'numero d offre',
      'n offre',
      'id offre',
      'identifiant',
      'reference offre',
      'source ref',
    ],
  },
  placeOfWork: {
    label: 'lieu de travail',
    headers: ['lieu de travail', 'adresse', 'lieu', 'adresse du lieu de travail'],
  },
  commune: { label: 'commune', headers: ['commune', 'localite', 'ville', 'commune du lieu de travail'] },
  openings: { label: 'nombre de postes', headers: ['postes', 'nombre de postes', 'nb postes', 'places'] },
  contractType: {
    label: 'type de contrat',
    required: true,
    headers: ['contrat', 'type de contrat', 'regime contractuel'],
  },
  contractMonths: {
    label: 'durée du contrat (mois)',
    headers: ['duree', 'duree du contrat', 'duree mois', 'duree en mois', 'mois'],
  },
  hoursPerWeek: {
    label: 'heures par semaine',
    headers: [
      'heures',
      'heures semaine',
      'heures par semaine',
      'regime horaire',
      'temps de travail',
      'h semaine',
    ],
  },
  schedule: { label: 'horaire', headers: ['horaire', 'horaires', 'type d horaire'] },
  sectorCode: { label: 'code NACE', headers: ['nace', 'code nace', 'secteur', 'code secteur', 'nace bel'] },
  requirementsText: {
    label: 'exigences publiées',
    headers: ['exigences', 'profil', 'description', 'profil recherche', 'exigences publiees'],
  },
  diplomaLevel: {
    label: 'diplôme demandé',
    headers: ['diplome', 'niveau d etudes', 'etudes', 'diplome demande'],
  },
  languages: {
    label: 'langues demandées',
    headers: ['langues', 'connaissances linguistiques', 'langues demandees'],
  },
  drivingLicence: { label: 'permis de conduire', headers: ['permis', 'permis de conduire', 'permis b'] },
  car: { label: 'voiture', headers: ['voiture', 'vehicule', 'vehicule personnel'] },
  experienceYears: {
    label: "années d'expérience",
    headers: ['experience', 'experience annees', 'annees d experience', 'experience requise'],
  },
  status: { label: 'statut', headers: ['statut', 'etat'] },
  openedOn: {
    label: 'date de publication',
    required: true,
    headers: ['date de publication', 'date', 'publiee le', 'date d ouverture', 'ouverture', 'publication'],
  },
  closedOn: {
    label: 'date de clôture',
    headers: ['date de cloture', 'cloture', 'date de fin', 'fin de publication', 'date limite'],
  },
} as const satisfies Record<ImportField, FieldSpec>;

export const REQUIRED_IMPORT_FIELDS = IMPORT_FIELD_NAMES.filter(
  (f) => (IMPORT_FIELDS[f] as FieldSpec).required === true,
);

/** The mapping guessed from the header: each field takes the first column whose name it knows. */
export function guessMapping(columns: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const field of IMPORT_FIELD_NAMES) {
    const known = new Set<string>([fold(field), ...IMPORT_FIELDS[field].headers]);
    const column = columns.find((c) => !taken.has(c) && known.has(fold(c)));
    if (column !== undefined) {
      mapping[field] = column;
      taken.add(column);
    }
  }
  return mapping;
}

/** Problems with the mapping itself: unknown columns, required fields left out. */
export function mappingErrors(mapping: ImportMapping, columns: readonly string[]): RowError[] {
  const errors: RowError[] = [];
  for (const field of IMPORT_FIELD_NAMES) {
    const column = mapping[field];
    if (column !== undefined && !columns.includes(column)) {
      errors.push({
        line: 1,
        field: `mapping.${field}`,
        message: `« ${IMPORT_FIELDS[field].label} » : la colonne « ${column} » n’existe pas dans l’en-tête du fichier.`,
      });
    }
  }
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (mapping[field] === undefined) {
      errors.push({
        line: 1,
        field: `mapping.${field}`,
        message: `« ${IMPORT_FIELDS[field].label} » : choisissez la colonne qui le contient (champ obligatoire).`,
      });
    }
  }
  return errors;
}

/** The vacancy fields a mapping sets: the import updates these and leaves the others alone. */
export type VacancyKey =
  | 'employerId'
  | 'title'
  | 'placeOfWork'
  | 'commune'
  | 'openings'
  | 'contract'
  | 'hoursPerWeek'
  | 'schedule'
  | 'sectorCode'
  | 'published.text'
  | 'published.diplomaLevel'
  | 'published.languages'
  | 'published.drivingLicence'
  | 'published.car'
  | 'published.experienceYears'
  | 'status'
  | 'openedOn'
  | 'closedOn';

const KEY_OF_FIELD: Partial<Record<ImportField, VacancyKey>> = {
  title: 'title',
  employerName: 'employerId',
  employerBce: 'employerId',
  placeOfWork: 'placeOfWork',
  commune: 'commune',
  openings: 'openings',
  contractType: 'contract',
  contractMonths: 'contract',
  hoursPerWeek: 'hoursPerWeek',
  schedule: 'schedule',
  sectorCode: 'sectorCode',
  requirementsText: 'published.text',
  diplomaLevel: 'published.diplomaLevel',
  languages: 'published.languages',
  drivingLicence: 'published.drivingLicence',
  car: 'published.car',
  experienceYears: 'published.experienceYears',
  status: 'status',
  openedOn: 'openedOn',
  closedOn: 'closedOn',
};

export function keysOf(mapping: ImportMapping): VacancyKey[] {
  const keys = new Set<VacancyKey>();
  for (const field of IMPORT_FIELD_NAMES) {
    const key = KEY_OF_FIELD[field];
    if (key && mapping[field] !== undefined) keys.add(key);
  }
  return [...keys];
}

/** A row read from the file: the employer it names and the vacancy (without employerId). */
export interface ImportRow {
  line: number;
  employer: { name: string; bce: string | null; commune: string | null };
  values: Omit<VacancyValues, 'employerId'> & { sourceRef: string };
}

// ---- cell readers specific to vacancies (the generic ones are in cells.ts) ----

function readContract(cell: string): Read<VacancyContractType> {
  const v = fold(cell);
  if (v === 'cdi' || v.includes('indetermin')) return ok('cdi');
  if (v === 'cdd' || v.includes('determin')) return ok('cdd');
  if (v.includes('interim')) return ok('interim');
  if (v === 'autre' || v === 'other' || v === 'autres') return ok('other');
  return bad(`type de contrat inconnu « ${cell} » (CDI, CDD, intérim ou autre).`);
}

const SOURCE_WORDS: Record<string, VacancyValues['source']> = {
  forem: 'forem',
  'le forem': 'forem',
  journal: 'newspaper',
  presse: 'newspaper',
  newspaper: 'newspaper',
  'journal local': 'newspaper',
  'delegue syndical': 'union_delegate',
  'delegue e syndical e': 'union_delegate',
  union_delegate: 'union_delegate',
  'union delegate': 'union_delegate',
  demarchage: 'canvassing',
  canvassing: 'canvassing',
  employeur: 'employer_request',
  'demande de l employeur': 'employer_request',
  'employer request': 'employer_request',
  employer_request: 'employer_request',
  autre: 'other',
  other: 'other',
};

function readSource(cell: string): Read<VacancyValues['source']> {
  const v = fold(cell);
  if (v === '') return ok('forem');
  const source = SOURCE_WORDS[v] ?? SOURCE_WORDS[cell.trim().toLowerCase()];
  return source
    ? ok(source)
    : bad(`source inconnue « ${cell} » (FOREm, journal, délégué syndical, démarchage, employeur ou autre).`);
}

function readStatus(cell: string): Read<VacancyValues['status']> {
  const v = fold(cell);
  if (v === '' || v.startsWith('ouvert') || v === 'open' || v === 'active' || v === 'en cours')
    return ok('open');
  if (v.startsWith('pourvu') || v === 'filled') return ok('filled');
  if (v.startsWith('clotur') || v.startsWith('ferme') || v === 'closed' || v.startsWith('expir')) {
    return ok('closed');
  }
  return bad(`statut inconnu « ${cell} » (ouverte, pourvue ou clôturée).`);
}

function readDiploma(cell: string): Read<DiplomaLevel | null> {
  const v = fold(cell);
  if (v === '') return ok(null);
  if (['aucun', 'sans', 'none', 'sans diplome', 'aucun diplome', 'pas de diplome'].includes(v))
    return ok('none');
  if (v === 'ceb' || v.includes('primaire')) return ok('ceb');
  if (v === 'cesi' || v.includes('secondaire inferieur')) return ok('cesi');
  if (v === 'cess' || v.includes('secondaire')) return ok('cess');
  if (['superieur', 'higher', 'bachelier', 'master', 'graduat', 'universitaire'].some((w) => v.includes(w))) {
    return ok('higher');
  }
  return bad(`diplôme inconnu « ${cell} » (aucun, CEB, CESI, CESS ou supérieur).`);
}

const SCHEDULE_WORDS: Record<string, WorkSchedule> = {
  jour: 'day',
  journee: 'day',
  'de jour': 'day',
  day: 'day',
  soir: 'evening',
  soiree: 'evening',
  'de soir': 'evening',
  evening: 'evening',
  nuit: 'night',
  'de nuit': 'night',
  night: 'night',
  'week end': 'weekend',
  weekend: 'weekend',
  we: 'weekend',
  equipes: 'shifts',
  equipe: 'shifts',
  'en equipes': 'shifts',
  pauses: 'shifts',
  '2 pauses': 'shifts',
  '3 pauses': 'shifts',
  shifts: 'shifts',
  'travail en equipes': 'shifts',
};

function splitList(cell: string): string[] {
  return cell
    .split(/[,/|+;]|\bet\b/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function readSchedule(cell: string): Read<WorkSchedule[]> {
  const out = new Set<WorkSchedule>();
  for (const item of splitList(cell)) {
    const s = SCHEDULE_WORDS[fold(item)];
    if (!s) return bad(`horaire inconnu « ${item} » (jour, soir, nuit, week-end ou équipes).`);
    out.add(s);
  }
  return ok([...out]);
}

const LEVEL_WORDS: [RegExp, LegacyLanguageLevel][] = [
  [/\b(notions?|basique|base|debutant|basic|a1|a2)\b/, 'basic'],
  [/\b(lecture|lire|lu|reads?|passif)\b/, 'reads'],
  [/\b(conversation|parle|speaks?|intermediaire|b1|b2)\b/, 'speaks'],
  [/\b(courant|bilingue|maternelle|fluent|excellent|c1|c2)\b/, 'fluent'],
];

/**
 * "français (courant), néerlandais notions", "fr:fluent; de:reads", "NL" → requirements; a language
 * without a level is asked at conversation level ('speaks'). A published offer says one level per
 * language: it becomes the skills it names (LEGACY_REQUIREMENT_SKILLS: « lecture » asks reading).
 */
function readLanguages(cell: string): Read<LanguageRequirement[]> {
  const out = new Map<string, LegacyLanguageLevel>();
  for (const item of cell
    .split(/[,/|+;]|\bet\b/)
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    let folded = fold(item);
    let level: LegacyLanguageLevel = 'speaks';
    for (const [pattern, l] of LEVEL_WORDS) {
      if (pattern.test(folded)) {
        level = l;
        folded = folded.replace(pattern, ' ');
      }
    }
    const name = folded.replace(/\s+/g, ' ').trim();
    const code = normalizeLanguage(name);
    if (name === '' || !(code in LANGUAGE_NAMES)) return bad(`langue inconnue « ${item} ».`);
    out.set(code, level);
  }
  return ok([...out].map(([code, level]) => ({ code, ...LEGACY_REQUIREMENT_SKILLS[level] })));
}

function readExperience(cell: string): Read<number | null> {
  const v = fold(cell);
  if (v === '') return ok(null);
  if (['aucune', 'non', 'sans', 'pas d experience', 'aucune experience', 'debutant accepte'].includes(v))
    return ok(0);
  const m = /^(\d{1,2})(?:[.,]\d+)?(?: ?(ans?|annees?))?$/.exec(v);
  return m ? ok(Number(m[1])) : bad(`nombre d’années attendu, pas « ${cell} ».`);
}

function readNace(cell: string): Read<string | null> {
  if (cell.trim() === '') return ok(null);
  const code = normaliseNace(cell);
  return code
    ? ok(code)
    : bad(`code NACE-BEL invalide « ${cell} » (une lettre A à U, ou un code comme 56.10).`);
}

// ---- rows ----

/** zod issue path → the import field that feeds it. */
function fieldOfPath(path: readonly PropertyKey[]): ImportField | 'line' {
  const [head, sub] = path.map(String);
  switch (head) {
    case 'contract':
      return sub === 'months' ? 'contractMonths' : 'contractType';
    case 'published':
      switch (sub) {
        case 'diplomaLevel':
          return 'diplomaLevel';
        case 'languages':
          return 'languages';
        case 'drivingLicence':
          return 'drivingLicence';
        case 'car':
          return 'car';
        case 'experienceYears':
          return 'experienceYears';
        default:
          return 'requirementsText';
      }
    default:
      return (IMPORT_FIELD_NAMES as readonly string[]).includes(head ?? '') ? (head as ImportField) : 'line';
  }
}

const rowSchema = vacancyInputSchema.omit({ employerId: true });

/** Each mapped field's position in a file's records (-1 when its column is not in the header). */
type FieldColumns = Partial<Record<ImportField, number>>;

function fieldColumns(mapping: ImportMapping, columns: readonly string[]): FieldColumns {
  const out: FieldColumns = {};
  for (const field of IMPORT_FIELD_NAMES) {
    const column = mapping[field];
    // The first column of that name, as the header shows it.
    if (column !== undefined) out[field] = columns.indexOf(column);
  }
  return out;
}

const readMonths = (c: string) => (c === '' ? ok(null) : readInteger(c.replace(/mois$/i, '')));
const readOpenings = (c: string) => (c === '' ? ok(1) : readInteger(c));
const readHours = (c: string) => (c === '' ? ok(null) : readDecimal(c));

/**
 * A file's languages cells read once per distinct text (an export repeats a handful of them); the
 * lists are frozen, as every row with the same text shares one.
 */
function languagesReader(): (cell: string) => Read<LanguageRequirement[]> {
  const seen = new Map<string, Read<LanguageRequirement[]>>();
  return (cell) => {
    let read = seen.get(cell);
    if (read === undefined) {
      read = readLanguages(cell);
      if (read.ok) {
        for (const language of read.value) Object.freeze(language);
        Object.freeze(read.value);
      }
      seen.set(cell, read);
    }
    return read;
  };
}

/**
 * One CSV record read through the mapping: the row, or its errors (several per row when several
 * cells are wrong). `columns` gives each mapped field's position in the record, `languages` reads a
 * languages cell (readLanguages, or a reader that remembers a file's cells).
 */
function readRow(
  record: CsvRecord,
  mapping: ImportMapping,
  columns: FieldColumns,
  languages: (cell: string) => Read<LanguageRequirement[]>,
): { row: ImportRow; errors: [] } | { row: null; errors: RowError[] } {
  const errors: RowError[] = [];
  const cell = (field: ImportField): string => {
    const index = columns[field];
    if (index === undefined) return '';
    return (record.fields[index] ?? '').trim();
  };
  const fail = (field: ImportField, message: string) => {
    const column = mapping[field];
    errors.push({
      line: record.line,
      field,
      message: `« ${IMPORT_FIELDS[field].label} »${column ? ` (colonne « ${column} »)` : ''} : ${message}`,
    });
  };
  function read<T>(field: ImportField, reader: (c: string) => Read<T>, fallback: T): T {
    if (mapping[field] === undefined) return fallback;
    const r = reader(cell(field));
    if (r.ok) return r.value;
    fail(field, r.message);
    return fallback;
  }
  const text = (field: ImportField) => {
    const v = cell(field);
    return v === '' ? null : v;
  };

  const employerName = cell('employerName');
  if (employerName === '') fail('employerName', 'ce champ est obligatoire.');
  const bce = read('employerBce', readBce, null);
  const contractType = read('contractType', readContract, 'other' as VacancyContractType);
  const months = read('contractMonths', readMonths, null);
  const openedOn = cell('openedOn') === '' ? null : read('openedOn', readDate, null);
  if (mapping.openedOn !== undefined && cell('openedOn') === '')
    fail('openedOn', 'ce champ est obligatoire.');
  const candidate = {
    title: cell('title'),
    source: read('source', readSource, 'forem'),
    sourceRef: cell('sourceRef'),
    placeOfWork: text('placeOfWork'),
    commune: text('commune'),
    openings: read('openings', readOpenings, 1),
    contract: { type: contractType, months: contractType === 'cdd' ? months : null },
    hoursPerWeek: read('hoursPerWeek', readHours, null),
    schedule: read('schedule', readSchedule, []),
    sectorCode: read('sectorCode', readNace, null),
    published: {
      text: cell('requirementsText'),
      diplomaLevel: read('diplomaLevel', readDiploma, null),
      languages: read('languages', languages, []),
      drivingLicence: read('drivingLicence', readBoolean, false),
      car: read('car', readBoolean, false),
      experienceYears: read('experienceYears', readExperience, null),
    },
    physicalDemands: [],
    status: read('status', readStatus, 'open'),
    openedOn: openedOn ?? '',
    closedOn: cell('closedOn') === '' ? null : read('closedOn', readDate, null),
  };
  if (errors.length === 0) {
    if (candidate.sourceRef === '') {
      fail('sourceRef', 'ce champ est obligatoire (il permet de réimporter le fichier sans doublon).');
    }
    if (candidate.closedOn && candidate.openedOn && candidate.closedOn < candidate.openedOn) {
      fail('closedOn', 'la date de clôture ne peut pas précéder la date de publication.');
    }
  }
  if (errors.length > 0) return { row: null, errors };
  // The hand-written check accepts the ordinary rows; the schema decides (and words) the rest.
  const fast = checkRowFast(candidate);
  const parsed = fast ? { success: true as const, data: fast } : rowSchema.safeParse(candidate);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of (parsed.error as z.ZodError).issues) {
      const field = fieldOfPath(issue.path);
      if (field === 'line' || seen.has(field)) continue;
      seen.add(field);
      fail(field, issue.message);
    }
    if (errors.length === 0) errors.push({ line: record.line, field: 'line', message: 'ligne invalide.' });
    return { row: null, errors };
  }
  const v = parsed.data;
  return {
    row: {
      line: record.line,
      employer: {
        name: employerName.replace(/\s+/g, ' '),
        bce,
        commune: text('employerCommune') ?? v.commune ?? null,
      },
      values: {
        title: v.title,
        source: v.source,
        sourceRef: v.sourceRef ?? candidate.sourceRef,
        placeOfWork: v.placeOfWork ?? null,
        commune: v.commune ?? null,
        openings: v.openings ?? 1,
        contract: { type: v.contract.type, months: v.contract.months ?? null },
        hoursPerWeek: v.hoursPerWeek ?? null,
        schedule: v.schedule ?? [],
        sectorCode: v.sectorCode ?? null,
        published: v.published,
        objectified: null,
        physicalDemands: [],
        qualityNote: null,
        status: v.status ?? 'open',
        openedOn: v.openedOn,
        closedOn: v.closedOn ?? null,
      },
    },
    errors: [],
  };
}

export interface ReadFile {
  columns: string[];
  rows: ImportRow[];
  errors: RowError[];
  /** Data records read (blank lines excepted). */
  total: number;
}

/**
 * Every data record of the file read through the mapping. A source reference met twice in the file
 * is an error on its second line (the import is idempotent on it).
 */
export function readRecords(records: readonly CsvRecord[], mapping: ImportMapping): ReadFile {
  const [header, ...data] = records;
  const columns = (header?.fields ?? []).map((c) => c.trim());
  const fields = fieldColumns(mapping, columns);
  const languages = languagesReader();
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const firstLine = new Map<string, number>();
  let total = 0;
  for (const record of data) {
    if (record.fields.every((f) => f.trim() === '')) continue;
    total++;
    const result = readRow(record, mapping, fields, languages);
    if (result.row === null) {
      errors.push(...result.errors);
      continue;
    }
    const key = `${result.row.values.source} ${result.row.values.sourceRef}`;
    const first = firstLine.get(key);
    if (first !== undefined) {
      errors.push({
        line: record.line,
        field: 'sourceRef',
        message: `« ${IMPORT_FIELDS.sourceRef.label} » : la référence « ${result.row.values.sourceRef} » figure déjà à la ligne ${first}.`,
      });
      continue;
    }
    firstLine.set(key, record.line);
    rows.push(result.row);
  }
  return { columns, rows, errors, total };
}

/** Data records of a parsed file (the header and blank lines excepted). */
export function countDataRecords(records: readonly CsvRecord[]): number {
  return records.slice(1).filter((r) => r.fields.some((f) => f.trim() !== '')).length;
}
