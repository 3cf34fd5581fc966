import { type LANGUAGE_NAMES, languageName } from '@jobcoach/domain';
import type { Translate } from '../i18n/index.ts';

/** The languages the domain names (LANGUAGE_NAMES), in its order; labels `languageName.<code>`. */
export const LANGUAGE_CODES = [
  'fr',
  'nl',
  'de',
  'en',
  'it',
  'es',
  'pt',
  'ar',
  'tr',
  'pl',
  'ro',
  'ru',
  'sq',
  'uk',
  'fa',
  'ln',
  'sw',
] as const satisfies readonly (keyof typeof LANGUAGE_NAMES)[];
type LanguageCode = (typeof LANGUAGE_CODES)[number];

const known = (code: string): code is LanguageCode => (LANGUAGE_CODES as readonly string[]).includes(code);

/** « allemand » for 'de'; the domain's name (or the code) for a language the catalog lacks. */
export function languageLabel(code: string, t: Translate): string {
  return known(code) ? t(`languageName.${code}`) : languageName(code);
}
