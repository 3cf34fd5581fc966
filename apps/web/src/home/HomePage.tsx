import { Card, Stack, Text, Title } from '@mantine/core';
import { currentMembership } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { useT } from '../i18n/index.ts';
import { PageHeading } from '../shell/PageHeading.tsx';

/** « Ma journée »: for now a welcome; it will become the jobcoach's screen of the day. */
export function HomePage() {
  const t = useT();
  const me = useSession();
  const membership = currentMembership(me);

  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
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
