import { Badge, Card, Text } from '@mantine/core';
import { useT } from '../i18n/index.ts';
import { PageHeading } from './PageHeading.tsx';

export type UpcomingPage = 'people' | 'employers' | 'offers' | 'results';

/** A capability not built yet: what it will hold, rather than an empty page. */
export function ComingSoon({ page }: { page: UpcomingPage }) {
  const t = useT();
  return (
    <>
      <PageHeading>{t(`nav.${page}`)}</PageHeading>
      <Card withBorder padding="lg" maw={680} data-testid="coming-soon">
        <Badge variant="light" size="lg">
          {t('comingSoon.badge')}
        </Badge>
        <Text mt="sm">{t(`comingSoon.${page}`)}</Text>
      </Card>
    </>
  );
}
