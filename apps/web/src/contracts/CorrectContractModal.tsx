import type { ContractPatchBody, ContractView } from '@jobcoach/contract';
import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { day } from '../person/person-validation.ts';
import { useUpdateContract } from './contracts-api.ts';

/**
 * « Corriger le contrat »: dates or hours entered by mistake, with a reason. The clocks follow the
 * corrected dates; the timeline shows the contract « corrigé »; the audit log keeps both versions.
 */
export function CorrectContractModal({ contract, onClose }: { contract: ContractView; onClose: () => void }) {
  const t = useT();
  const update = useUpdateContract(contract.id);
  const form = useForm({
    signedOn: contract.signedOn,
    start: contract.start,
    plannedEnd: contract.plannedEnd ?? '',
    hoursPerWeek: contract.hoursPerWeek === null ? '' : String(contract.hoursPerWeek).replace('.', ','),
    reason: '',
  });
  const { values } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      signedOn: day(values.signedOn, t, false),
      start: day(values.start, t, false),
      plannedEnd: day(values.plannedEnd, t),
      reason: required(values.reason, t),
    });
    if (!valid) return;
    const hours = values.hoursPerWeek.trim() ? Number(values.hoursPerWeek.replace(',', '.')) : null;
    const body: ContractPatchBody = {
      version: contract.version,
      correctionReason: values.reason.trim(),
      ...(values.signedOn !== contract.signedOn ? { signedOn: values.signedOn } : {}),
      ...(values.start !== contract.start ? { start: values.start } : {}),
      ...((values.plannedEnd || null) !== contract.plannedEnd
        ? { plannedEnd: values.plannedEnd || null }
        : {}),
      ...(hours !== contract.hoursPerWeek ? { hoursPerWeek: hours } : {}),
    };
    update.mutate(body, {
      onSuccess: () => {
        form.discard();
        onClose();
      },
      onError: form.fail,
    });
  };

  return (
    <FormModal
      dirty={form.dirty}
      onDiscard={form.discard}
      title={t('contracts.correct.title', { employer: contract.employerName, type: contract.typeLabel })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate data-testid="contract-correct-form">
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <Text size="sm">{t('contracts.correct.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput type="date" label={t('contracts.field.signedOn')} {...form.input('signedOn')} />
            <TextInput type="date" label={t('contracts.field.start')} {...form.input('start')} />
            <TextInput type="date" label={t('contracts.field.plannedEnd')} {...form.input('plannedEnd')} />
            <TextInput
              label={t('contracts.field.hoursPerWeek')}
              inputMode="decimal"
              {...form.input('hoursPerWeek')}
            />
          </SimpleGrid>
          <TextInput
            label={t('correction.reason')}
            description={t('correction.reasonHint')}
            required
            withAsterisk={false}
            {...form.input('reason')}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={update.isPending}>
              {t('correction.correctSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
