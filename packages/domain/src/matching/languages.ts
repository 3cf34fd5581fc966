/**
 * Language skills for matching, one level per skill: understanding, speaking, reading, writing.
 * A person records, per language, the level of each skill they have assessed; a skill left out is
 * "not recorded" (an « à vérifier » in the matching, never a block). A requirement names the
 * minimum level of the skills the job really uses: « lire des étiquettes en allemand » is
 * `{ code: 'de', read: 'basic' }`, « parler allemand couramment » is `{ code: 'de', speak: 'fluent' }`.
 * A person's level meets a requirement at the same level or a higher one, skill by skill.
 */
export const LANGUAGE_SKILLS = ['understand', 'speak', 'read', 'write'] as const;
export type LanguageSkillName = (typeof LANGUAGE_SKILLS)[number];

export const LANGUAGE_SKILL_LABELS: Record<LanguageSkillName, string> = {
  understand: 'comprendre',
  speak: 'parler',
  read: 'lire',
  write: 'écrire',
};

/** Levels of one skill, lowest first. `none` is only meaningful on a person. */
export const SKILL_LEVELS = ['none', 'basic', 'good', 'fluent'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
/** Levels a requirement may ask (asking "none" means not asking). */
export const REQUIRED_SKILL_LEVELS = ['basic', 'good', 'fluent'] as const;
export type RequiredSkillLevel = (typeof REQUIRED_SKILL_LEVELS)[number];

export const SKILL_LEVEL_LABELS: Record<SkillLevel, string> = {
  none: 'pas du tout',
  basic: 'notions',
  good: 'bien',
  fluent: 'couramment',
};

/** The level of each skill; a skill absent or null is not recorded (person) or not asked (job). */
export type LanguageSkills = { [K in LanguageSkillName]?: SkillLevel | null };

/** A language a person knows (ISO 639-1 code after normalizeLanguage), skill by skill. */
export interface LanguageSkill extends LanguageSkills {
  code: string;
}

/** A language a job needs: the minimum level of each skill it uses. */
export interface LanguageRequirement {
  code: string;
  understand?: RequiredSkillLevel | null;
  speak?: RequiredSkillLevel | null;
  read?: RequiredSkillLevel | null;
  write?: RequiredSkillLevel | null;
}

export function skillLevelMeets(has: SkillLevel, required: SkillLevel): boolean {
  return SKILL_LEVELS.indexOf(has) >= SKILL_LEVELS.indexOf(required);
}

/** The skills a requirement asks, in the order of LANGUAGE_SKILLS. */
export function requiredSkills(req: LanguageRequirement): [LanguageSkillName, RequiredSkillLevel][] {
  const out: [LanguageSkillName, RequiredSkillLevel][] = [];
  for (const skill of LANGUAGE_SKILLS) {
    const level = req[skill];
    if (level !== undefined && level !== null) out.push([skill, level]);
  }
  return out;
}

/** « parler (couramment), lire (notions) » */
export function describeSkills(skills: LanguageSkills): string {
  return LANGUAGE_SKILLS.filter((s) => skills[s] != null)
    .map((s) => `${LANGUAGE_SKILL_LABELS[s]} (${SKILL_LEVEL_LABELS[skills[s] as SkillLevel]})`)
    .join(', ');
}

/**
 * The single level recorded before skills were split (basic < reads < speaks < fluent), read as
 * skills. A person's old level included the ones below it ("speaks" took reading in); a job's old
 * requirement asked only the skill it named. Used by the data migration (0016, same table in SQL)
 * and by the vacancy import, which still accepts a column in the old form.
 */
export const LEGACY_LANGUAGE_LEVELS = ['basic', 'reads', 'speaks', 'fluent'] as const;
export type LegacyLanguageLevel = (typeof LEGACY_LANGUAGE_LEVELS)[number];

export const LEGACY_PERSON_SKILLS: Record<LegacyLanguageLevel, LanguageSkills> = {
  basic: { understand: 'basic', speak: 'basic' },
  reads: { understand: 'basic', speak: 'basic', read: 'good' },
  speaks: { understand: 'good', speak: 'good', read: 'good' },
  fluent: { understand: 'fluent', speak: 'fluent', read: 'fluent', write: 'fluent' },
};

export const LEGACY_REQUIREMENT_SKILLS: Record<LegacyLanguageLevel, Omit<LanguageRequirement, 'code'>> = {
  basic: { understand: 'basic', speak: 'basic' },
  reads: { read: 'good' },
  speaks: { understand: 'good', speak: 'good' },
  fluent: { understand: 'fluent', speak: 'fluent' },
};

/**
 * A language a person's file listed by name only, before levels were recorded: the coach listed
 * the languages the person speaks, so understanding and speaking are taken as « bien »; reading and
 * writing stay not recorded (« à vérifier »: literacy is not assumed).
 */
export const LEGACY_NAMED_LANGUAGE_SKILLS: LanguageSkills = { understand: 'good', speak: 'good' };

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
