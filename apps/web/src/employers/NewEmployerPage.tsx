import { Button, Group, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useForm } from '../forms/useForm.ts';
import { useT } from '../i18n/index.ts';
import { PageHeading } from '../shell/PageHeading.tsx';
import { DuplicateNotice } from './DuplicateNotice.tsx';
import { EmployerFields } from './EmployerFields.tsx';
import { checkEmployer, EMPLOYER_SERVER_FIELDS, EMPTY_EMPLOYER, employerInput } from './employer-form.ts';
import { useCreateEmployer } from './employers-api.ts';
import { useBceLookup } from './useBceLookup.ts';

/**
 * « Nouvel employeur ». The registry is shared by the basin: an employer already there (same BCE)
 * is offered instead of a second file, when the number is left and again if the server refuses.
 */
export function NewEmployerPage() {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateEmployer();
  const form = useForm(EMPTY_EMPLOYER, EMPLOYER_SERVER_FIELDS);
  const lookup = useBceLookup();
  const { values } = form;
  const duplicate = lookup.current(values.bce);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (duplicate || !form.check(checkEmployer(values, t))) return;
    create.mutate(employerInput(values), {
      onSuccess: (file) => navigate(`/employers/${file.id}`),
      onError: (error) => {
        if (!lookup.fromError(error, values.bce)) form.fail(error);
      },
    });
  };

  return (
    <Stack gap="md" maw={880}>
      <PageHeading>{t('employer.new.title')}</PageHeading>
      <Text>{t('employer.new.intro')}</Text>
      <form ref={form.ref} onSubmit={submit} noValidate data-testid="employer-form">
        <Stack gap="md">
          <EmployerFields
            form={form}
            onBceLeft={lookup.check}
            bceNotice={duplicate && <DuplicateNotice duplicate={duplicate} />}
          />
          <ErrorAlert message={form.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate('/employers')}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={duplicate !== null}>
              {t('employer.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
