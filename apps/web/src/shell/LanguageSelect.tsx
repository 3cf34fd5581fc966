import { NativeSelect } from '@mantine/core';
import { LANGUAGE_IN_EACH, LOCALES, type Locale, useLocale, useT } from '../i18n/index.ts';

/**
 * The language choice before login (setup, login, forgotten password): a native select whose
 * options name each language in itself. Remembered in the browser like the choice in the user menu.
 */
export function LanguageSelect() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <NativeSelect
      aria-label={t('shell.language')}
      // Someone who does not read the current language still finds the choice: the title says it in all four.
      title={LOCALES.map((l) => LANGUAGE_IN_EACH[l]).join(' · ')}
      size="xs"
      value={locale}
      onChange={(event) => setLocale(event.currentTarget.value as Locale)}
      data-testid="language-select"
    >
      {LOCALES.map((option) => (
        <option key={option} value={option} lang={option}>
          {t(`language.${option}`)}
        </option>
      ))}
    </NativeSelect>
  );
}
