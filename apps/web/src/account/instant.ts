import { formatInstant } from '../i18n/dates.ts';
import { useLocale } from '../i18n/index.ts';

/** An instant as Brussels local time, in the interface language's Belgian form, then hh:mm. */
export function useFormatInstant(): (iso: string) => string {
  const { locale } = useLocale();
  return (iso) => formatInstant(iso, locale);
}
