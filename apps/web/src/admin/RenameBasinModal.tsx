import type { Basin } from '@jobcoach/contract';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { useUpdateBasin } from './basins-api.ts';

export function RenameBasinModal({ basin, onClose }: { basin: Basin; onClose: () => void }) {
  const t = useT();
  const rename = useUpdateBasin();
  const form = useForm({ name: basin.name });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = form.values.name.trim();
    if (!form.check({ name: required(name, t) })) return;
    if (name === basin.name) return onClose();
    rename.mutate({ id: basin.id, name }, { onSuccess: onClose, onError: form.fail });
  };

  return (
    <FormModal
      dirty={form.dirty}
      title={t('admin.basin.renameTitle', { name: basin.name })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <TextInput label={t('admin.basin.name')} required withAsterisk={false} {...form.input('name')} />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={rename.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
