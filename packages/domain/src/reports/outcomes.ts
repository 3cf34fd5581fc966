import { type IsoDate, parseIsoDate } from '../calendar.ts';
import { EXIT_REASON_LABELS, EXIT_REASONS } from '../trajectory.ts';
import { CONTRACT_HORIZONS_MONTHS, EMPLOYMENT_HORIZONS_MONTHS } from './cohorts.ts';
import type { ReportColumn } from './table.ts';

/**
 * The longitudinal outcomes by entry cohort and the practice indicators: table ids, columns and
 * French titles and notes. The figures themselves are computed by the database
 * (apps/server/src/reports/outcomes.ts); docs/indicators.md states every definition.
 */

export const OUTCOME_TABLE_IDS = {
  cohorts: 'outcomes_cohorts',
  exits: 'outcomes_exits',
  practice: 'practice_indicators',
} as const;

/** Columns of `outcomes_cohorts`, in order. */
export const OUTCOME_COHORT_COLUMNS: readonly ReportColumn[] = [
  { key: 'entered', label: 'Entrées en pré-embauche', kind: 'persons' },
  ...CONTRACT_HORIZONS_MONTHS.map(
    (n): ReportColumn => ({
      key: `contract_${n}m`,
      label: `Contrat dans les ${n} mois (%)`,
      kind: 'percent',
      basis: 'entered',
    }),
  ),
  { key: 'hired', label: 'Personnes engagées', kind: 'persons' },
  {
    key: 'median_days_first_contract',
    label: 'Délai médian jusqu’au premier contrat (jours)',
    kind: 'days',
    basis: 'hired',
  },
  ...EMPLOYMENT_HORIZONS_MONTHS.map(
    (n): ReportColumn => ({
      key: `employed_${n}m_after_hire`,
      label: `En emploi ${n} mois après la première embauche (%)`,
      kind: 'percent',
      basis: 'hired',
    }),
  ),
  { key: 'cdi_share', label: 'Premier contrat en CDI (%)', kind: 'percent', basis: 'hired' },
  { key: 'cdd_converted', label: 'CDD convertis en CDI (personnes)', kind: 'persons' },
  { key: 'rebounds', label: 'Rebonds après la fin d’un CDD (personnes)', kind: 'persons' },
];

export const OUTCOME_COHORTS_TITLE = 'Résultats longitudinaux par cohorte d’entrée';

/** The definitions in two or three French sentences, printed under the table. */
export function outcomeCohortsNote(today: IsoDate): string {
  return (
    `Cohorte : trimestre d’entrée en pré-embauche ; les personnes sont suivies jusqu’au ${frenchDate(today)}. ` +
    'Un pourcentage à N mois ne compte que les personnes observées au moins N mois (entrée ou première embauche + N mois au plus tard ce jour) ; vide si aucune. ' +
    'Contrat : tout contrat de travail signé depuis l’entrée (immersions et stages exclus) ; « CDD » comprend l’intérim, l’article 60 §7 et les contrats subventionnés à durée déterminée.'
  );
}

/** Columns of `outcomes_exits`: persons per exit reason, then those still accompanied. */
export const OUTCOME_EXIT_COLUMNS: readonly ReportColumn[] = [
  { key: 'entered', label: 'Entrées en pré-embauche', kind: 'persons', sumOf: ['exited', 'still_coached'] },
  ...EXIT_REASONS.map(
    (reason): ReportColumn => ({ key: reason, label: EXIT_REASON_LABELS[reason], kind: 'persons' }),
  ),
  { key: 'exited', label: 'Total des sorties', kind: 'persons', sumOf: [...EXIT_REASONS] },
  { key: 'still_coached', label: 'Toujours accompagnées', kind: 'persons' },
];

export const OUTCOME_EXITS_TITLE = 'Sorties par motif, par cohorte d’entrée';

export function outcomeExitsNote(today: IsoDate): string {
  return `Personnes de chaque cohorte sorties du jobcoaching jusqu’au ${frenchDate(today)}, selon le motif de sortie enregistré.`;
}

/** Columns of `practice_indicators` (one row per organisation and a total row). */
export const PRACTICE_COLUMNS: readonly ReportColumn[] = [
  { key: 'active_persons', label: 'Personnes accompagnées', kind: 'persons' },
  { key: 'coach_fte', label: 'ETP jobcoachs', kind: 'ratio' },
  { key: 'caseload_per_fte', label: 'Personnes par ETP', kind: 'ratio', basis: 'active_persons' },
  { key: 'employer_contacts', label: 'Contacts directs avec des employeurs', kind: 'count' },
  {
    key: 'employer_contacts_per_fte_week',
    label: 'Contacts employeurs par ETP et par semaine',
    kind: 'ratio',
  },
  { key: 'presented', label: 'Premières présentations à un employeur', kind: 'persons' },
  {
    key: 'median_days_first_presentation',
    label: 'Délai médian entrée → première présentation (jours)',
    kind: 'days',
    basis: 'presented',
  },
  {
    key: 'on_cadence_share',
    label: 'Vues à la fréquence attendue (%)',
    kind: 'percent',
    basis: 'active_persons',
  },
];

export const PRACTICE_TITLE = 'Indicateurs de pratique';

export function practiceNote(day: IsoDate): string {
  return (
    `Personnes en pré-embauche, embauche ou suivi et fréquence des contacts au ${frenchDate(day)} ; ETP des jobcoachs actifs. ` +
    'Contacts employeurs : visites et appels de la période, par ETP et par semaine écoulée. ' +
    'Première présentation : première fois où la personne est présentée à un employeur pendant la période.'
  );
}

/** The label of the total row of every outcome table. */
export const OUTCOME_TOTAL_LABEL = 'Ensemble';

/** 2024-03-05 → "05/03/2024" (Belgian format). */
export function frenchDate(date: IsoDate): string {
  const day = parseIsoDate(date);
  if (!day) throw new RangeError(`Not a calendar day: ${date}`);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(day.day)}/${pad(day.month)}/${day.year}`;
}
