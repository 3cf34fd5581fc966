import { Anchor, Text } from '@mantine/core';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { PageHeading } from './PageHeading.tsx';
import { PublicLayout } from './PublicLayout.tsx';

/** Shown instead of a blank page when a page fails to render. */
export function RouteError() {
  const t = useT();
  return (
    <PublicLayout>
      <PageHeading>{t('error.pageTitle')}</PageHeading>
      <ErrorAlert message={t('error.generic')} />
      <Text mt="md">
        <Anchor href="/">{t('notFound.home')}</Anchor>
      </Text>
    </PublicLayout>
  );
}
