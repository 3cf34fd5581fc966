import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { canSeePersons } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { useT } from '../i18n/index.ts';
import { PageHeading } from '../shell/PageHeading.tsx';

/**
 * Employers, vacancies and matching are the work of coordinators and jobcoaches (the server
 * answers 403 to evaluators); the others read why the page is closed to them.
 */
export function RequireCoach({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useSession();
  if (canSeePersons(me)) return children;
  return (
    <>
      <PageHeading>{t('forbidden.title')}</PageHeading>
      <Card withBorder padding="lg" maw={680}>
        <Text>{t('forbidden.employers')}</Text>
      </Card>
    </>
  );
}
