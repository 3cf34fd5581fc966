import type { Me, PasswordChangeBody } from '@jobcoach/contract';
import { MIN_PASSWORD_LENGTH } from '@jobcoach/domain';
import { Alert, Button, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { useForm } from '../forms/useForm.ts';
import { confirmation, newPassword, required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { PageHeading } from '../shell/PageHeading.tsx';
import { meKey, useSession } from './session.ts';

const EMPTY = { current: '', next: '', confirm: '' };

/** Change one's password; forced before anything else while the password is a temporary one. */
export function PasswordPage() {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const forced = me.user.mustChangePassword;
  const [done, setDone] = useState(false);
  const form = useForm(EMPTY, { currentPassword: 'current', newPassword: 'next' });
  const change = useMutation({
    mutationFn: (body: PasswordChangeBody) => api.post<void>('/api/auth/password', body),
    onSuccess: async () => {
      queryClient.setQueryData<Me>(meKey, { ...me, user: { ...me.user, mustChangePassword: false } });
      await queryClient.invalidateQueries({ queryKey: meKey });
      form.reset(EMPTY);
      if (forced) navigate('/', { replace: true });
      else setDone(true);
    },
    onError: form.fail,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const { current, next, confirm } = form.values;
    const valid = form.check({
      current: required(current, t),
      next: newPassword(next, t) ?? (next === current ? t('validation.passwordUnchanged') : undefined),
      confirm: confirmation(confirm, next, t),
    });
    if (valid) change.mutate({ currentPassword: current, newPassword: next });
  };

  return (
    <Stack maw={480} gap="md">
      <PageHeading>{t('password.title')}</PageHeading>
      {forced && (
        <Alert color="blue" role="status">
          {t('password.forced')}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status">
          {t('password.done')}
        </Alert>
      )}
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert message={form.formError} />
          <PasswordField
            label={t('password.current')}
            description={forced ? t('password.currentTemporary') : undefined}
            autoComplete="current-password"
            {...form.input('current')}
          />
          <PasswordField
            label={t('password.new')}
            description={t('field.passwordHint', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            {...form.input('next')}
          />
          <PasswordField
            label={t('password.confirm')}
            autoComplete="new-password"
            {...form.input('confirm')}
          />
          <Button type="submit" loading={change.isPending} size="md">
            {t('password.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
