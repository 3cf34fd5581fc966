import type { PasswordResetBody, PasswordResetRequestBody } from '@jobcoach/contract';
import { MIN_PASSWORD_LENGTH } from '@jobcoach/domain';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { useForm } from '../forms/useForm.ts';
import { confirmation, email, newPassword, required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { PageHeading } from '../shell/PageHeading.tsx';
import { PublicLayout } from '../shell/PublicLayout.tsx';

/**
 * « Mot de passe oublié ? »: the address, then the same answer whatever it is (the server says
 * nothing about whether an account exists).
 */
export function ForgotPasswordPage() {
  const t = useT();
  const form = useForm({ email: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: (body: PasswordResetRequestBody) =>
      api.post<void>('/api/auth/password-reset', body, { anonymous: true }),
    onSuccess: (_, body) => setSentTo(body.email),
    onError: form.fail,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = form.values.email.trim();
    if (!form.check({ email: required(address, t) ?? email(address, t) })) return;
    ask.mutate({ email: address });
  };
  return (
    <PublicLayout>
      <PageHeading>{t('reset.askTitle')}</PageHeading>
      {sentTo ? (
        <Stack gap="md">
          <Alert color="green" role="status">
            {t('reset.sent', { email: sentTo })}
          </Alert>
          <Text size="sm">{t('reset.noMail')}</Text>
          <Anchor component={Link} to="/login">
            {t('reset.backToLogin')}
          </Anchor>
        </Stack>
      ) : (
        <form ref={form.ref} onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{t('reset.askIntro')}</Text>
            <ErrorAlert message={form.formError} />
            <TextInput
              label={t('field.email')}
              type="email"
              required
              withAsterisk={false}
              autoComplete="username"
              {...form.input('email')}
            />
            <Button type="submit" loading={ask.isPending} size="md">
              {t('reset.askSubmit')}
            </Button>
            <Anchor component={Link} to="/login" size="sm">
              {t('reset.backToLogin')}
            </Anchor>
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}

/** The link of the message: a new password, once; then signing in again everywhere. */
/**
 * The page of an e-mailed link that sets a password: a password reset (`reset`), or the invitation
 * of a new member, who chooses their first password and joins the team (`invitation`).
 */
export function ResetPasswordPage({ kind = 'reset' }: { kind?: 'reset' | 'invitation' }) {
  const t = useT();
  const invitation = kind === 'invitation';
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useForm({ next: '', confirm: '' }, { newPassword: 'next' });
  const [done, setDone] = useState(false);
  const reset = useMutation({
    mutationFn: (body: PasswordResetBody) =>
      api.post<void>(invitation ? '/api/auth/invitation-link' : '/api/auth/password-reset/confirm', body, {
        anonymous: true,
      }),
    onSuccess: () => setDone(true),
    onError: form.fail,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { next, confirm } = form.values;
    const valid = form.check({ next: newPassword(next, t), confirm: confirmation(confirm, next, t) });
    if (valid) reset.mutate({ token, newPassword: next });
  };
  return (
    <PublicLayout>
      <PageHeading>{t(invitation ? 'invitationLink.title' : 'reset.title')}</PageHeading>
      {done ? (
        <Stack gap="md">
          <Alert color="green" role="status">
            {t(invitation ? 'invitationLink.done' : 'reset.done')}
          </Alert>
          <Anchor component={Link} to="/login">
            {t('login.submit')}
          </Anchor>
        </Stack>
      ) : (
        <form ref={form.ref} onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{t(invitation ? 'invitationLink.intro' : 'reset.intro')}</Text>
            <ErrorAlert message={form.formError} />
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
            <Button type="submit" loading={reset.isPending} size="md">
              {t('password.submit')}
            </Button>
            {!invitation && (
              <Anchor component={Link} to="/forgot-password" size="sm">
                {t('reset.askAgain')}
              </Anchor>
            )}
          </Stack>
        </form>
      )}
    </PublicLayout>
  );
}
