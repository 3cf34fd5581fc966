import { createContext, type ReactNode, use, useEffect, useState } from 'react';
import { IntlProvider } from 'react-intl';
import { catalogs, FORMAT_LOCALES, LOCALES, type Locale } from './catalogs.ts';
import { setDateLocale } from './dates.ts';

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
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  // Dates on screen (formatDay) follow the language: set before the screens render.
  setDateLocale(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = (next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing: the choice lasts for this visit only.
    }
    setLocaleState(next);
  };

  return (
    <LocaleContext value={{ locale, setLocale }}>
      <IntlProvider locale={FORMAT_LOCALES[locale]} defaultLocale="fr-BE" messages={catalogs[locale]}>
        {children}
      </IntlProvider>
    </LocaleContext>
  );
}

export function useLocale(): LocaleState {
  return use(LocaleContext);
}
