// The languages of the interface. No catalog here: French is loaded with the app, the other
// catalogs only when chosen (loadCatalog), so the first screen does not download all four.
import fr from './fr.json';

/** A message id, checked by the compiler against the French catalog. */
export type MessageId = keyof typeof fr;
/** A catalog: every key of the French one (a key missing from a translation is a compile error). */
export type Catalog = Record<MessageId, string>;

export const LOCALES = ['fr', 'nl', 'de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Belgian conventions for each language: dates dd/mm/yyyy, decimal comma (en-BE too for dates). */
export const FORMAT_LOCALES: Record<Locale, string> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-BE' };

/**
 * « Langue » in the four languages, for the choice before login: someone who does not read the
 * current language still finds it. The same words as `shell.language` in each catalog (checked by
 * `npm run check:i18n -w apps/web`).
 */
export const LANGUAGE_IN_EACH: Record<Locale, string> = {
  fr: 'Langue',
  nl: 'Taal',
  de: 'Sprache',
  en: 'Language',
};

/** The reference catalog, always there: the fallback wording and the list of known keys. */
export const french: Catalog = fr;

const loaders: Record<Exclude<Locale, 'fr'>, () => Promise<{ default: Catalog }>> = {
  nl: () => import('./nl.json'),
  de: () => import('./de.json'),
  en: () => import('./en.json'),
};

const loaded = new Map<Locale, Catalog>([['fr', french]]);

/** The catalog of a language if it was already loaded (French always is). */
export function loadedCatalog(locale: Locale): Catalog | undefined {
  return loaded.get(locale);
}

/** Loads a language's catalog (once; a separate file of the build). */
export async function loadCatalog(locale: Locale): Promise<Catalog> {
  const known = loaded.get(locale);
  if (known) return known;
  const catalog = (await loaders[locale as Exclude<Locale, 'fr'>]()).default;
  loaded.set(locale, catalog);
  return catalog;
}
