import { Button, Group, Text } from '@mantine/core';
import type { ComponentProps, Ref } from 'react';
import { TotpCodeInput } from '../account/TotpCodeInput.tsx';
import { useT } from '../i18n/index.ts';

type Props = {
  field: ComponentProps<typeof TotpCodeInput>;
  fieldRef: Ref<HTMLInputElement>;
  pending: boolean;
  onBack: () => void;
};

/** The second step of the login, for an account with TOTP: the password was right, now the code. */
export function LoginCodeStep({ field, fieldRef, pending, onBack }: Props) {
  const t = useT();
  return (
    <>
      <Text>{t('login.totpIntro')}</Text>
      <TotpCodeInput ref={fieldRef} description={null} {...field} />
      <Group>
        <Button type="submit" loading={pending} size="md">
          {t('login.verify')}
        </Button>
        <Button variant="subtle" size="md" onClick={onBack}>
          {t('login.back')}
        </Button>
      </Group>
      <Text size="sm">{t('login.totpLost')}</Text>
    </>
  );
}
