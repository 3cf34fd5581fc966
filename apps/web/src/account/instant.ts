import { brusselsDate } from '@jobcoach/domain';
import { useIntl } from 'react-intl';
import { formatDay } from '../i18n/dates.ts';

/** An instant as Brussels local time, dd/mm/yyyy hh:mm in every language. */
export function useFormatInstant(): (iso: string) => string {
  const intl = useIntl();
  return (iso) => {
    const instant = new Date(iso);
    const time = intl.formatTime(instant, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Brussels',
    });
    return `${formatDay(brusselsDate(instant))} ${time}`;
  };
}
