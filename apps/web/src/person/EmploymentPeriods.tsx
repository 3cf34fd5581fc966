import type { EmploymentPeriod, PersonFile } from '@jobcoach/contract';
import { CONTRACT_KINDS, type ContractKind } from '@jobcoach/domain';
import { Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { useAddEmploymentPeriod, useRemoveEmploymentPeriod } from '../people/people-api.ts';
import { Panel } from './Panel.tsx';
import { day } from './person-validation.ts';

/**
 * Jobs the person held (until contracts have their own screen): CDD periods suspend the 24-month
 * pre-hire clock, which the server recomputes on every change.
 */
export function EmploymentPeriods({ person }: { person: PersonFile }) {
  const t = useT();
  const [dialog, setDialog] = useState<{ kind: 'add' } | { kind: 'remove'; period: EmploymentPeriod } | null>(
    null,
  );
  const close = () => setDialog(null);
  return (
    <Panel id="employment" title={t('employment.title')}>
      <Stack gap="xs">
        <Text size="sm">{t('employment.intro')}</Text>
        {person.employmentPeriods.length === 0 ? (
          <Text c="dimmed">{t('employment.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('employment.kind')}</Table.Th>
                  <Table.Th>{t('employment.start')}</Table.Th>
                  <Table.Th>{t('employment.end')}</Table.Th>
                  <Table.Th>{t('team.col.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {person.employmentPeriods.map((period) => (
                  <Table.Tr key={period.id}>
                    <Table.Td>{t(`contractKind.${period.kind}`)}</Table.Td>
                    <Table.Td>{formatDay(period.start)}</Table.Td>
                    <Table.Td>{period.end ? formatDay(period.end) : t('employment.ongoing')}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('employment.removeLabel', { start: formatDay(period.start) })}
                        onClick={() => setDialog({ kind: 'remove', period })}
                      >
                        {t('employment.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group>
          <Button variant="default" onClick={() => setDialog({ kind: 'add' })}>
            {t('employment.add')}
          </Button>
        </Group>
      </Stack>
      {dialog?.kind === 'add' && <AddPeriodModal person={person} onClose={close} />}
      {dialog?.kind === 'remove' && (
        <RemovePeriodModal person={person} period={dialog.period} onClose={close} />
      )}
    </Panel>
  );
}

function AddPeriodModal({ person, onClose }: { person: PersonFile; onClose: () => void }) {
  const t = useT();
  const add = useAddEmploymentPeriod(person.id);
  const form = useForm({ kind: 'cdd', start: '', end: '' });
  const { values } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      kind: required(values.kind, t),
      start: day(values.start, t, false),
      end: day(values.end, t),
    });
    if (!valid) return;
    add.mutate(
      { kind: values.kind as ContractKind, start: values.start, end: values.end || null },
      { onSuccess: onClose, onError: form.fail },
    );
  };

  return (
    <FormModal title={t('employment.add')} onClose={onClose}>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <NativeSelect
            label={t('employment.kind')}
            data={CONTRACT_KINDS.map((k) => ({ value: k, label: t(`contractKind.${k}`) }))}
            {...form.input('kind')}
          />
          <TextInput
            type="date"
            label={t('employment.start')}
            required
            withAsterisk={false}
            {...form.input('start')}
          />
          <TextInput
            type="date"
            label={t('employment.end')}
            description={t('employment.endHint')}
            {...form.input('end')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('employment.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

function RemovePeriodModal({
  person,
  period,
  onClose,
}: {
  person: PersonFile;
  period: EmploymentPeriod;
  onClose: () => void;
}) {
  const t = useT();
  const remove = useRemoveEmploymentPeriod(person.id);
  return (
    <FormModal title={t('employment.removeTitle')} onClose={onClose}>
      <Stack gap="sm">
        <Text>
          {t('employment.removeConfirm', {
            kind: t(`contractKind.${period.kind}`),
            start: formatDay(period.start),
          })}
        </Text>
        <ErrorAlert error={remove.error} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate(period.id, { onSuccess: onClose })}
          >
            {t('employment.remove')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
