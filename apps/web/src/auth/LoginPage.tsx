import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api } from '../api.ts';
import type { Me } from '../api-types.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { PageHeading } from '../shell/PageHeading.tsx';
import { PublicLayout } from '../shell/PublicLayout.tsx';
import { startSession, useMe } from './session.ts';

export function LoginPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const location = useLocation();
  const me = useMe();
  const form = useForm({ email: '', password: '' });
  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api.post<Me>('/api/auth/login', body, { anonymous: true }),
    onSuccess: (session) => startSession(queryClient, session),
    onError: form.fail,
  });

  // Signed in (now or already): back to the page asked for, or home.
  if (me.data) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from ?? '/'} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { email, password } = form.values;
    if (!form.check({ email: required(email, t), password: required(password, t) })) return;
    login.mutate({ email: email.trim(), password });
  };

  return (
    <PublicLayout>
      <PageHeading>{t('login.title')}</PageHeading>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('login.intro')}</Text>
          <ErrorAlert message={form.formError} />
          <TextInput
            label={t('field.email')}
            type="email"
            required
            withAsterisk={false}
            autoComplete="username"
            {...form.input('email')}
          />
          <PasswordField
            label={t('field.password')}
            autoComplete="current-password"
            {...form.input('password')}
          />
          <Button type="submit" loading={login.isPending} size="md">
            {t('login.submit')}
          </Button>
          <Text size="sm">{t('login.forgotten')}</Text>
        </Stack>
      </form>
    </PublicLayout>
  );
}
