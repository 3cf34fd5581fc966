import { HISTORY_FILES, type HistoryFile } from '@jobcoach/contract';
import {
  CONTACT_CHANNEL_LABELS,
  CONTACT_CHANNELS,
  CONTRACT_END_REASON_LABELS,
  CONTRACT_END_REASONS,
  CONTRACT_KIND_LABELS,
  CONTRACT_KINDS,
  CONTRACT_TYPE_LABELS,
  CONTRACT_TYPE_SHORT_LABELS,
  CONTRACT_TYPES,
  EARLIER_CHANNELS,
  EXIT_REASON_LABELS,
  EXIT_REASONS,
  INCOME_SOURCE_LABELS,
  INCOME_SOURCES,
  ORIGIN_LABELS,
  ORIGINS,
  RETURN_REASON_LABELS,
  RETURN_REASONS,
  SEX_LABELS,
  SEXES,
  STUDIES,
  STUDIES_LABELS,
  TRANSITION_IDS,
} from '@jobcoach/domain';
import { bad, fold, ok, type Read } from '../imports/cells.ts';

/**
 * The historical import's format (docs/import.md): one CSV file (or one sheet of an XLSX workbook)
 * per kind of row, a header of fixed English snake_case column names, one row per record, each
 * with the organisation's own key (`external_id`); rows refer to each other by those keys.
 */

/** The file names are part of the API (@jobcoach/contract). */
export { HISTORY_FILES, type HistoryFile };

/** The kind of record each file holds (history_import_key.entity). */
export const ENTITY_OF_FILE = {
  employers: 'employer',
  persons: 'person',
  contracts: 'contract',
  events: 'event',
  person_contacts: 'person_contact',
  employer_contacts: 'employer_contact',
} as const satisfies Record<HistoryFile, string>;
export type HistoryEntity = (typeof ENTITY_OF_FILE)[HistoryFile];

export const FILE_LABELS: Record<HistoryFile, string> = {
  employers: 'employeurs',
  persons: 'personnes',
  contracts: 'contrats',
  events: 'événements du parcours',
  person_contacts: 'contacts avec les personnes',
  employer_contacts: 'contacts avec les employeurs',
};

interface ColumnSpec {
  required?: boolean;
  /** French name, for messages. */
  label: string;
}

export const COLUMNS: Record<HistoryFile, Record<string, ColumnSpec>> = {
  employers: {
    external_id: { required: true, label: 'identifiant' },
    name: { required: true, label: 'nom' },
    bce: { label: 'numéro d’entreprise (BCE)' },
    nace_code: { label: 'code NACE' },
    size_class: { label: 'taille' },
    sector: { label: 'secteur' },
    address: { label: 'adresse' },
    postcode: { label: 'code postal' },
    commune: { label: 'commune' },
    reference_name: { label: 'personne de référence' },
    reference_role: { label: 'fonction de la personne de référence' },
    reference_phone: { label: 'téléphone de la personne de référence' },
    reference_email: { label: 'e-mail de la personne de référence' },
    status: { label: 'statut' },
  },
  persons: {
    external_id: { required: true, label: 'identifiant' },
    first_name: { required: true, label: 'prénom' },
    last_name: { required: true, label: 'nom' },
    birth_date: { label: 'date de naissance' },
    sex: { required: true, label: 'sexe' },
    niss: { label: 'NISS' },
    address: { label: 'adresse' },
    postcode: { label: 'code postal' },
    commune: { label: 'commune' },
    phone: { label: 'téléphone' },
    email: { label: 'e-mail' },
    origin: { label: 'origine' },
    studies: { label: 'études' },
    months_without_job: { label: 'mois sans emploi' },
    income: { label: 'revenu' },
    single_parent: { label: 'parent isolé' },
    children_count: { label: 'nombre d’enfants' },
    debt_settlement_plan: { label: 'plan d’apurement' },
    driving_licence: { label: 'permis de conduire' },
    referral_date: { required: true, label: 'date de l’orientation (accueil)' },
    referral_kind: { label: 'type d’orientation' },
    referral_partner: { label: 'partenaire prescripteur' },
    coach_email: { label: 'e-mail du jobcoach' },
    notes: { label: 'notes' },
  },
  contracts: {
    external_id: { required: true, label: 'identifiant' },
    person_external_id: { required: true, label: 'identifiant de la personne' },
    employer_external_id: { required: true, label: 'identifiant de l’employeur' },
    type: { required: true, label: 'type de contrat' },
    signed_on: { label: 'date de signature' },
    start: { required: true, label: 'date de début' },
    planned_end: { label: 'fin prévue' },
    hours_per_week: { label: 'heures par semaine' },
    job_title: { required: true, label: 'fonction' },
    actual_end: { label: 'dernier jour travaillé' },
    end_reason: { label: 'motif de fin' },
    end_detail: { label: 'précision sur la fin' },
    continues_contract_external_id: { label: 'contrat continué (conversion, renouvellement)' },
  },
  events: {
    external_id: { required: true, label: 'identifiant' },
    person_external_id: { required: true, label: 'identifiant de la personne' },
    date: { required: true, label: 'date' },
    event: { required: true, label: 'événement' },
    reason: { label: 'motif' },
    detail: { label: 'précision du motif' },
    trust_contract_signed_on: { label: 'date de signature du contrat de confiance' },
    employer_external_id: { label: 'identifiant de l’employeur' },
    contract_external_id: { label: 'identifiant du contrat' },
    contract_kind: { label: 'type de contrat' },
    contract_start: { label: 'début du contrat' },
    contract_end: { label: 'fin du contrat' },
  },
  person_contacts: {
    external_id: { required: true, label: 'identifiant' },
    person_external_id: { required: true, label: 'identifiant de la personne' },
    date: { required: true, label: 'date' },
    channel: { required: true, label: 'canal' },
    with_whom: { label: 'avec qui' },
    counterpart: { label: 'interlocuteur' },
    duration_minutes: { label: 'durée (minutes)' },
    notes: { label: 'notes' },
  },
  employer_contacts: {
    external_id: { required: true, label: 'identifiant' },
    employer_external_id: { required: true, label: 'identifiant de l’employeur' },
    date: { required: true, label: 'date' },
    channel: { required: true, label: 'canal' },
    purpose: { label: 'objet' },
    person_external_id: { label: 'identifiant de la personne' },
    notes: { label: 'notes' },
  },
};

export function columnLabel(file: HistoryFile, column: string): string {
  return COLUMNS[file][column]?.label ?? column;
}

/** "Persons.CSV", "persons", "Contacts employeurs.csv"… → the file it is, or null. */
export function fileOfName(name: string): HistoryFile | null {
  const base = fold(
    name
      .replace(/^.*[/\\]/, '')
      .replace(/\.(csv|txt)$/i, '')
      .trim(),
  ).replace(/ /g, '_');
  return (HISTORY_FILES as readonly string[]).includes(base) ? (base as HistoryFile) : null;
}

// ---- choices: codes and French labels accepted ----

/** A reader of a closed list: the code, its French label, or a known synonym (folded). */
/** A reader of a closed list, with the French labels of its values (the template's lists). */
export type ChoiceReader<T extends string> = ((cell: string) => Read<T>) & { labels: readonly string[] };

function choice<T extends string>(
  codes: readonly T[],
  labels: Record<T, string>,
  synonyms: Record<string, T> = {},
): ChoiceReader<T> {
  const table = new Map<string, T>();
  for (const code of codes) {
    table.set(fold(code), code);
    table.set(fold(labels[code]), code);
  }
  for (const [word, code] of Object.entries(synonyms)) table.set(fold(word), code);
  const listed = codes.map((c) => `${c} (${labels[c]})`).join(', ');
  const reader = (cell: string): Read<T> => {
    const code = table.get(fold(cell));
    return code ? ok(code) : bad(`valeur inconnue « ${cell} » ; valeurs admises : ${listed}.`);
  };
  return Object.assign(reader, { labels: codes.map((c) => labels[c]) });
}

export const readSex = choice(SEXES, SEX_LABELS, {
  f: 'woman',
  femme: 'woman',
  female: 'woman',
  h: 'man',
  m: 'man',
  homme: 'man',
  male: 'man',
  'non precise': 'not_stated',
});
export const readOrigin = choice(ORIGINS, ORIGIN_LABELS, {
  belge: 'belgian_or_european',
  europeenne: 'belgian_or_european',
  'belge ou europeen': 'belgian_or_european',
  etrangere: 'foreign_or_foreign_origin',
  'origine etrangere': 'foreign_or_foreign_origin',
});
export const readStudies = choice(STUDIES, STUDIES_LABELS, {
  autre: 'other',
  aucun: 'other',
  'sans diplome': 'other',
});
export const readIncome = choice(INCOME_SOURCES, INCOME_SOURCE_LABELS, {
  chomage: 'unemployment_benefit',
  ris: 'integration_income',
  cpas: 'integration_income',
  'revenu d integration': 'integration_income',
  aucun: 'none',
  autre: 'other',
});
export const REFERRAL_KIND_LABELS = {
  partner: 'Partenaire',
  spontaneous: 'Démarche spontanée',
  word_of_mouth: 'Bouche-à-oreille',
} as const;
export const readReferralKind = choice(
  ['partner', 'spontaneous', 'word_of_mouth'] as const,
  REFERRAL_KIND_LABELS,
  { spontane: 'spontaneous', spontanee: 'spontaneous', prescripteur: 'partner' },
);

export const EVENT_LABELS = {
  enter_pre_hire: 'Entrée en pré-embauche',
  start_hiring: 'Embauche',
  start_follow_up: 'Suivi en entreprise',
  return_to_pre_hire: 'Retour en pré-embauche',
  exit: 'Sortie',
} as const satisfies Record<(typeof TRANSITION_IDS)[number], string>;
export const readEvent = choice(TRANSITION_IDS, EVENT_LABELS, {
  'pre embauche': 'enter_pre_hire',
  'debut du suivi': 'start_follow_up',
  suivi: 'start_follow_up',
  'passage a l embauche': 'start_hiring',
  retour: 'return_to_pre_hire',
  'sortie du jobcoaching': 'exit',
});
export const readReturnReason = choice(RETURN_REASONS, RETURN_REASON_LABELS, {
  'fin de cdd': 'cdd_ended',
  autre: 'other',
});
export const readExitReason = choice(EXIT_REASONS, EXIT_REASON_LABELS, {
  insertion: 'consolidated_insertion',
  'depart volontaire': 'left_voluntarily',
  reorientation: 'redirected',
  reoriente: 'redirected',
  demenagement: 'moved_away',
  autre: 'other',
});
export const readContractKind = choice(CONTRACT_KINDS, CONTRACT_KIND_LABELS, { autre: 'other' });
export const readContractType = choice(
  CONTRACT_TYPES,
  Object.fromEntries(CONTRACT_TYPES.map((t) => [t, CONTRACT_TYPE_LABELS[t]])) as Record<
    (typeof CONTRACT_TYPES)[number],
    string
  >,
  {
    ...Object.fromEntries(CONTRACT_TYPES.map((t) => [CONTRACT_TYPE_SHORT_LABELS[t], t])),
    'article 60': 'art_60_7',
    'art 60': 'art_60_7',
    immersion: 'immersion',
    stage: 'immersion',
  },
);
export const readEndReason = choice(CONTRACT_END_REASONS, CONTRACT_END_REASON_LABELS, {
  terme: 'term_reached',
  'fin de contrat': 'term_reached',
  abandon: 'abandonment',
  'converti en cdi': 'converted_to_cdi',
});
/**
 * The one vocabulary of contacts (domain contacts.ts), for person and employer contacts alike; the
 * earlier codes (workplace_visit, meeting) and their French words are read as the one vocabulary
 * names them, so files written for earlier versions still import.
 */
export const readContactChannel = choice(CONTACT_CHANNELS, CONTACT_CHANNEL_LABELS, {
  ...EARLIER_CHANNELS,
  entretien: 'office_meeting',
  bureau: 'office_meeting',
  visite: 'visit',
  'visite sur le lieu de travail': 'visit',
  telephone: 'phone',
  appel: 'phone',
  sms: 'sms_messaging',
  messagerie: 'sms_messaging',
  whatsapp: 'sms_messaging',
  'sans reponse': 'attempt_no_answer',
  courrier: 'letter_email',
  'courrier ou e mail': 'letter_email',
  'lettre ou e mail': 'letter_email',
  'e mail': 'letter_email',
  email: 'letter_email',
  collectif: 'group_session',
  reunion: 'group_session',
  rencontre: 'group_session',
  evenement: 'event',
});
export const readWithWhom = choice(
  ['person', 'employer', 'partner'] as const,
  { person: 'La personne', employer: 'L’employeur', partner: 'Un partenaire' },
  { personne: 'person', employeur: 'employer', partenaire: 'partner' },
);
export const readEmployerChannel = readContactChannel;
export const readPurpose = choice(
  ['canvassing', 'vacancy', 'follow_up', 'other'] as const,
  { canvassing: 'Démarchage', vacancy: 'Offre d’emploi', follow_up: 'Suivi', other: 'Autre' },
  { offre: 'vacancy', autre: 'other' },
);
export const readEmployerStatus = choice(
  ['prospect', 'contacted', 'partner', 'dormant'] as const,
  { prospect: 'Prospect', contacted: 'Contacté', partner: 'Partenaire', dormant: 'En sommeil' },
  { contacte: 'contacted', partenaire: 'partner', inactif: 'dormant' },
);
export const readSector = choice(
  ['private', 'public'] as const,
  { private: 'Privé', public: 'Public' },
  { prive: 'private' },
);
export const readSizeClass = choice(
  ['lt10', '10_49', '50_249', '250_plus'] as const,
  {
    lt10: 'Moins de 10',
    '10_49': '10 à 49',
    '50_249': '50 à 249',
    '250_plus': '250 et plus',
  },
  { '<10': 'lt10', '10-49': '10_49', '50-249': '50_249', '250+': '250_plus' },
);
