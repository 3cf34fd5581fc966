import type { HiringAidRuleAnswer } from '@jobcoach/contract';
import {
  HIRING_AID_AUTHORITIES,
  HIRING_AIDS,
  type HiringAid,
  type HiringAidAuthority,
} from '@jobcoach/domain';
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useForm } from '../forms/useForm.ts';
import { formatDay } from '../i18n/dates.ts';
import { type Translate, useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { useHiringAidRules, useSaveHiringAidRule } from './hiring-aids-api.ts';

function conditionsText(r: HiringAidRuleAnswer, t: Translate): string {
  const c = r.conditions;
  const parts = [
    c.ageBelow !== null ? t('admin.aids.condition.ageBelow', { age: c.ageBelow }) : null,
    c.ageFrom !== null ? t('admin.aids.condition.ageFrom', { age: c.ageFrom }) : null,
    c.minJoblessMonths !== null ? t('admin.aids.condition.months', { months: c.minJoblessMonths }) : null,
    c.incomes?.includes('integration_income') ? t('admin.aids.condition.income') : null,
    c.walloonResident ? t('admin.aids.condition.wallonia') : null,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? t('admin.aids.condition.none') : parts.join(', ');
}

/**
 * The hiring-aid rules of the installation: dated configuration (conditions, amount, period,
 * source). The administrator edits them; a new amount is a new rule from its date.
 */
export function HiringAidsSection() {
  const t = useT();
  const rules = useHiringAidRules();
  const [editing, setEditing] = useState<HiringAidRuleAnswer | 'new' | null>(null);
  return (
    <Stack component="section" gap="sm" aria-labelledby="admin-aids">
      <Title order={2} id="admin-aids">
        {t('admin.aids.title')}
      </Title>
      <Text>{t('admin.aids.intro')}</Text>
      <Group>
        <Button variant="light" onClick={() => setEditing('new')}>
          {t('admin.aids.add')}
        </Button>
      </Group>
      {rules.isPending ? (
        <Spinner />
      ) : rules.error ? (
        <ErrorAlert error={rules.error} onRetry={() => rules.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm" data-testid="hiring-aid-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.aids.col.name')}</Table.Th>
                <Table.Th>{t('admin.aids.col.conditions')}</Table.Th>
                <Table.Th>{t('admin.aids.col.amount')}</Table.Th>
                <Table.Th>{t('admin.aids.col.period')}</Table.Th>
                <Table.Th>{t('admin.aids.col.source')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text fw={700} size="sm">
                      {r.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`hiringAidAuthority.${r.authority}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{conditionsText(r, t)}</Text>
                    {r.employerCondition && <Text size="xs">{r.employerCondition}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.amount}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {r.validTo
                        ? t('admin.aids.period', { from: formatDay(r.validFrom), to: formatDay(r.validTo) })
                        : t('admin.aids.periodOpen', { from: formatDay(r.validFrom) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{r.source}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('admin.aids.editLabel', { name: r.name })}
                      onClick={() => setEditing(r)}
                    >
                      {t('admin.aids.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <RuleModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

const isHiringAid = (code: string): code is HiringAid => (HIRING_AIDS as readonly string[]).includes(code);

const num = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));
const numOrNull = (s: string) => (s.trim() === '' ? null : Number(s.trim().replace(',', '.')));

function RuleModal({ rule, onClose }: { rule: HiringAidRuleAnswer | null; onClose: () => void }) {
  const t = useT();
  const save = useSaveHiringAidRule();
  const form = useForm(
    {
      code: rule?.code ?? '',
      name: rule?.name ?? '',
      authority: rule?.authority ?? 'wallonia',
      amount: rule?.amount ?? '',
      monthlyAmount: num(rule?.monthlyAmount ?? null),
      durationMonths: num(rule?.durationMonths ?? null),
      validFrom: rule?.validFrom ?? '',
      validTo: rule?.validTo ?? '',
      source: rule?.source ?? '',
      employerCondition: rule?.employerCondition ?? '',
      ageBelow: num(rule?.conditions.ageBelow ?? null),
      ageFrom: num(rule?.conditions.ageFrom ?? null),
      minJoblessMonths: num(rule?.conditions.minJoblessMonths ?? null),
      integrationIncome: rule?.conditions.incomes?.includes('integration_income') ? 'yes' : 'no',
      walloonResident: rule?.conditions.walloonResident ? 'yes' : 'no',
    },
    {
      'conditions.ageBelow': 'ageBelow',
      'conditions.ageFrom': 'ageFrom',
      'conditions.minJoblessMonths': 'minJoblessMonths',
    },
  );
  const v = form.values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      code: v.code as HiringAid,
      name: v.name.trim(),
      authority: v.authority as HiringAidAuthority,
      amount: v.amount.trim(),
      monthlyAmount: numOrNull(v.monthlyAmount),
      durationMonths: numOrNull(v.durationMonths),
      validFrom: v.validFrom.trim(),
      validTo: v.validTo.trim() === '' ? null : v.validTo.trim(),
      source: v.source.trim(),
      employerCondition: v.employerCondition.trim() === '' ? null : v.employerCondition.trim(),
      conditions: {
        ageBelow: numOrNull(v.ageBelow),
        ageFrom: numOrNull(v.ageFrom),
        minJoblessMonths: numOrNull(v.minJoblessMonths),
        incomes: v.integrationIncome === 'yes' ? ['integration_income' as const] : null,
        walloonResident: v.walloonResident === 'yes',
      },
    };
    save.mutate(
      rule === null ? { id: null, body } : { id: rule.id, body: { ...body, version: rule.version } },
      { onSuccess: onClose, onError: form.fail },
    );
  };
  return (
    <FormModal dirty={form.dirty} title={rule ? rule.name : t('admin.aids.add')} onClose={onClose}>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('admin.aids.field.code')}
              data={[
                { value: '', label: t('admin.aids.field.codePick'), disabled: true },
                ...HIRING_AIDS.map((code) => ({ value: code, label: t(`hiringAid.${code}`) })),
                // A rule stored before the codes came from the list keeps its code until changed.
                ...(rule && !isHiringAid(rule.code) ? [{ value: rule.code, label: rule.code }] : []),
              ]}
              {...form.input('code')}
            />
            <TextInput label={t('admin.aids.field.name')} {...form.input('name')} />
            <NativeSelect
              label={t('admin.aids.field.authority')}
              data={HIRING_AID_AUTHORITIES.map((a) => ({ value: a, label: t(`hiringAidAuthority.${a}`) }))}
              {...form.input('authority')}
            />
            <TextInput
              label={t('admin.aids.field.monthlyAmount')}
              inputMode="decimal"
              {...form.input('monthlyAmount')}
            />
            <TextInput
              label={t('admin.aids.field.durationMonths')}
              inputMode="numeric"
              {...form.input('durationMonths')}
            />
            <TextInput label={t('admin.aids.field.validFrom')} type="date" {...form.input('validFrom')} />
            <TextInput label={t('admin.aids.field.validTo')} type="date" {...form.input('validTo')} />
            <TextInput
              label={t('admin.aids.field.ageBelow')}
              inputMode="numeric"
              {...form.input('ageBelow')}
            />
            <TextInput label={t('admin.aids.field.ageFrom')} inputMode="numeric" {...form.input('ageFrom')} />
            <TextInput
              label={t('admin.aids.field.minJoblessMonths')}
              inputMode="numeric"
              {...form.input('minJoblessMonths')}
            />
          </SimpleGrid>
          <Checkbox
            label={t('admin.aids.field.integrationIncome')}
            checked={v.integrationIncome === 'yes'}
            onChange={(event) => form.set('integrationIncome', event.currentTarget.checked ? 'yes' : 'no')}
          />
          <Checkbox
            label={t('admin.aids.field.walloonResident')}
            checked={v.walloonResident === 'yes'}
            onChange={(event) => form.set('walloonResident', event.currentTarget.checked ? 'yes' : 'no')}
          />
          <Textarea label={t('admin.aids.field.amount')} autosize minRows={2} {...form.input('amount')} />
          <Textarea
            label={t('admin.aids.field.employerCondition')}
            autosize
            minRows={1}
            {...form.input('employerCondition')}
          />
          <Textarea label={t('admin.aids.field.source')} autosize minRows={2} {...form.input('source')} />
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
