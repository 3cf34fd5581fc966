// The message catalogs (ICU syntax). French is the reference: every catalog must have its keys.
// No React here, so that a script or a test can import it on its own.
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import nl from './nl.json';

export type MessageId = keyof typeof fr;
export type Catalog = Record<MessageId, string>;

export const LOCALES = ['fr', 'nl', 'de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

// Typed as Catalog: a key missing from a translation is a compile error.
export const catalogs: Record<Locale, Catalog> = { fr, nl, de, en };

/** Belgian conventions for each language: dates dd/mm/yyyy, decimal comma (en-BE too for dates). */
export const FORMAT_LOCALES: Record<Locale, string> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-BE' };

/** Keys that a catalog lacks or has in excess compared with French; empty when all agree. */
export function catalogDifferences(): { locale: Locale; missing: string[]; extra: string[] }[] {
  const reference = Object.keys(catalogs.fr);
  return LOCALES.filter((locale) => locale !== 'fr')
    .map((locale) => {
      const keys = Object.keys(catalogs[locale]);
      return {
        locale,
        missing: reference.filter((key) => !keys.includes(key)),
        extra: keys.filter((key) => !reference.includes(key)),
      };
    })
    .filter((difference) => difference.missing.length > 0 || difference.extra.length > 0);
}
