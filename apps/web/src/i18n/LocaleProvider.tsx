import { createContext, type ReactNode, use, useEffect, useState } from 'react';
import { IntlProvider } from 'react-intl';
import { setDateLocale } from './dates.ts';
import { type Catalog, FORMAT_LOCALES, LOCALES, type Locale, loadCatalog, loadedCatalog } from './locales.ts';

const STORAGE_KEY = 'jobcoach.locale';

type LocaleState = { locale: Locale; setLocale: (locale: Locale) => void };
const LocaleContext = createContext<LocaleState>({ locale: 'fr', setLocale: () => {} });

function storedLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return LOCALES.find((locale) => locale === stored) ?? 'fr';
  } catch {
    return 'fr';
  }
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  // The language shown and its catalog change together: a language chosen is shown once its
  // catalog has arrived (a small file, at once from the cache), until then the previous one stays.
  const [shown, setShown] = useState<{ locale: Locale; messages: Catalog | undefined }>(() => {
    const locale = storedLocale();
    return { locale, messages: loadedCatalog(locale) };
  });
  const { locale, messages } = shown;
  // Dates on screen (formatDay) follow the language: set before the screens render.
  setDateLocale(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // Not reachable (offline before it was ever loaded): French, the reference, rather than nothing.
  const show = (next: Locale) =>
    loadCatalog(next).then(
      (catalog) => setShown({ locale: next, messages: catalog }),
      () =>
        setShown((current) => (current.messages ? current : { locale: 'fr', messages: loadedCatalog('fr') })),
    );

  // Only the first language, stored before this visit, can be missing at the start.
  useEffect(() => {
    if (messages) return;
    loadCatalog(locale).then(
      (catalog) => setShown({ locale, messages: catalog }),
      () => setShown({ locale: 'fr', messages: loadedCatalog('fr') }),
    );
  }, [locale, messages]);

  const setLocale = (next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing: the choice lasts for this visit only.
    }
    show(next);
  };

  // A stored language other than French: nothing until its catalog is there (no French flash).
  if (!messages) return null;
  return (
    <LocaleContext value={{ locale, setLocale }}>
      <IntlProvider locale={FORMAT_LOCALES[locale]} defaultLocale="fr-BE" messages={messages}>
        {children}
      </IntlProvider>
    </LocaleContext>
  );
}

export function useLocale(): LocaleState {
  return use(LocaleContext);
}
