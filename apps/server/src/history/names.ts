import { fold } from '../imports/cells.ts';
import {
  type ChoiceReader,
  COLUMNS,
  FILE_LABELS,
  HISTORY_FILES,
  type HistoryFile,
  readContactChannel,
  readContractKind,
  readContractType,
  readEmployerChannel,
  readEmployerStatus,
  readEndReason,
  readEvent,
  readExitReason,
  readIncome,
  readOrigin,
  readPurpose,
  readReferralKind,
  readReturnReason,
  readSector,
  readSex,
  readSizeClass,
  readStudies,
  readWithWhom,
} from './format.ts';

/**
 * The French names of the import's files and columns (docs/import.md): a sheet or a file may be
 * called « Personnes » as well as `persons`, a column « Date de naissance » as well as
 * `birth_date`; accents, case and punctuation are ignored. The template (template.ts) is written
 * with the French headings below and one note per column.
 */

/** The template's sheet names (at most 31 characters: Excel's limit). */
export const SHEET_TITLES: Record<HistoryFile, string> = {
  employers: 'Employeurs',
  persons: 'Personnes',
  contracts: 'Contrats',
  events: 'Événements',
  person_contacts: 'Contacts personnes',
  employer_contacts: 'Contacts employeurs',
};

const FILE_ALIASES: Record<HistoryFile, string[]> = {
  employers: ['entreprises'],
  persons: ['beneficiaires', 'participants'],
  contracts: [],
  events: ['evenements du parcours', 'parcours', 'trajectoire'],
  person_contacts: ['contacts avec les personnes', 'contacts personne'],
  employer_contacts: ['contacts avec les employeurs', 'contacts employeur'],
};

const fileTable = new Map<string, HistoryFile>();
for (const file of HISTORY_FILES) {
  for (const name of [file, SHEET_TITLES[file], FILE_LABELS[file], ...FILE_ALIASES[file]]) {
    fileTable.set(fold(name), file);
  }
}

/** "persons.csv", "Personnes", "Contacts employeurs.CSV", "événements"… → the file it is, or null. */
export function fileOfTitle(name: string): HistoryFile | null {
  const base = name
    .replace(/^.*[/\\]/, '')
    .replace(/\.(csv|txt)$/i, '')
    .trim();
  return fileTable.get(fold(base)) ?? null;
}

/** Other spellings of a column met in organisations' workbooks (folded). */
const COLUMN_ALIASES: Partial<Record<HistoryFile, Record<string, string[]>>> = {
  employers: {
    name: ['raison sociale', 'nom de l employeur', 'employeur', 'entreprise'],
    bce: ['numero bce', 'n bce', 'numero d entreprise', 'tva'],
    postcode: ['cp'],
  },
  persons: {
    first_name: ['prenom'],
    last_name: ['nom de famille'],
    birth_date: ['date naissance', 'ne e le', 'ne le', 'nee le'],
    sex: ['genre'],
    niss: ['numero national', 'registre national', 'numero de registre national', 'n national'],
    postcode: ['cp'],
    phone: ['tel', 'gsm'],
    email: ['courriel', 'mail', 'adresse e mail'],
    referral_date: ['date d orientation', 'date de l orientation', 'date d accueil', 'orientation'],
    referral_partner: ['partenaire', 'prescripteur'],
    coach_email: ['jobcoach'],
  },
  contracts: {
    person_external_id: ['personne'],
    employer_external_id: ['employeur'],
    type: ['type'],
    start: ['debut', 'date de debut du contrat'],
    job_title: ['poste', 'metier'],
  },
  events: {
    person_external_id: ['personne'],
    event: ['type d evenement'],
  },
};

const columnTables = new Map<HistoryFile, Map<string, string>>();
for (const file of HISTORY_FILES) {
  const table = new Map<string, string>();
  for (const [code, spec] of Object.entries(COLUMNS[file])) {
    for (const name of [code, spec.label, ...(COLUMN_ALIASES[file]?.[code] ?? [])]) {
      if (!table.has(fold(name))) table.set(fold(name), code);
    }
  }
  columnTables.set(file, table);
}

/** A header cell of a file → the column's code (`birth_date` for « Date de naissance »), or null. */
export function columnOf(file: HistoryFile, header: string): string | null {
  return columnTables.get(file)!.get(fold(header)) ?? null;
}

/** The French heading of a column (the template's header row). */
export function columnHeading(file: HistoryFile, code: string): string {
  const label = COLUMNS[file][code]?.label ?? code;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

type ColumnKind = 'date' | 'yesno' | 'number' | 'key' | 'ref' | ChoiceReader<string>;

/** What a column holds, for the template's notes and its lists of values. */
const KINDS: Record<HistoryFile, Record<string, ColumnKind>> = {
  employers: {
    external_id: 'key',
    size_class: readSizeClass,
    sector: readSector,
    status: readEmployerStatus,
  },
  persons: {
    external_id: 'key',
    birth_date: 'date',
    sex: readSex,
    origin: readOrigin,
    studies: readStudies,
    months_without_job: 'number',
    income: readIncome,
    single_parent: 'yesno',
    children_count: 'number',
    debt_settlement_plan: 'yesno',
    driving_licence: 'yesno',
    referral_date: 'date',
    referral_kind: readReferralKind,
  },
  contracts: {
    external_id: 'key',
    person_external_id: 'ref',
    employer_external_id: 'ref',
    type: readContractType,
    signed_on: 'date',
    start: 'date',
    planned_end: 'date',
    hours_per_week: 'number',
    actual_end: 'date',
    end_reason: readEndReason,
    continues_contract_external_id: 'ref',
  },
  events: {
    external_id: 'key',
    person_external_id: 'ref',
    date: 'date',
    event: readEvent,
    reason: Object.assign(() => ({ ok: false as const, message: '' }), {
      labels: [...readReturnReason.labels, ...readExitReason.labels.filter((l) => l !== 'Autre')],
    }),
    trust_contract_signed_on: 'date',
    employer_external_id: 'ref',
    contract_external_id: 'ref',
    contract_kind: readContractKind,
    contract_start: 'date',
    contract_end: 'date',
  },
  person_contacts: {
    external_id: 'key',
    person_external_id: 'ref',
    date: 'date',
    channel: readContactChannel,
    with_whom: readWithWhom,
    duration_minutes: 'number',
  },
  employer_contacts: {
    external_id: 'key',
    employer_external_id: 'ref',
    person_external_id: 'ref',
    date: 'date',
    channel: readEmployerChannel,
    purpose: readPurpose,
  },
};

/** The French labels a coded column takes (the template's validation list), or null. */
export function columnChoices(file: HistoryFile, code: string): readonly string[] | null {
  const kind = KINDS[file][code];
  return typeof kind === 'function' ? [...new Set(kind.labels)] : null;
}

/** The template's note under a column's heading: required or not, and what it holds. */
export function columnNote(file: HistoryFile, code: string): string {
  const required = COLUMNS[file][code]?.required ? 'Obligatoire' : 'Facultatif';
  const kind = KINDS[file][code];
  const what =
    kind === undefined
      ? ''
      : kind === 'date'
        ? 'date JJ/MM/AAAA'
        : kind === 'yesno'
          ? 'oui ou non'
          : kind === 'number'
            ? 'nombre'
            : kind === 'key'
              ? 'votre identifiant de la ligne, unique'
              : kind === 'ref'
                ? 'identifiant d’une ligne de l’onglet concerné'
                : 'choisir dans la liste';
  return what ? `${required} : ${what}.` : `${required}.`;
}
