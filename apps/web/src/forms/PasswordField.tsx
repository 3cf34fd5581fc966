import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useT } from '../i18n/index.ts';

/**
 * A password input whose show/hide button is named in the user's language. The name avoids the
 * words « mot de passe » so that the field's own label stays the only one containing them.
 */
export function PasswordField(props: PasswordInputProps) {
  const t = useT();
  return (
    <PasswordInput
      required
      withAsterisk={false}
      visibilityToggleButtonProps={{ 'aria-label': t('field.togglePassword') }}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}
