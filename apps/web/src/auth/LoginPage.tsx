import type { LoginBody, Me } from '@jobcoach/contract';
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, Navigate, useLocation } from 'react-router';
import { checkTotpCode, cleanTotpCode } from '../account/TotpCodeInput.tsx';
import { ApiError, api } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { PageHeading } from '../shell/PageHeading.tsx';
import { PublicLayout } from '../shell/PublicLayout.tsx';
import { LoginCodeStep } from './LoginCodeStep.tsx';
import { startSession, useMe } from './session.ts';

export function LoginPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const location = useLocation();
  const me = useMe();
  const form = useForm({ email: '', password: '', totpCode: '' });
  // 'code': the password was right and the account has TOTP; the code is asked, then all is resent.
  const [step, setStep] = useState<'password' | 'code'>('password');
  const codeField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);
  const login = useMutation({
    mutationFn: (body: LoginBody) => api.post<Me>('/api/auth/login', body, { anonymous: true }),
    onSuccess: (session) => startSession(queryClient, session),
    onError: (error) => {
      if (!(error instanceof ApiError && error.code === 'totp_required')) return form.fail(error);
      flushSync(() => {
        form.check({});
        setStep('code');
      });
      codeField.current?.focus();
    },
  });

  // Signed in (now or already): back to the page asked for, or home.
  if (me.data) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from ?? '/'} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { email, password, totpCode } = form.values;
    if (step === 'code') {
      if (!form.check({ totpCode: checkTotpCode(totpCode, t) })) return;
      login.mutate({ email: email.trim(), password, totpCode: cleanTotpCode(totpCode) });
      return;
    }
    if (!form.check({ email: required(email, t), password: required(password, t) })) return;
    login.mutate({ email: email.trim(), password });
  };

  const back = () => {
    flushSync(() => {
      form.reset({ ...form.values, password: '', totpCode: '' });
      setStep('password');
    });
    passwordField.current?.focus();
  };

  return (
    <PublicLayout>
      <PageHeading>{t('login.title')}</PageHeading>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="md">
          {step === 'code' ? (
            <>
              <ErrorAlert message={form.formError} />
              <LoginCodeStep
                field={form.input('totpCode')}
                fieldRef={codeField}
                pending={login.isPending}
                onBack={back}
              />
            </>
          ) : (
            <>
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
                ref={passwordField}
                label={t('field.password')}
                autoComplete="current-password"
                {...form.input('password')}
              />
              <Button type="submit" loading={login.isPending} size="md">
                {t('login.submit')}
              </Button>
              <Anchor component={Link} to="/forgot-password" size="sm">
                {t('login.forgotten')}
              </Anchor>
            </>
          )}
        </Stack>
      </form>
    </PublicLayout>
  );
}
