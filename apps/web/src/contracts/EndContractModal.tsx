import type { ContractView } from '@jobcoach/contract';
import type { ContractEndReason } from '@jobcoach/domain';
import { CONTRACT_END_REASONS } from '@jobcoach/domain';
import { Alert, Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { today } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { day } from '../person/person-validation.ts';
import { useUpdateContract } from './contracts-api.ts';

/** « Fin du contrat »: the last day worked and why; the server applies the effects. */
export function EndContractModal({ contract, onClose }: { contract: ContractView; onClose: () => void }) {
  const t = useT();
  const update = useUpdateContract(contract.id);
  const form = useForm({
    actualEnd: contract.actualEnd ?? contract.plannedEnd ?? today(),
    endReason: contract.endReason ?? '',
    endDetail: contract.endDetail ?? '',
  });
  const { values } = form;
  const reasons =
    contract.endReasons.length > 0
      ? contract.endReasons.map((r) => ({ value: r.reason, label: t(`contracts.endReason.${r.reason}`) }))
      : CONTRACT_END_REASONS.map((r) => ({ value: r, label: t(`contracts.endReason.${r}`) }));
  const continuing = values.endReason === 'converted_to_cdi' || values.endReason === 'renewed';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      actualEnd: day(values.actualEnd, t, false),
      endReason: required(values.endReason, t),
    });
    if (!valid) return;
    update.mutate(
      {
        version: contract.version,
        actualEnd: values.actualEnd,
        endReason: values.endReason as ContractEndReason,
        endDetail: values.endDetail.trim() || null,
      },
      { onSuccess: onClose, onError: form.fail },
    );
  };

  return (
    <FormModal
      dirty={form.dirty}
      title={t('contracts.end.title', { employer: contract.employerName, type: contract.typeLabel })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate data-testid="contract-end-form">
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <TextInput
            type="date"
            label={t('contracts.field.actualEnd')}
            required
            withAsterisk={false}
            {...form.input('actualEnd')}
          />
          <NativeSelect
            label={t('contracts.field.endReason')}
            required
            withAsterisk={false}
            data={[{ value: '', label: t('field.chooseOption') }, ...reasons]}
            {...form.input('endReason')}
          />
          {continuing && <Alert color="blue">{t('contracts.end.continuing')}</Alert>}
          <Textarea
            label={t('contracts.field.endDetail')}
            description={t('field.optional')}
            autosize
            minRows={2}
            {...form.input('endDetail')}
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
