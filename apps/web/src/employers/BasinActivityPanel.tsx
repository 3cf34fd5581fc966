import type { EmployerFile } from '@jobcoach/contract';
import { List, Text } from '@mantine/core';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Panel } from '../person/Panel.tsx';

/**
 * « Activité dans le bassin » (basin coordination, method.md §6): which other organisations of
 * the basin had a direct contact with the employer in the last six months. Who and when only:
 * never their notes nor the persons concerned.
 */
export function BasinActivityPanel({ employer }: { employer: EmployerFile }) {
  const t = useT();
  const activity = employer.basinActivity;
  return (
    <Panel id="basin-activity" title={t('employer.basin.title')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('employer.basin.intro')}
      </Text>
      {activity.length === 0 ? (
        <Text data-testid="basin-activity-none">{t('employer.basin.none')}</Text>
      ) : (
        <List spacing={4}>
          {activity.map((a) => (
            <List.Item
              key={`${a.organisationName}-${a.coachName}-${a.date}`}
              data-testid="basin-activity-item"
            >
              {a.coachName
                ? t('employer.basin.contactBy', {
                    organisation: a.organisationName,
                    coach: a.coachName,
                    date: formatDay(a.date),
                  })
                : t('employer.basin.contactByOrganisation', {
                    organisation: a.organisationName,
                    date: formatDay(a.date),
                  })}
            </List.Item>
          ))}
        </List>
      )}
    </Panel>
  );
}
