import { Alert, Stack } from '@mantine/core';
import { CalendarFeedSection } from '../agenda/CalendarFeedSection.tsx';
import { currentMembership } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { useT } from '../i18n/index.ts';
import { PageHeading } from '../shell/PageHeading.tsx';
import { MailSection } from './MailSection.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import { TotpSection } from './TotpSection.tsx';

/**
 * « Sécurité du compte »: second factor and open sessions (forced while the current organisation
 * requires TOTP), and the account's e-mails.
 */
export function AccountPage() {
  const t = useT();
  const me = useSession();
  const current = currentMembership(me);
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <PageHeading>{t('account.title')}</PageHeading>
        {me.user.mustEnrolTotp && (
          <Alert color="blue" role="status" data-testid="totp-required">
            {t('account.forced', { organisation: current?.organisationName ?? '' })}
            {me.memberships.length > 1 && ` ${t('account.forcedOthers')}`}
          </Alert>
        )}
      </div>
      <TotpSection />
      <SessionsSection />
      <MailSection />
      {current && <CalendarFeedSection />}
    </Stack>
  );
}
