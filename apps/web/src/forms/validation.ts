import { MIN_PASSWORD_LENGTH } from '@jobcoach/domain';
import type { Translate } from '../i18n/index.ts';

// Checks done before sending, so that the person gets the message next to the field at once.
// The server checks again and has the last word.

export function required(value: string, t: Translate): string | undefined {
  return value.trim() === '' ? t('validation.required') : undefined;
}

export function email(value: string, t: Translate): string | undefined {
  if (value.trim() === '') return t('validation.required');
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? undefined : t('validation.email');
}

export function newPassword(value: string, t: Translate): string | undefined {
  return value.length < MIN_PASSWORD_LENGTH
    ? t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH })
    : undefined;
}

export function confirmation(value: string, original: string, t: Translate): string | undefined {
  if (value === '') return t('validation.required');
  return value === original ? undefined : t('validation.passwordMismatch');
}
