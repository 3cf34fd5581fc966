import type { PersonFile } from '@jobcoach/contract';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Panel } from './Panel.tsx';

/** Direct contacts: the last one, when the next one is due (red when late), the one planned. */
export function CadencePanel({ person }: { person: PersonFile }) {
  const t = useT();
  const { cadence } = person;
  return (
    <Panel id="cadence" title={t('cadence.title')}>
      <Stack gap={6}>
        <Text data-testid="cadence-last">
          {cadence.lastDirectContact
            ? t('cadence.last', { date: formatDay(cadence.lastDirectContact) })
            : t('cadence.noContact')}
        </Text>
        {cadence.dueDate ? (
          <Group gap="xs">
            <Text
              data-testid="cadence-due"
              c={cadence.overdue ? 'red.9' : undefined}
              fw={cadence.overdue ? 700 : 400}
            >
              {t('cadence.due', { date: formatDay(cadence.dueDate) })}
            </Text>
            {cadence.overdue && (
              <Badge color="red" variant="filled" data-testid="cadence-overdue">
                {t('cadence.overdue', { days: cadence.daysOverdue })}
              </Badge>
            )}
          </Group>
        ) : (
          <Text c="dimmed">{t('cadence.none')}</Text>
        )}
        {cadence.intervalDays !== null && (
          <Text size="sm" c="dimmed">
            {t('cadence.interval', { days: cadence.intervalDays })}
          </Text>
        )}
        {cadence.nextPlanned && (
          <Text data-testid="cadence-planned">
            {t('cadence.planned', { date: formatDay(cadence.nextPlanned) })}
          </Text>
        )}
      </Stack>
    </Panel>
  );
}
