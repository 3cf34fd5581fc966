import { MIN_PASSWORD_LENGTH } from '@jobcoach/domain';
import { Alert, Button, Code, Fieldset, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { PasswordField } from '../forms/PasswordField.tsx';
import { useForm } from '../forms/useForm.ts';
import { confirmation, email, newPassword, required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { OrganisationFields } from '../organisations/OrganisationFields.tsx';
import {
  checkOrganisation,
  EMPTY_ORGANISATION,
  organisationBody,
} from '../organisations/organisation-form.ts';
import { PageHeading } from '../shell/PageHeading.tsx';
import { PublicLayout } from '../shell/PublicLayout.tsx';
import { useSetup, useSetupStatus } from './setup-api.ts';

const SERVER_FIELDS = {
  'organisation.name': 'name',
  'organisation.kind': 'kind',
  'organisation.basinId': 'basinId',
  'organisation.address': 'address',
  'organisation.bce': 'bce',
  'admin.name': 'adminName',
  'admin.email': 'email',
  'admin.password': 'password',
} as const;

/** First run: the one-time link printed by the server creates the first organisation and admin. */
export function SetupPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <PublicLayout wide>
      <PageHeading>{t('setup.title')}</PageHeading>
      {token ? <SetupForm token={token} /> : <MissingToken />}
    </PublicLayout>
  );
}

function MissingToken() {
  const t = useT();
  return (
    <Alert color="blue" title={t('setup.noToken.title')} role="status">
      <Text>{t('setup.noToken.body')}</Text>
      <Code block my="sm">
        http://localhost:3000/setup?token=…
      </Code>
      <Text>{t('setup.noToken.help')}</Text>
    </Alert>
  );
}

function SetupForm({ token }: { token: string }) {
  const t = useT();
  const navigate = useNavigate();
  const basins = useSetupStatus().data?.basins ?? [];
  const setup = useSetup();
  const form = useForm(
    { ...EMPTY_ORGANISATION, adminName: '', email: '', password: '', confirm: '' },
    SERVER_FIELDS,
  );
  const { values } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      ...checkOrganisation(values, t),
      adminName: required(values.adminName, t),
      email: email(values.email, t),
      password: newPassword(values.password, t),
      confirm: confirmation(values.confirm, values.password, t),
    });
    if (!valid) return;
    const admin = { name: values.adminName.trim(), email: values.email.trim(), password: values.password };
    setup.mutate(
      { token, organisation: organisationBody(values), admin },
      { onSuccess: () => navigate('/', { replace: true }), onError: form.fail },
    );
  };

  return (
    <form ref={form.ref} onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Text>{t('setup.intro')}</Text>
        <ErrorAlert message={form.formError} />
        <Fieldset legend={t('setup.organisation')}>
          <OrganisationFields bind={form.input} basins={basins.filter((basin) => basin.active)} />
        </Fieldset>
        <Fieldset legend={t('setup.admin')}>
          <Stack gap="sm">
            <TextInput
              label={t('setup.adminName')}
              required
              withAsterisk={false}
              autoComplete="name"
              {...form.input('adminName')}
            />
            <TextInput
              label={t('field.email')}
              type="email"
              required
              withAsterisk={false}
              autoComplete="email"
              {...form.input('email')}
            />
            <PasswordField
              label={t('field.password')}
              description={t('field.passwordHint', { min: MIN_PASSWORD_LENGTH })}
              autoComplete="new-password"
              {...form.input('password')}
            />
            <PasswordField
              label={t('field.confirmPassword')}
              autoComplete="new-password"
              {...form.input('confirm')}
            />
          </Stack>
        </Fieldset>
        <Button type="submit" loading={setup.isPending} size="md">
          {t('setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
