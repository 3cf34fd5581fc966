import { Button, Group, NativeSelect } from '@mantine/core';
import { type ChangeEvent, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { AddPartnerModal } from './AddPartnerModal.tsx';
import { usePartners } from './partners-api.ts';

type Props = {
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  onPick: (partnerId: string) => void;
  error?: string | undefined;
  description?: string;
};

/** A partner of the organisation's directory, with « Ajouter un partenaire » beside the list. */
export function PartnerSelect({ label, value, onChange, onPick, error, description }: Props) {
  const t = useT();
  const partners = usePartners();
  const [adding, setAdding] = useState(false);
  const options = [
    { value: '', label: partners.isPending ? t('common.loading') : t('field.chooseOption') },
    ...(partners.data ?? []).map((p) => ({
      value: p.id,
      label: `${p.name} (${t(`partnerType.${p.type}`)})`,
    })),
  ];
  return (
    <>
      <NativeSelect
        label={label}
        description={description}
        data={options}
        value={value}
        onChange={onChange}
        error={error ?? (partners.error ? t('partner.loadFailed') : undefined)}
        inputContainer={(input) => (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <div style={{ flex: 1 }}>{input}</div>
            <Button variant="default" onClick={() => setAdding(true)}>
              {t('partner.add')}
            </Button>
          </Group>
        )}
      />
      {adding && (
        <AddPartnerModal
          onClose={() => setAdding(false)}
          onCreated={(partner) => {
            setAdding(false);
            onPick(partner.id);
          }}
        />
      )}
    </>
  );
}
