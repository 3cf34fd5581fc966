import { Stack } from '@mantine/core';
import { useT } from '../i18n/index.ts';
import { PageHeading } from '../shell/PageHeading.tsx';
import { BackupsSection } from './BackupsSection.tsx';
import { BasinsSection } from './BasinsSection.tsx';
import { OrganisationsSection } from './OrganisationsSection.tsx';

/** « Administration »: the organisations using the platform, the employment basins, the backups. */
export function AdminPage() {
  const t = useT();
  return (
    <Stack gap="lg">
      <PageHeading>{t('admin.title')}</PageHeading>
      <OrganisationsSection />
      <BasinsSection />
      <BackupsSection />
    </Stack>
  );
}
