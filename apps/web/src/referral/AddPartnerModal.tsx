import type { Partner, PartnerType } from '@jobcoach/contract';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { PARTNER_TYPES, useCreatePartner } from './partners-api.ts';

/** « Ajouter un partenaire » without leaving the referral: name, type, contact. */
export function AddPartnerModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (p: Partner) => void;
}) {
  const t = useT();
  const create = useCreatePartner();
  const form = useForm({ name: '', type: '', contact: '' });
  const { values } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation(); // the modal sits inside the referral form in the React tree
    if (!form.check({ name: required(values.name, t), type: required(values.type, t) })) return;
    create.mutate(
      { name: values.name.trim(), type: values.type as PartnerType, contact: values.contact.trim() || null },
      { onSuccess: onCreated, onError: form.fail },
    );
  };

  return (
    <FormModal dirty={form.dirty} title={t('partner.add.title')} onClose={onClose}>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <TextInput label={t('partner.name')} required withAsterisk={false} {...form.input('name')} />
          <NativeSelect
            label={t('partner.type')}
            required
            withAsterisk={false}
            data={[
              { value: '', label: t('field.chooseOption') },
              ...PARTNER_TYPES.map((type) => ({ value: type, label: t(`partnerType.${type}`) })),
            ]}
            {...form.input('type')}
          />
          <TextInput
            label={t('partner.contact')}
            description={t('partner.contactHint')}
            {...form.input('contact')}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={create.isPending}>
              {t('partner.add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
