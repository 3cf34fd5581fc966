import { Stack } from '@mantine/core';
import { useT } from '../i18n/index.ts';
import { PageHeading } from '../shell/PageHeading.tsx';
import { BackupsSection } from './BackupsSection.tsx';
import { BasinsSection } from './BasinsSection.tsx';
import { HiringAidsSection } from './HiringAidsSection.tsx';
import { OrganisationsSection } from './OrganisationsSection.tsx';
import { OutboxSection } from './OutboxSection.tsx';

/** « Administration »: the organisations using the platform, the employment basins, the hiring-aid rules, the backups, the e-mails waiting. */
export function AdminPage() {
  const t = useT();
  return (
    <Stack gap="lg">
      <PageHeading>{t('admin.title')}</PageHeading>
      <OrganisationsSection />
      <BasinsSection />
      <HiringAidsSection />
      <BackupsSection />
      <OutboxSection />
    </Stack>
  );
}
