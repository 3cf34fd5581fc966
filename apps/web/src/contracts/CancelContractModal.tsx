import type { ContractView } from '@jobcoach/contract';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { useCancelContract } from './contracts-api.ts';

/**
 * « Annuler ce contrat »: a whole contract entered by mistake, with a reason. It stays on the file,
 * marked « annulé »; the phase changes it made go with it; nothing counts it any more. The server
 * refuses (and says what to cancel first) while a later change depends on it.
 */
export function CancelContractModal({ contract, onClose }: { contract: ContractView; onClose: () => void }) {
  const t = useT();
  const cancel = useCancelContract(contract.id);
  const form = useForm({ reason: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.check({ reason: required(form.values.reason, t) })) return;
    cancel.mutate(
      { reason: form.values.reason.trim() },
      {
        onSuccess: () => {
          form.discard();
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  return (
    <FormModal
      dirty={form.dirty}
      onDiscard={form.discard}
      title={t('contracts.cancel.title', { employer: contract.employerName, type: contract.typeLabel })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate data-testid="contract-cancel-form">
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <Text size="sm">{t('contracts.cancel.intro')}</Text>
          <TextInput
            label={t('correction.reason')}
            description={t('correction.reasonHint')}
            required
            withAsterisk={false}
            {...form.input('reason')}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" color="red" loading={cancel.isPending}>
              {t('contracts.cancel.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
