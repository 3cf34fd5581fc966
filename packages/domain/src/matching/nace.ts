/**
 * NACE-BEL sections and divisions (nomenclature NACE-BEL 2008, the Belgian version of NACE Rev. 2),
 * enough for matching a person's wished sectors against a vacancy's activity code. A code is a
 * section letter ("I") or a numeric code whose first two digits are the division ("56", "56.10",
 * "56.101"). The 2025 revision (NACE-BEL 2025) renumbers some sections after F; division prefixes
 * still compare correctly, only the section derived from a division follows the 2008 table.
 */
export const NACE_SECTIONS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
] as const;
export type NaceSection = (typeof NACE_SECTIONS)[number];

export const NACE_SECTION_LABELS: Record<NaceSection, string> = {
  A: 'Agriculture, sylviculture et pêche',
  B: 'Industries extractives',
  C: 'Industrie manufacturière',
  D: "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné",
  E: "Production et distribution d'eau, gestion des déchets et dépollution",
  F: 'Construction',
  G: 'Commerce de gros et de détail, réparation de véhicules',
  H: 'Transports et entreposage',
  I: 'Hébergement et restauration',
  J: 'Information et communication',
  K: "Activités financières et d'assurance",
  L: 'Activités immobilières',
  M: 'Activités spécialisées, scientifiques et techniques',
  N: 'Activités de services administratifs et de soutien',
  O: 'Administration publique',
  P: 'Enseignement',
  Q: 'Santé humaine et action sociale',
  R: 'Arts, spectacles et activités récréatives',
  S: 'Autres activités de services',
  T: 'Activités des ménages en tant qu’employeurs',
  U: 'Organisations extraterritoriales',
};

/** « I — Hébergement et restauration »: how the forms show a section, and how a wish stores it. */
export function naceSectionOption(section: NaceSection): string {
  return `${section} — ${NACE_SECTION_LABELS[section]}`;
}

/** First division of each section, in order (NACE Rev. 2). */
const SECTION_STARTS: readonly [number, NaceSection][] = [
  [1, 'A'],
  [5, 'B'],
  [10, 'C'],
  [35, 'D'],
  [36, 'E'],
  [41, 'F'],
  [45, 'G'],
  [49, 'H'],
  [55, 'I'],
  [58, 'J'],
  [64, 'K'],
  [68, 'L'],
  [69, 'M'],
  [77, 'N'],
  [84, 'O'],
  [85, 'P'],
  [86, 'Q'],
  [90, 'R'],
  [94, 'S'],
  [97, 'T'],
  [99, 'U'],
];

/** The digits of a numeric code ("56.10" → "5610"), or null for a section letter or anything else. */
export function naceDigits(code: string): string | null {
  const trimmed = code.trim();
  if (!/^\d{2}(?:[.\s]?\d)*$/.test(trimmed)) return null;
  return trimmed.replace(/\D/g, '');
}

/** The section of a code: "I" → "I", "56.10" → "I", "99" → "U"; null when not a NACE code. */
export function naceSection(code: string): NaceSection | null {
  const trimmed = code.trim().toUpperCase();
  if ((NACE_SECTIONS as readonly string[]).includes(trimmed)) return trimmed as NaceSection;
  const digits = naceDigits(trimmed);
  if (digits === null) return null;
  const division = Number(digits.slice(0, 2));
  let section: NaceSection | null = null;
  for (const [start, s] of SECTION_STARTS) if (division >= start) section = s;
  return division >= 1 ? section : null;
}
