// The message catalogs (ICU syntax). French is the reference: every catalog must have its keys.
// No React here, so that a script or a test can import it on its own. The app itself loads them
// through locales.ts, one at a time.
import de from './de.json';
import en from './en.json';
import fr from './fr.json';
import { type Catalog, LOCALES, type Locale } from './locales.ts';
import nl from './nl.json';

export { type Catalog, FORMAT_LOCALES, LOCALES, type Locale, type MessageId } from './locales.ts';

// Typed as Catalog: a key missing from a translation is a compile error.
export const catalogs: Record<Locale, Catalog> = { fr, nl, de, en };

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
