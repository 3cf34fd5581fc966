import { MEMBERSHIP_ROLES } from '@jobcoach/domain';
import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useT } from '../i18n/index.ts';

/** « Rôle »: a native list, so that it works the same with a keyboard, a phone or a test. */
export function RoleSelect(props: NativeSelectProps) {
  const t = useT();
  return (
    <NativeSelect
      label={t('team.field.role')}
      data={MEMBERSHIP_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
      {...props}
    />
  );
}
