// Every catalog has exactly the keys of the French one: `npm run check:i18n -w apps/web`.
import { catalogDifferences, catalogs, LOCALES } from '../src/i18n/catalogs.ts';
import { LANGUAGE_IN_EACH } from '../src/i18n/locales.ts';

const differences = catalogDifferences();
for (const { locale, missing, extra } of differences) {
  if (missing.length) console.error(`${locale}.json lacks: ${missing.join(', ')}`);
  if (extra.length) console.error(`${locale}.json has keys French lacks: ${extra.join(', ')}`);
}
const words = LOCALES.filter((locale) => LANGUAGE_IN_EACH[locale] !== catalogs[locale]['shell.language']);
for (const locale of words)
  console.error(`LANGUAGE_IN_EACH.${locale} differs from ${locale}.json's shell.language`);
if (differences.length > 0 || words.length > 0) throw new Error('The message catalogs disagree');
console.log('All message catalogs have the same keys.');
