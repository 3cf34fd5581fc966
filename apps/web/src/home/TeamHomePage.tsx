import type { TeamCoach } from '@jobcoach/contract';
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { currentMembership } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { SetupChecklist } from './SetupChecklist.tsx';
import { useTeamOverview } from './team-home-api.ts';

/**
 * A coordinator's home: the setup checklist until it is done, then the team at a glance — per coach,
 * active persons against places, overdue contacts, limits within 60 days, absence and cover, as the
 * server counted them from each coach's « Ma journée ». A coach's name opens that coach's day.
 */
export function TeamHomePage() {
  const t = useT();
  const me = useSession();
  const membership = currentMembership(me);
  const overview = useTeamOverview();

  return (
    <Stack gap="md">
      <PageHeading>{t('teamHome.title')}</PageHeading>
      {membership && (
        <Group gap="lg" mt={-8}>
          <Text size="sm" c="dimmed" data-testid="home-organisation">
            {t('home.organisation', { name: membership.organisationName })}
          </Text>
          <Text size="sm" c="dimmed" data-testid="home-role">
            {t('home.role', { role: t(`role.${membership.role}`) })}
          </Text>
        </Group>
      )}
      <SetupChecklist />
      <Title order={2} size="h3" id="team-coaches-title">
        {t('teamHome.coaches')}
      </Title>
      {overview.isPending ? (
        <Spinner />
      ) : overview.error ? (
        <ErrorAlert error={overview.error} onRetry={() => overview.refetch()} />
      ) : overview.data.coaches.length === 0 ? (
        <Text>{t('teamHome.empty')}</Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, lg: 3 }}
          spacing="md"
          component="ul"
          aria-labelledby="team-coaches-title"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {overview.data.coaches.map((coach) => (
            <CoachCard key={coach.id} coach={coach} self={coach.id === me.user.id} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function CoachCard({ coach, self }: { coach: TeamCoach; self: boolean }) {
  const t = useT();
  const intl = useIntl();
  const { activeCount, capacity, over } = coach.caseload;
  const number = (n: number) => intl.formatNumber(n, { maximumFractionDigits: 2 });
  return (
    <Card withBorder padding="md" component="li" data-testid="team-coach" data-coach-id={coach.id}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Title order={3} size="h4">
            <Anchor
              component={Link}
              to={self ? '/my-day' : `/my-day?coachId=${encodeURIComponent(coach.id)}`}
              data-testid="team-coach-link"
              aria-label={t('teamHome.openDay', { name: coach.name })}
            >
              {coach.name}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {t('teamHome.fte', { fte: number(coach.fte) })}
          </Text>
        </Group>
        <Group gap="xs">
          <Text data-testid="team-coach-active">
            {t('teamHome.active', { count: activeCount, capacity: number(capacity) })}
          </Text>
          {over && (
            <Badge color="red.9" variant="filled">
              {t('teamHome.over')}
            </Badge>
          )}
        </Group>
        <Group gap="lg">
          <Text
            data-testid="team-coach-overdue"
            c={coach.overdue > 0 ? 'red.9' : undefined}
            fw={coach.overdue > 0 ? 600 : undefined}
          >
            {t('teamHome.overdue', { count: coach.overdue })}
          </Text>
          <Text data-testid="team-coach-deadlines" fw={coach.deadlines > 0 ? 600 : undefined}>
            {t('teamHome.deadlines', { count: coach.deadlines })}
          </Text>
        </Group>
        {coach.absence && (
          <Text size="sm" data-testid="team-coach-absence">
            {t(coach.absence.current ? 'teamHome.absentNow' : 'teamHome.absentSoon', {
              from: formatDay(coach.absence.from),
              to: formatDay(coach.absence.to),
              cover: coach.absence.coverCoachName,
            })}
          </Text>
        )}
        {coach.covering.map((c) => (
          <Text size="sm" key={`${c.coachId}-${c.from}`} data-testid="team-coach-covering">
            {t('teamHome.covering', { name: c.coachName, to: formatDay(c.to) })}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
