import type { Invitation, Role } from '@jobcoach/contract';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { email, newPassword, required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { checkFte, parseFte } from './fte.ts';
import { RoleSelect } from './RoleSelect.tsx';
import { TemporaryPasswordInput } from './TemporaryPasswordInput.tsx';
import { useCreateMember } from './team-api.ts';

type Props = {
  organisationId: string;
  onClose: () => void;
  onCreated: (invitation: Invitation, temporaryPassword: string) => void;
};

export function CreateMemberModal({ organisationId, onClose, onCreated }: Props) {
  const t = useT();
  const create = useCreateMember(organisationId);
  const form = useForm({ name: '', email: '', role: 'jobcoach', fte: '1', temporaryPassword: '' });
  const { values } = form;
  const jobcoach = values.role === 'jobcoach';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      name: required(values.name, t),
      email: email(values.email, t),
      fte: jobcoach ? checkFte(values.fte, t) : undefined,
      // Empty: the invitation goes by e-mail, with a link to choose a password (server with SMTP).
      temporaryPassword:
        values.temporaryPassword === '' ? undefined : newPassword(values.temporaryPassword, t),
    });
    if (!valid) return;
    const fte = jobcoach ? parseFte(values.fte) : null;
    create.mutate(
      {
        name: values.name.trim(),
        email: values.email.trim(),
        role: values.role as Role,
        ...(fte === null ? {} : { fte }),
        ...(values.temporaryPassword === '' ? {} : { temporaryPassword: values.temporaryPassword }),
      },
      { onSuccess: (invitation) => onCreated(invitation, values.temporaryPassword), onError: form.fail },
    );
  };

  return (
    <FormModal dirty={form.dirty} title={t('team.create.title')} onClose={onClose}>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <TextInput label={t('team.field.name')} required withAsterisk={false} {...form.input('name')} />
          <TextInput
            label={t('field.email')}
            type="email"
            required
            withAsterisk={false}
            autoComplete="off"
            {...form.input('email')}
          />
          <RoleSelect {...form.input('role')} />
          {jobcoach && (
            <TextInput
              label={t('team.field.fte')}
              description={t('team.field.fteHint')}
              inputMode="decimal"
              {...form.input('fte')}
            />
          )}
          <TemporaryPasswordInput
            {...form.input('temporaryPassword')}
            onGenerate={(password) => form.set('temporaryPassword', password)}
          />
          <Text size="sm" c="dimmed">
            {t('team.create.invitationHint')}
          </Text>
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={create.isPending}>
              {t('team.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
