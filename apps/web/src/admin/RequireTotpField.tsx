import { Alert, Checkbox, Stack } from '@mantine/core';
import { useSession } from '../auth/session.ts';
import { useT } from '../i18n/index.ts';

type Props = {
  organisationId: string;
  checked: boolean;
  saved: boolean;
  onChange: (checked: boolean) => void;
};

/**
 * « Exiger la double authentification pour les membres ». A member without it who ticks the box
 * is told that they will have to enrol too, right after saving.
 */
export function RequireTotpField({ organisationId, checked, saved, onChange }: Props) {
  const t = useT();
  const me = useSession();
  const concernsMe =
    checked &&
    !saved &&
    !me.user.totpEnabled &&
    me.memberships.some((membership) => membership.organisationId === organisationId);
  return (
    <Stack gap="xs">
      <Checkbox
        label={t('admin.org.requireTotp')}
        description={t('admin.org.requireTotpHint')}
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      {concernsMe && (
        <Alert color="orange" role="status">
          {t('admin.org.requireTotpSelf')}
        </Alert>
      )}
    </Stack>
  );
}
