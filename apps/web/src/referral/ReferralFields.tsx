import type { ReferralKind } from '@jobcoach/contract';
import { Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useT } from '../i18n/index.ts';
import { PartnerSelect } from './PartnerSelect.tsx';

export const REFERRAL_KINDS: readonly ReferralKind[] = ['partner', 'spontaneous', 'word_of_mouth'];

export type ReferralField =
  | 'kind'
  | 'partnerId'
  | 'receivedOn'
  | 'informationSessionOn'
  | 'consentOn'
  | 'consentScope';

type Bind = (field: ReferralField) => {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  error?: string | undefined;
};

/** How the person arrived: a partner's referral, on their own, or by word of mouth; information and consent. */
export function ReferralFields({
  bind,
  kind,
  pick,
}: {
  bind: Bind;
  kind: string;
  pick: (id: string) => void;
}) {
  const t = useT();
  return (
    <Fieldset legend={t('referral.group')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('referral.kind')}
            required
            withAsterisk={false}
            data={[
              { value: '', label: t('field.chooseOption') },
              ...REFERRAL_KINDS.map((k) => ({ value: k, label: t(`referralKind.${k}`) })),
            ]}
            {...bind('kind')}
          />
          <TextInput
            type="date"
            label={t('referral.receivedOn')}
            required
            withAsterisk={false}
            {...bind('receivedOn')}
          />
        </SimpleGrid>
        {kind === 'partner' && (
          <PartnerSelect label={t('referral.partner')} onPick={pick} {...bind('partnerId')} />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('referral.informationSessionOn')}
            description={t('referral.informationSessionHint')}
            {...bind('informationSessionOn')}
          />
          <TextInput
            type="date"
            label={t('referral.consentOn')}
            description={t('referral.consentHint')}
            {...bind('consentOn')}
          />
        </SimpleGrid>
        <TextInput
          label={t('referral.consentScope')}
          description={t('referral.consentScopeHint')}
          {...bind('consentScope')}
        />
      </Stack>
    </Fieldset>
  );
}
