import type { PersonFile } from '@jobcoach/contract';
import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { useT } from '../i18n/index.ts';
import { useUpdatePerson } from '../people/people-api.ts';
import { useStaff } from '../team/colleagues.ts';
import { useRefreshOnConflict } from './conflict.ts';

/** A coordinator gives the person to a jobcoach (or takes them back to nobody). */
export function AssignCoachModal({ person, onClose }: { person: PersonFile; onClose: () => void }) {
  const t = useT();
  const { staff } = useStaff();
  const update = useUpdatePerson(person.id);
  const refresh = useRefreshOnConflict(person.id);
  const form = useForm({ coachId: person.coachId ?? '' });
  const coaches = (staff ?? []).filter((c) => c.role === 'jobcoach');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { coachId: form.values.coachId || null, version: person.version },
      {
        onSuccess: onClose,
        onError: (error) => {
          form.fail(error);
          refresh(error);
        },
      },
    );
  };

  return (
    <FormModal
      dirty={form.dirty}
      title={t('person.assign.title', { name: `${person.firstName} ${person.lastName}` })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <NativeSelect
            label={t('referral.coach')}
            data={[
              { value: '', label: t('referral.noCoach') },
              ...coaches.map((c) => ({ value: c.id, label: c.name })),
            ]}
            {...form.input('coachId')}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
