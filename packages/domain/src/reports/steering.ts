/**
 * The steering committee's report (rapport au comité de pilotage, method.md §7): period rules,
 * age bands, percentages and ratios, and the French labels the tables and exports print.
 * The counts themselves come from SQL aggregates; these are the rules applied to them.
 */
import { addMonths, compareDates, isIsoDate } from '../calendar.ts';
import type { FieldError } from '../coachability.ts';
import type { ContractType } from '../contracts/contracts.ts';
import { AGE_BAND_LABELS, type AgeBand, type Origin, type Studies } from '../person.ts';

/** The longest period a report covers: ten years. */
export const REPORT_MAX_YEARS = 10;

/**
 * Checks a report period: both days are calendar days, `from` ≤ `to`, and the period lasts at
 * most ten years (`to` before `from` + 10 years). Messages in French, naming the field.
 */
export function validateReportPeriod(from: unknown, to: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(from)) errors.push({ field: 'from', message: 'date invalide (AAAA-MM-JJ attendu).' });
  if (!isIsoDate(to)) errors.push({ field: 'to', message: 'date invalide (AAAA-MM-JJ attendu).' });
  if (errors.length > 0) return errors;
  const start = from as string;
  const end = to as string;
  if (compareDates(end, start) < 0) {
    errors.push({ field: 'to', message: 'la date de fin précède la date de début.' });
  } else if (compareDates(end, addMonths(start, REPORT_MAX_YEARS * 12)) >= 0) {
    errors.push({ field: 'to', message: `la période couvre au plus ${REPORT_MAX_YEARS} ans.` });
  }
  return errors;
}

/**
 * Age bands on the age in whole years at entry into pre-hire: under 25 is at most
 * YOUNG_MAX_AGE, over 45 is at least OLD_MIN_AGE (the same cut as `ageBand`). The SQL of the
 * report reads these bounds.
 */
export const YOUNG_MAX_AGE = 24;
export const OLD_MIN_AGE = 46;

/**
 * A share in percent with one decimal, rounded half up: percentOf(31, 86) = 36.0. Null when the
 * whole is zero (a percentage of nothing does not apply).
 */
export function percentOf(part: number, whole: number): number | null {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole <= 0) return null;
  // Integer arithmetic on tenths avoids binary rounding slips (0.5 → up).
  return Math.floor((part * 1000 + whole / 2) / whole) / 10;
}

/** An average per unit with two decimals, rounded half up; null when the unit count is zero. */
export function ratioOf(value: number, per: number): number | null {
  if (!Number.isFinite(value) || !Number.isFinite(per) || per <= 0) return null;
  return Math.round((value / per) * 100 + Number.EPSILON * 100) / 100;
}

/** The column of a breakdown by sex that holds persons who did not state it (printed apart). */
export const REPORT_SEX_COLUMNS = ['women', 'men', 'not_stated'] as const;

/** The row key of "not stated" in a breakdown (age unknown, origin or studies not recorded). */
export const NOT_STATED_ROW = 'not_stated';

export const REPORT_LABELS = {
  headline: 'Chiffres clés',
  employersContacted: 'Employeurs contactés (contact direct et personnel)',
  personsCoached: 'Personnes coachées',
  contractsSigned: 'Contrats signés (CDI et CDD)',
  cdi: 'dont CDI',
  cdd: 'dont CDD',
  otherContracts: 'Autres contrats (comptés à part)',
  bySex: 'Profil des personnes coachées et contrats signés, par sexe',
  otherContractsTable: 'Autres types de contrats signés',
  byOrganisation: 'Résultats par organisation',
  perCoach: 'Moyennes par jobcoach (par ETP)',
  women: 'Femmes',
  men: 'Hommes',
  notStated: 'Sexe non communiqué',
  total: 'Total',
  percent: '%',
  ageGroup: 'Âge à l’entrée',
  originGroup: 'Origine',
  studiesGroup: 'Études',
  contractsGroup: 'Contrats signés',
  notStatedRow: 'Non communiqué',
  organisation: 'Organisation',
  fte: 'ETP jobcoach',
  value: 'Nombre',
  count: 'Nombre',
  coached: 'Personnes coachées',
  employers: 'Employeurs contactés',
  contracts: 'Contrats signés (CDI + CDD)',
  coachedPerFte: 'Personnes coachées par ETP',
  employersPerFte: 'Employeurs contactés par ETP',
  contractsPerFte: 'Contrats signés par ETP',
  allOrganisations: 'Ensemble',
} as const;

export const REPORT_AGE_LABELS: Record<AgeBand, string> = AGE_BAND_LABELS;
export const REPORT_ORIGIN_LABELS: Record<Origin, string> = {
  belgian_or_european: 'Belges et européens',
  foreign_or_foreign_origin: 'Étrangers ou d’origine étrangère',
};
export const REPORT_STUDIES_LABELS: Record<Studies, string> = {
  ceb: 'CEB',
  cesi: 'CESI',
  cess: 'CESS',
  other: 'Autres (y compris sans diplôme reconnu)',
};

/** Contract types listed apart from CDI and CDD, in the order printed. */
export const OTHER_CONTRACT_TYPES: readonly ContractType[] = [
  'interim',
  'art_60_7',
  'other_subsidised',
  'immersion',
];

/** The definitions printed with the report (cover sheet, PDF, CSV head), in French. */
export const STEERING_DEFINITIONS: readonly { term: string; definition: string }[] = [
  {
    term: 'Employeurs contactés',
    definition:
      'Employeurs distincts avec au moins un contact direct et personnel (visite ou téléphone) pendant la période. Les courriers, courriels, réunions et événements ne comptent pas. Un employeur contacté par deux organisations compte une fois dans l’ensemble.',
  },
  {
    term: 'Personnes coachées',
    definition:
      'Personnes entrées en pré-embauche au plus tard le dernier jour de la période et encore dans le parcours pendant celle-ci (pas sorties avant son premier jour). Les personnes seulement reçues à l’accueil ou réorientées ne comptent pas.',
  },
  {
    term: 'Contrats signés',
    definition:
      'Contrats signés pendant la période, cumulés : une personne peut en signer plusieurs ; ces chiffres ne donnent donc pas un taux d’insertion. CDI et CDD ; les autres types (intérim, article 60 §7, autres contrats subventionnés, immersions) sont listés à part.',
  },
  {
    term: 'Âge à l’entrée',
    definition:
      'Âge en années révolues le jour de l’entrée en pré-embauche : moins de 25 ans, de 25 à 45 ans, plus de 45 ans ; « non communiqué » si la date de naissance manque.',
  },
  {
    term: 'Pourcentages',
    definition:
      'Pourcentages de colonne (au sein de chaque sexe, puis du total), à une décimale, arrondis au plus proche ; les personnes de sexe non communiqué sont comptées à part et dans le total.',
  },
  {
    term: 'Moyennes par ETP',
    definition:
      'Chiffres divisés par la somme des équivalents temps plein (ETP) des jobcoaches actifs de l’organisation au moment du rapport.',
  },
  {
    term: 'Petites cellules',
    definition:
      'Pour un lecteur n’ayant accès qu’aux agrégats (évaluateur), un nombre de 1 à 4 personnes s’affiche « < 5 », de même que les pourcentages et moyennes calculés sur lui, et les cellules qui permettraient de le retrouver par soustraction d’un total.',
  },
];
