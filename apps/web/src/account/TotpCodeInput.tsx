import { TextInput, type TextInputProps } from '@mantine/core';
import type { Ref } from 'react';
import type { Translate } from '../i18n/index.ts';
import { useT } from '../i18n/index.ts';

/** « Code de vérification »: the 6 digits of an authenticator app; phones offer the digit pad. */
export function TotpCodeInput({ ref, ...props }: TextInputProps & { ref?: Ref<HTMLInputElement> }) {
  const t = useT();
  return (
    <TextInput
      ref={ref}
      label={t('totp.code')}
      description={t('totp.codeHint')}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={9}
      required
      withAsterisk={false}
      styles={{ wrapper: { maxWidth: 220 }, input: { letterSpacing: '0.15em' } }}
      {...props}
    />
  );
}

/** The code without spaces, as the server wants it. */
export function cleanTotpCode(value: string): string {
  return value.replace(/\s/g, '');
}

export function checkTotpCode(value: string, t: Translate): string | undefined {
  const code = cleanTotpCode(value);
  if (code === '') return t('validation.required');
  return /^\d{6}$/.test(code) ? undefined : t('totp.codeInvalid');
}
