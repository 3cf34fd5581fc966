import type { PersonFile } from '@jobcoach/contract';
import type { PreHireClock } from '@jobcoach/domain';
import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Panel } from './Panel.tsx';

/**
 * The clocks the server read with the domain's rules (method.md §5): 24 months of pre-hire (CDD
 * days suspend it) and 30 months for the whole process. Nothing is computed here.
 */
export function ClockPanel({ person, clock }: { person: PersonFile; clock: PreHireClock }) {
  const t = useT();
  const total = clock.daysUsed + clock.daysLeft;
  const percent = total > 0 ? Math.min(100, Math.round((clock.daysUsed / total) * 100)) : 100;
  return (
    <Panel id="clock" title={t('clock.title')}>
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={600}>{t('clock.preHire')}</Text>
          {clock.suspended && (
            <Badge color="orange" variant="light" data-testid="clock-suspended">
              {t('clock.suspended')}
            </Badge>
          )}
          {clock.expired && (
            <Badge color="red" variant="filled">
              {t('clock.expired')}
            </Badge>
          )}
        </Group>
        <Text data-testid="clock-summary">
          {t('clock.summary', {
            used: clock.daysUsed,
            left: clock.daysLeft,
            date: formatDay(clock.deadline),
          })}
        </Text>
        <Progress.Root>
          <Progress.Section
            value={percent}
            color={clock.expired ? 'red' : percent > 90 ? 'orange.8' : 'blue'}
            aria-label={t('clock.preHire')}
            aria-valuetext={t('clock.progress', { used: clock.daysUsed, total })}
          />
        </Progress.Root>
        <Text size="sm" c="dimmed">
          {t('clock.entry', { date: formatDay(clock.preHireEntry) })}
          {clock.suspendedDays > 0 && ` ${t('clock.suspendedDays', { days: clock.suspendedDays })}`}
        </Text>
        <Text data-testid="clock-overall">
          {t('clock.overall', { date: formatDay(clock.overallDeadline), left: clock.overallDaysLeft })}
        </Text>
        {person.phase === 'follow_up' && (
          <Text size="sm" data-testid="clock-follow-up">
            {t('clock.followUp', { date: formatDay(person.phaseSince) })}
          </Text>
        )}
      </Stack>
    </Panel>
  );
}
