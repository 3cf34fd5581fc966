// Every catalog has exactly the keys of the French one: `npm run check:i18n -w apps/web`.
import { catalogDifferences } from '../src/i18n/catalogs.ts';

const differences = catalogDifferences();
for (const { locale, missing, extra } of differences) {
  if (missing.length) console.error(`${locale}.json lacks: ${missing.join(', ')}`);
  if (extra.length) console.error(`${locale}.json has keys French lacks: ${extra.join(', ')}`);
}
if (differences.length > 0) throw new Error('The message catalogs disagree');
console.log('All message catalogs have the same keys.');
