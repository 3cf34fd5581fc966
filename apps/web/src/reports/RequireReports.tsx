import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { canSeePersons, canSeeReports } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { HomePage } from '../home/HomePage.tsx';
import { useT } from '../i18n/index.ts';
import { PageHeading } from '../shell/PageHeading.tsx';

/** Results are for coordinators, evaluators and the administrator (the server answers 403 to others). */
export function RequireReports({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useSession();
  if (canSeeReports(me)) return children;
  return (
    <>
      <PageHeading>{t('forbidden.title')}</PageHeading>
      <Card withBorder padding="lg" maw={680}>
        <Text>{t('reports.forbidden')}</Text>
      </Card>
    </>
  );
}

/**
 * The first page after login: « Ma journée » for those who work with persons; « Résultats » for
 * those who only read aggregated results (evaluators, an administrator outside any organisation),
 * whose welcome page would otherwise be nearly empty.
 */
export function Landing() {
  const me = useSession();
  if (!canSeePersons(me) && canSeeReports(me)) return <Navigate to="/results" replace />;
  return <HomePage />;
}
