import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useT } from '../i18n/index.ts';
import { PublicLayout } from './PublicLayout.tsx';

/** A spinner that screen readers announce as « Chargement… ». */
export function Spinner() {
  const t = useT();
  return (
    <Center role="status" py="xl">
      <Loader aria-hidden="true" />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Center>
  );
}

/** The whole page while the session or the setup status is being read. */
export function Loading() {
  return (
    <PublicLayout>
      <Spinner />
    </PublicLayout>
  );
}
