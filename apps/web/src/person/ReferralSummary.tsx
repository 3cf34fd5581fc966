import type { PersonFile } from '@jobcoach/contract';
import { Text } from '@mantine/core';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Panel } from './Panel.tsx';

/** How the person came (method.md §4, intake): referral, information session, consent. */
export function ReferralSummary({ person }: { person: PersonFile }) {
  const t = useT();
  const { referral } = person;
  return (
    <Panel id="referral" title={t('referral.summaryTitle')}>
      <Text data-testid="referral-summary">
        {t('referral.summary', {
          kind: t(`referralKind.${referral.kind}`),
          date: formatDay(referral.receivedOn),
        })}
        {referral.partnerName && ` — ${referral.partnerName}`}
      </Text>
      <Text size="sm">
        {referral.informationSessionOn
          ? t('referral.sessionOn', { date: formatDay(referral.informationSessionOn) })
          : t('referral.noSession')}
      </Text>
      <Text size="sm">
        {referral.consentOn
          ? t('referral.consentGiven', { date: formatDay(referral.consentOn) })
          : t('referral.noConsent')}
        {referral.consentScope && ` (${referral.consentScope})`}
      </Text>
    </Panel>
  );
}
