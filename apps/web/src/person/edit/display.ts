import { formatDay } from '../../i18n/dates.ts';
import type { Translate } from '../../i18n/index.ts';
import type { PersonField } from '../person-form.ts';

/** A field's form text as a person reads it (Oui/Non, labels, dd/mm/yyyy), for the conflict table. */
export function displayValue(field: PersonField, text: string, t: Translate): string {
  if (text.trim() === '') return t('conflict.empty');
  switch (field) {
    case 'birthDate':
      return formatDay(text);
    case 'sex':
      return t(`sex.${text as 'woman'}`);
    case 'origin':
      return t(`origin.${text as 'belgian_or_european'}`);
    case 'studies':
      return t(`studies.${text as 'ceb'}`);
    case 'income':
      return t(`income.${text as 'none'}`);
    case 'singleParent':
    case 'debtSettlementPlan':
    case 'drivingLicence':
    case 'hasCar':
    case 'publicTransport':
    case 'cdiOnly':
      return t(text === 'yes' ? 'common.yes' : 'common.no');
    case 'scheduleDays':
      return text
        .split(',')
        .map((d) => t(`weekDay.${d as 'mon'}`))
        .join(', ');
    case 'scheduleLimits':
      return text
        .split(',')
        .map((l) => t(`scheduleLimit.${l as 'no_night'}`))
        .join(', ');
    default:
      return text;
  }
}
