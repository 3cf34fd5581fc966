import type { PersonFile, TransitionBody, TransitionOption } from '@jobcoach/contract';
import {
  CONTRACT_KINDS,
  EXIT_REASON_PHASES,
  EXIT_REASONS,
  RETURN_REASON_PHASES,
  RETURN_REASONS,
} from '@jobcoach/domain';
import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, Fragment, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../../forms/FormModal.tsx';
import { useForm } from '../../forms/useForm.ts';
import { required } from '../../forms/validation.ts';
import { today } from '../../i18n/dates.ts';
import { useT } from '../../i18n/index.ts';
import { useTransition } from '../../people/people-api.ts';
import { useRefreshOnConflict } from '../conflict.ts';
import { day, pastDay } from '../person-validation.ts';
import { useTransitionLabel } from './transition-labels.ts';

const FIELDS = [
  'date',
  'trustContractSignedOn',
  'employerId',
  'contractKind',
  'contractStart',
  'contractEnd',
  'returnReason',
  'exitReason',
  'reasonDetail',
] as const;
type Field = (typeof FIELDS)[number];
const SERVER_FIELDS = Object.fromEntries(FIELDS.map((f) => [`fields.${f}`, f])) as Record<string, Field>;

/**
 * One move of the trajectory, asking exactly the fields the server requires for it (plus the
 * contract's end for a new contract, and a precision when the reason is « Autre motif »).
 */
export function TransitionModal({
  person,
  option,
  onClose,
}: {
  person: PersonFile;
  option: TransitionOption;
  onClose: () => void;
}) {
  const t = useT();
  const label = useTransitionLabel();
  const move = useTransition(person.id);
  const refresh = useRefreshOnConflict(person.id);
  const form = useForm<Record<Field, string>>(
    {
      date: today(),
      trustContractSignedOn: person.trustContractSignedOn ?? '',
      employerId: '',
      contractKind: '',
      contractStart: '',
      contractEnd: '',
      returnReason: '',
      exitReason: '',
      reasonDetail: '',
    },
    SERVER_FIELDS,
  );
  const [refreshed, setRefreshed] = useState(false);
  const { values } = form;
  const asks = (field: Field) => option.requiredFields.includes(field);
  const shown: Field[] = FIELDS.filter(
    (f) =>
      asks(f) ||
      (f === 'contractEnd' && asks('contractKind')) ||
      (f === 'reasonDetail' && (values.returnReason === 'other' || values.exitReason === 'other')),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = (f: Field) => {
      if (f === 'date' || f === 'trustContractSignedOn') return pastDay(values[f], t, false);
      if (f === 'contractStart') return day(values[f], t, false);
      if (f === 'contractEnd') return day(values[f], t);
      return asks(f) || f === 'reasonDetail' ? required(values[f], t) : undefined;
    };
    if (!form.check(Object.fromEntries(shown.map((f) => [f, check(f)])))) return;
    const fields = Object.fromEntries(
      shown.filter((f) => values[f].trim() !== '').map((f) => [f, values[f].trim()]),
    );
    move.mutate(
      // The fields asked are those the offered move requires (option.requiredFields).
      { transitionId: option.id, fields, version: person.version } as TransitionBody,
      {
        onSuccess: onClose,
        onError: (error) => {
          form.fail(error);
          refresh(error);
          setRefreshed(error instanceof ApiError && error.status === 409);
        },
      },
    );
  };

  const returnReasons = RETURN_REASONS.filter((r) => RETURN_REASON_PHASES[r].includes(person.phase));
  const exitReasons = EXIT_REASONS.filter((r) => EXIT_REASON_PHASES[r]?.includes(person.phase) ?? true);
  const choose = { value: '', label: t('field.chooseOption') };

  const input = (f: Field) => {
    const common = { label: t(`transitionField.${f}`), ...form.input(f) };
    switch (f) {
      case 'date':
      case 'trustContractSignedOn':
      case 'contractStart':
        return <TextInput type="date" required withAsterisk={false} {...common} />;
      case 'contractEnd':
        return <TextInput type="date" description={t('transitionField.contractEndHint')} {...common} />;
      case 'employerId':
        return (
          <TextInput
            required
            withAsterisk={false}
            description={t('transitionField.employerHint')}
            {...common}
          />
        );
      case 'contractKind':
        return (
          <NativeSelect
            {...common}
            data={[choose, ...CONTRACT_KINDS.map((k) => ({ value: k, label: t(`contractKind.${k}`) }))]}
          />
        );
      case 'returnReason':
        return (
          <NativeSelect
            {...common}
            data={[choose, ...returnReasons.map((r) => ({ value: r, label: t(`returnReason.${r}`) }))]}
          />
        );
      case 'exitReason':
        return (
          <NativeSelect
            {...common}
            data={[choose, ...exitReasons.map((r) => ({ value: r, label: t(`exitReason.${r}`) }))]}
          />
        );
      case 'reasonDetail':
        return <Textarea autosize minRows={2} {...common} />;
    }
  };

  return (
    <FormModal dirty={form.dirty} title={label(option)} onClose={onClose}>
      <form ref={form.ref} onSubmit={submit} noValidate data-testid="transition-form">
        <Stack gap="sm">
          <Text size="sm">{t(`transition.help.${option.to}`)}</Text>
          <ErrorAlert message={form.formError} />
          {refreshed && (
            <Text size="sm" fw={600} data-testid="transition-refreshed">
              {t('transition.refreshed')}
            </Text>
          )}
          {shown.map((f) => (
            <Fragment key={f}>{input(f)}</Fragment>
          ))}
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={move.isPending}>
              {t('transition.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
