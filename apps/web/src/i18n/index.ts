import { useIntl } from 'react-intl';
import type { MessageId } from './locales.ts';

export { LocaleProvider, useLocale } from './LocaleProvider.tsx';
export type { Locale, MessageId } from './locales.ts';
export { FORMAT_LOCALES, french, LANGUAGE_IN_EACH, LOCALES } from './locales.ts';

// Message ids are checked by the compiler against the French catalog.
declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}

export type MessageValues = Record<string, string | number>;
export type Translate = (id: MessageId, values?: MessageValues) => string;

/** The translate function of the current locale: `t('login.submit')`. */
export function useT(): Translate {
  const intl = useIntl();
  return (id, values) => intl.formatMessage({ id }, values);
}
