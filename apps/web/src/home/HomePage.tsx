import { Card, Stack, Text, Title } from '@mantine/core';
import { canSeePersons, currentMembership, isCoordinator } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { useT } from '../i18n/index.ts';
import { MyDayPage } from '../myday/MyDayPage.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { TeamHomePage } from './TeamHomePage.tsx';

/**
 * The first page: the team at a glance for coordinators (their own day at /my-day), « Ma journée »
 * for jobcoaches; a welcome for the others (evaluators, an administrator outside any organisation).
 */
export function HomePage() {
  const me = useSession();
  if (isCoordinator(me)) return <TeamHomePage />;
  return canSeePersons(me) ? <MyDayPage /> : <Welcome />;
}

function Welcome() {
  const t = useT();
  const me = useSession();
  const membership = currentMembership(me);

  return (
    <>
      <PageHeading>{t('home.welcomeTitle')}</PageHeading>
      <Card withBorder padding="lg" maw={680}>
        <Stack gap="xs">
          <Title order={2}>{t('home.greeting', { name: me.user.name })}</Title>
          {membership ? (
            <>
              <Text data-testid="home-organisation">
                {t('home.organisation', { name: membership.organisationName })}
              </Text>
              <Text data-testid="home-role">{t('home.role', { role: t(`role.${membership.role}`) })}</Text>
            </>
          ) : (
            <Text>{t('home.noOrganisation')}</Text>
          )}
          {me.user.isAdmin && <Text>{t('home.admin')}</Text>}
          <Text mt="sm">{t('home.later')}</Text>
        </Stack>
      </Card>
    </>
  );
}
