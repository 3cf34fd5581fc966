/**
 * What the method records about a coached person (personne coachée) for the breakdowns of
 * method.md §7. Each list is the stored code; the labels are what French-speaking users read.
 */
export const SEXES = ['woman', 'man', 'not_stated'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = {
  woman: 'Femme',
  man: 'Homme',
  not_stated: 'Non précisé',
};

export const ORIGINS = ['belgian_or_european', 'foreign_or_foreign_origin'] as const;
export type Origin = (typeof ORIGINS)[number];
export const ORIGIN_LABELS: Record<Origin, string> = {
  belgian_or_european: 'Belge ou européenne',
  foreign_or_foreign_origin: 'Étrangère ou d’origine étrangère',
};

/** Highest diploma: CEB, CESI, CESS, or other (which includes no recognised diploma). */
export const STUDIES = ['ceb', 'cesi', 'cess', 'other'] as const;
export type Studies = (typeof STUDIES)[number];
export const STUDIES_LABELS: Record<Studies, string> = {
  ceb: 'CEB (certificat d’études de base)',
  cesi: 'CESI (certificat d’enseignement secondaire inférieur)',
  cess: 'CESS (certificat d’enseignement secondaire supérieur)',
  other: 'Autre (y compris sans diplôme reconnu)',
};

export const INCOME_SOURCES = ['unemployment_benefit', 'integration_income', 'none', 'other'] as const;
export type IncomeSource = (typeof INCOME_SOURCES)[number];
export const INCOME_SOURCE_LABELS: Record<IncomeSource, string> = {
  unemployment_benefit: 'Allocations de chômage',
  integration_income: 'Revenu d’intégration (CPAS)',
  none: 'Aucun revenu',
  other: 'Autre',
};

/** Asylum or residence status (method.md §2): a sensitive field, seen only by those allowed. */
export const RESIDENCE_STATUSES = [
  'belgian_or_eu',
  'residence_permit',
  'asylum_seeker',
  'refugee',
  'other',
] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

/**
 * Age bands of the report (method.md §7), on the age in whole years at entry:
 * under_25 means < 25; 25_45 means 25 to 45 inclusive (so 25 and 45 both fall here);
 * over_45 means > 45, i.e. 46 and older.
 */
export const AGE_BANDS = ['under_25', '25_45', 'over_45'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  under_25: 'Moins de 25 ans',
  '25_45': 'De 25 à 45 ans',
  over_45: 'Plus de 45 ans',
};

export function ageBand(ageAtEntry: number): AgeBand {
  if (ageAtEntry < 25) return 'under_25';
  if (ageAtEntry <= 45) return '25_45';
  return 'over_45';
}
