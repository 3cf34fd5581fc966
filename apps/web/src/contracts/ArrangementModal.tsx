import type { ContractView } from '@jobcoach/contract';
import type { FollowUpMode, ThreeWayReason } from '@jobcoach/domain';
import { FOLLOW_UP_MODES, THREE_WAY_REASONS } from '@jobcoach/domain';
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { pastDay, wholeNumber } from '../person/person-validation.ts';
import { useSaveArrangement } from './contracts-api.ts';

/** The three follow-up steps of the cadence settings: first month, until month 3, until month 6. */
const STEPS = [1, 3, 6] as const;
const stepField = (month: number) => `days${month}` as 'days1' | 'days3' | 'days6';

const SERVER_FIELDS = {
  'reference.name': 'referenceName',
  'reference.role': 'referenceRole',
  'reference.phone': 'referencePhone',
  'reference.email': 'referenceEmail',
  frequency: 'days1',
} as const;

/**
 * « Modalités de suivi »: the employer's reference person, how the follow-up is done (separate talks
 * by default; a three-way meeting only with a reason), how often, the person's consent, and whether
 * the employer knows (suivi discret).
 */
export function ArrangementModal({ contract, onClose }: { contract: ContractView; onClose: () => void }) {
  const t = useT();
  const save = useSaveArrangement(contract.id);
  const a = contract.arrangement;
  const stepDays = (month: number) =>
    String(a?.frequency?.find((step) => step.untilMonth === month)?.days ?? '');
  const form = useForm(
    {
      referenceName: a?.reference?.name ?? '',
      referenceRole: a?.reference?.role ?? '',
      referencePhone: a?.reference?.phone ?? '',
      referenceEmail: a?.reference?.email ?? '',
      mode: a?.mode ?? 'bilateral',
      threeWayReason: a?.threeWayReason ?? '',
      threeWayDetail: a?.threeWayDetail ?? '',
      days1: stepDays(1),
      days3: stepDays(3),
      days6: stepDays(6),
      consentOn: a?.consentOn ?? '',
      discreet: a?.discreet ? 'yes' : '',
      notes: a?.notes ?? '',
    },
    SERVER_FIELDS,
  );
  const { values } = form;
  const threeWay = values.mode === 'three_way';
  const discreet = values.discreet === 'yes';
  const anyStep = STEPS.some((month) => values[stepField(month)].trim() !== '');
  const registry = contract.employerReference;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const referenceGiven = [values.referenceRole, values.referencePhone, values.referenceEmail].some((v) =>
      v.trim(),
    );
    const stepError = (month: number) => {
      const value = values[stepField(month)];
      if (!anyStep) return undefined;
      return required(value, t) ?? wholeNumber(value, t);
    };
    const valid = form.check({
      referenceName: referenceGiven ? required(values.referenceName, t) : undefined,
      threeWayReason: threeWay && !values.threeWayReason ? t('contracts.follow.threeWayRequired') : undefined,
      mode:
        discreet && (values.mode === 'workplace_visits' || threeWay)
          ? t('contracts.follow.discreetMode')
          : undefined,
      days1: stepError(1),
      days3: stepError(3),
      days6: stepError(6),
      consentOn: pastDay(values.consentOn, t),
    });
    if (!valid) return;
    const text = (value: string) => value.trim() || null;
    save.mutate(
      {
        reference: values.referenceName.trim()
          ? {
              name: values.referenceName.trim(),
              role: text(values.referenceRole),
              phone: text(values.referencePhone),
              email: text(values.referenceEmail),
            }
          : null,
        mode: values.mode as FollowUpMode,
        threeWayReason: threeWay ? (values.threeWayReason as ThreeWayReason) : null,
        threeWayDetail: threeWay ? text(values.threeWayDetail) : null,
        frequency: anyStep
          ? STEPS.map((month) => ({ untilMonth: month, days: Number(values[stepField(month)]) }))
          : null,
        consentOn: text(values.consentOn),
        discreet,
        notes: text(values.notes),
        version: a?.version ?? 0,
      },
      { onSuccess: onClose, onError: form.fail },
    );
  };

  return (
    <FormModal
      dirty={form.dirty}
      title={t('contracts.follow.title', { employer: contract.employerName })}
      onClose={onClose}
    >
      <form ref={form.ref} onSubmit={submit} noValidate data-testid="arrangement-form">
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <Text fw={600}>{t('contracts.follow.reference')}</Text>
          <Text size="sm" c="dimmed">
            {registry
              ? t('contracts.follow.referenceRegistry', { name: registry.name })
              : t('contracts.follow.referenceNone')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('contracts.follow.referenceName')} {...form.input('referenceName')} />
            <TextInput label={t('contracts.follow.referenceRole')} {...form.input('referenceRole')} />
            <TextInput
              label={t('contracts.follow.referencePhone')}
              inputMode="tel"
              {...form.input('referencePhone')}
            />
            <TextInput
              label={t('contracts.follow.referenceEmail')}
              type="email"
              {...form.input('referenceEmail')}
            />
          </SimpleGrid>
          <NativeSelect
            label={t('contracts.follow.mode')}
            description={t('contracts.follow.modeHint')}
            data={FOLLOW_UP_MODES.map((mode) => ({ value: mode, label: t(`contracts.mode.${mode}`) }))}
            {...form.input('mode')}
          />
          {threeWay && (
            <>
              <NativeSelect
                label={t('contracts.follow.threeWayReason')}
                required
                withAsterisk={false}
                data={[
                  { value: '', label: t('field.chooseOption') },
                  ...THREE_WAY_REASONS.map((r) => ({ value: r, label: t(`contracts.threeWay.${r}`) })),
                ]}
                {...form.input('threeWayReason')}
              />
              <Textarea
                label={t('contracts.follow.threeWayDetail')}
                description={t('field.optional')}
                autosize
                minRows={2}
                {...form.input('threeWayDetail')}
              />
            </>
          )}
          <Text fw={600}>{t('contracts.follow.frequency')}</Text>
          <Text size="sm" c="dimmed">
            {t('contracts.follow.frequencyHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {STEPS.map((month) => (
              <TextInput
                key={month}
                label={t('contracts.follow.stepDays', { month })}
                inputMode="numeric"
                {...form.input(stepField(month))}
              />
            ))}
          </SimpleGrid>
          <TextInput
            type="date"
            label={t('contracts.follow.consentOn')}
            description={t('field.optional')}
            {...form.input('consentOn')}
          />
          <Checkbox
            label={t('contracts.follow.discreet')}
            description={t('contracts.follow.discreetHint')}
            checked={discreet}
            onChange={(event) => form.set('discreet', event.currentTarget.checked ? 'yes' : '')}
            error={form.errors.discreet}
          />
          <Textarea
            label={t('contracts.follow.notes')}
            description={t('field.optional')}
            autosize
            minRows={2}
            {...form.input('notes')}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
