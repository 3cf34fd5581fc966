/**
 * Language skills for matching. Levels are ordered basic < reads < speaks < fluent, and a requirement
 * is met by the same level or any higher one: a job that asks to read German labels ('reads') is open
 * to a person who reads German, speaks it or is fluent. The order takes "speaks" to include reading;
 * for a person who speaks a language without reading it (literacy), record 'basic' rather than
 * 'speaks'.
 */
export const LANGUAGE_LEVELS = ['basic', 'reads', 'speaks', 'fluent'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export const LANGUAGE_LEVEL_LABELS: Record<LanguageLevel, string> = {
  basic: 'notions',
  reads: 'lecture',
  speaks: 'conversation',
  fluent: 'courant',
};

/** A language (ISO 639-1 code after normalizeLanguage) at a level. */
export interface LanguageSkill {
  code: string;
  level: LanguageLevel;
}

export function languageLevelMeets(has: LanguageLevel, required: LanguageLevel): boolean {
  return LANGUAGE_LEVELS.indexOf(has) >= LANGUAGE_LEVELS.indexOf(required);
}

/** French names of the languages met most often in Walloon job offers and among coached persons. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  fr: 'français',
  nl: 'néerlandais',
  de: 'allemand',
  en: 'anglais',
  it: 'italien',
  es: 'espagnol',
  pt: 'portugais',
  ar: 'arabe',
  tr: 'turc',
  pl: 'polonais',
  ro: 'roumain',
  ru: 'russe',
  sq: 'albanais',
  uk: 'ukrainien',
  fa: 'persan',
  ln: 'lingala',
  sw: 'swahili',
};

/** Names and ISO 639-2 codes people type, in French, English, Dutch or German, accents removed. */
const LANGUAGE_SYNONYMS: Readonly<Record<string, string>> = {
  francais: 'fr',
  french: 'fr',
  frans: 'fr',
  franzosisch: 'fr',
  fra: 'fr',
  fre: 'fr',
  neerlandais: 'nl',
  flamand: 'nl',
  dutch: 'nl',
  flemish: 'nl',
  nederlands: 'nl',
  vlaams: 'nl',
  niederlandisch: 'nl',
  nld: 'nl',
  dut: 'nl',
  allemand: 'de',
  german: 'de',
  deutsch: 'de',
  duits: 'de',
  deu: 'de',
  ger: 'de',
  anglais: 'en',
  english: 'en',
  engels: 'en',
  englisch: 'en',
  eng: 'en',
  italien: 'it',
  italian: 'it',
  italiano: 'it',
  ita: 'it',
  espagnol: 'es',
  spanish: 'es',
  espanol: 'es',
  spa: 'es',
  portugais: 'pt',
  portuguese: 'pt',
  por: 'pt',
  arabe: 'ar',
  arabic: 'ar',
  ara: 'ar',
  turc: 'tr',
  turkish: 'tr',
  tur: 'tr',
  polonais: 'pl',
  polish: 'pl',
  pol: 'pl',
  roumain: 'ro',
  romanian: 'ro',
  ron: 'ro',
  rum: 'ro',
  russe: 'ru',
  russian: 'ru',
  rus: 'ru',
  albanais: 'sq',
  albanian: 'sq',
  ukrainien: 'uk',
  ukrainian: 'uk',
  persan: 'fa',
  farsi: 'fa',
  lingala: 'ln',
  swahili: 'sw',
};

/**
 * "FR", "fr-BE", "Français", "francais", "French", "Nederlands" → "fr" / "nl"…; an unknown language
 * comes back lower-cased without accents, so two spellings of it still compare equal.
 */
export function normalizeLanguage(input: string): string {
  const key = input.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
  const code = /^([a-z]{2})(?:[-_][a-z]{2})?$/.exec(key);
  if (code) return code[1] as string;
  return LANGUAGE_SYNONYMS[key] ?? key.replace(/\s+/g, ' ');
}

/** "allemand" for "de"; the code itself for a language without a French name here. */
export function languageName(code: string): string {
  const normalized = normalizeLanguage(code);
  return LANGUAGE_NAMES[normalized] ?? normalized;
}
