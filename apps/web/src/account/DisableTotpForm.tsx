import { Button, Group, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useRef } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { useDisableTotp } from './account-api.ts';

/** Switching the second factor off takes the password; an organisation requiring it says no (409). */
export function DisableTotpForm({ onCancel, onDisabled }: { onCancel: () => void; onDisabled: () => void }) {
  const t = useT();
  const field = useRef<HTMLInputElement>(null);
  const form = useForm({ currentPassword: '' });
  const disable = useDisableTotp();

  useEffect(() => field.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { currentPassword } = form.values;
    if (!form.check({ currentPassword: required(currentPassword, t) })) return;
    disable.mutate(currentPassword, { onSuccess: onDisabled, onError: form.fail });
  };

  return (
    <form ref={form.ref} onSubmit={submit} noValidate>
      <Stack gap="sm" maw={420}>
        <Text>{t('account.totp.disableIntro')}</Text>
        <ErrorAlert message={form.formError} />
        <PasswordField
          ref={field}
          label={t('password.current')}
          autoComplete="current-password"
          // Mantine's PasswordInput marks its input data-invalid only; focus-on-error looks for aria-invalid.
          aria-invalid={form.errors.currentPassword ? true : undefined}
          {...form.input('currentPassword')}
        />
        <Group>
          <Button type="submit" color="red" loading={disable.isPending}>
            {t('account.totp.disableConfirm')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
