import type { Member } from '@jobcoach/contract';
import { Button, Group, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { newPassword } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { TemporaryPasswordInput } from './TemporaryPasswordInput.tsx';
import { useResetPassword } from './team-api.ts';

type Props = {
  organisationId: string;
  member: Member;
  onClose: () => void;
  onDone: (temporaryPassword: string) => void;
};

/** A forgotten password: the coordinator gives a new temporary one, to be changed at next login. */
export function ResetPasswordModal({ organisationId, member, onClose, onDone }: Props) {
  const t = useT();
  const reset = useResetPassword(organisationId);
  const form = useForm({ temporaryPassword: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { temporaryPassword } = form.values;
    if (!form.check({ temporaryPassword: newPassword(temporaryPassword, t) })) return;
    reset.mutate(
      { userId: member.userId, temporaryPassword },
      { onSuccess: () => onDone(temporaryPassword), onError: form.fail },
    );
  };

  return (
    <FormModal dirty={form.dirty} title={t('team.reset.title', { name: member.name })} onClose={onClose}>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text>{t('team.reset.intro', { name: member.name })}</Text>
          <ErrorAlert message={form.formError} />
          <TemporaryPasswordInput
            {...form.input('temporaryPassword')}
            onGenerate={(password) => form.set('temporaryPassword', password)}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={reset.isPending}>
              {t('team.reset.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
