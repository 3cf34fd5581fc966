import type { MyDay } from '@jobcoach/contract';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { MyDaySection } from '../myday/MyDaySection.tsx';

/** « Ma journée »: fixed-term contracts ending soon, and follow-ups whose contact is due. */
export function MyDayContractSections({ day }: { day: MyDay }) {
  const t = useT();
  const ending = day.contractsEndingSoon.map((c) => ({ ...c, id: c.personId }));
  return (
    <>
      <MyDaySection
        id="contracts-ending"
        tone="orange"
        title={t('myday.contractsEnding')}
        hint={t('myday.contractsEnding.hint')}
        empty={t('myday.contractsEnding.empty')}
        persons={ending}
        detail={(c) =>
          c.overdue
            ? t('myday.contractsEnding.overdue', {
                type: c.typeLabel,
                employer: c.employerName,
                date: formatDay(c.plannedEnd),
                days: -c.daysLeft,
              })
            : t('myday.contractsEnding.detail', {
                type: c.typeLabel,
                employer: c.employerName,
                date: formatDay(c.plannedEnd),
                days: c.daysLeft,
              })
        }
      />
      <MyDaySection
        id="follow-ups"
        title={t('myday.followUps')}
        empty={t('myday.followUps.empty')}
        persons={day.followUpsDue}
        detail={(p) =>
          [
            p.daysOverdue > 0
              ? t('myday.overdue.detail', { days: p.daysOverdue, date: formatDay(p.dueDate) })
              : t('myday.followUps.due', { date: formatDay(p.dueDate) }),
            p.employerName,
            p.modeLabel,
            p.discreet ? t('contracts.discreet') : null,
            p.followUpEnd ? t('myday.followUps.end', { date: formatDay(p.followUpEnd) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')
        }
      />
    </>
  );
}
