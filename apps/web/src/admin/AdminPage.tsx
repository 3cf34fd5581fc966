import { Stack } from '@mantine/core';
import { useT } from '../i18n/index.ts';
import { PageHeading } from '../shell/PageHeading.tsx';
import { BasinsSection } from './BasinsSection.tsx';
import { OrganisationsSection } from './OrganisationsSection.tsx';

/** « Administration »: the organisations using the platform and the employment basins. */
export function AdminPage() {
  const t = useT();
  return (
    <Stack gap="lg">
      <PageHeading>{t('admin.title')}</PageHeading>
      <OrganisationsSection />
      <BasinsSection />
    </Stack>
  );
}
