import type { VacancySummary } from '@jobcoach/contract';
import type { Translate } from '../i18n/index.ts';

/** « CDD (6 mois) · 38 h/semaine » */
export function contractText(v: Pick<VacancySummary, 'contract' | 'hoursPerWeek'>, t: Translate): string {
  const contract =
    v.contract.type === 'cdd' && v.contract.months
      ? t('vacancy.cddMonths', { months: v.contract.months })
      : t(`contractType.${v.contract.type}`);
  return v.hoursPerWeek === null
    ? contract
    : `${contract} · ${t('vacancy.hoursShort', { hours: v.hoursPerWeek })}`;
}
