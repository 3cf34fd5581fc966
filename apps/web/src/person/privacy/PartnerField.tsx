import { Select } from '@mantine/core';
import { useT } from '../../i18n/index.ts';
import { usePartners } from '../../referral/partners-api.ts';

/** The partner a consent or a hand-off names, from the organisation's directory (required). */
export function PartnerField({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const t = useT();
  const partners = usePartners();
  return (
    <Select
      label={t('privacy.partner')}
      data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
      value={value}
      onChange={onChange}
      required
    />
  );
}
