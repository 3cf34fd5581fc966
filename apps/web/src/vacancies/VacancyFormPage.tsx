import type { VacancyFile } from '@jobcoach/contract';
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useErrorMessage } from '../forms/errors.ts';
import { mergeEdits } from '../forms/merge.ts';
import { useForm } from '../forms/useForm.ts';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { NotFound } from '../shell/Notice.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { VacancyFields } from './VacancyFields.tsx';
import { useCreateVacancy, useUpdateVacancy, useVacancy, vacancyKey } from './vacancies-api.ts';
import {
  checkVacancy,
  EMPTY_VACANCY,
  VACANCY_FIELDS,
  type VacancyField,
  type VacancyValues,
  vacancyChanges,
  vacancyInput,
  vacancyValues,
} from './vacancy-form.ts';

/** `/offers/new[?employerId=…]`: a vacancy of the organisation's portfolio. */
export function NewVacancyPage() {
  const [params] = useSearchParams();
  return <VacancyForm initial={{ ...EMPTY_VACANCY, employerId: params.get('employerId') ?? '' }} />;
}

/** `/offers/:id/edit`. */
export function EditVacancyPage() {
  const { id = '' } = useParams();
  const vacancy = useVacancy(id);
  if (vacancy.isPending) return <Spinner />;
  if (vacancy.error) {
    if (vacancy.error instanceof ApiError && vacancy.error.status === 404) return <NotFound />;
    return <ErrorAlert error={vacancy.error} onRetry={() => vacancy.refetch()} />;
  }
  return <VacancyForm initial={vacancyValues(vacancy.data)} file={vacancy.data} />;
}

function isVacancyFile(value: unknown): value is VacancyFile {
  return typeof value === 'object' && value !== null && typeof (value as VacancyFile).version === 'number';
}

type Conflict = { message: string; fields: VacancyField[] };

/**
 * The vacancy form. Editing saves with the version read; when someone saved in between (409
 * `stale_version`), the coach's own changes stay, the other fields take the saved values and the
 * fields changed by the other person are listed before saving again.
 */
function VacancyForm({ initial, file }: { initial: VacancyValues; file?: VacancyFile }) {
  const t = useT();
  const navigate = useNavigate();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const create = useCreateVacancy();
  const update = useUpdateVacancy(file?.id ?? '');
  const [base, setBase] = useState(file);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const form = useForm(initial);
  const { values } = form;
  const read = base ? vacancyValues(base) : initial;

  const onError = async (error: unknown) => {
    if (!(file && error instanceof ApiError && error.status === 409 && error.code === 'stale_version')) {
      form.fail(error);
      return;
    }
    const current = isVacancyFile(error.current)
      ? error.current
      : await queryClient.fetchQuery({ queryKey: vacancyKey(file.id), staleTime: 0 }).catch(() => null);
    if (!isVacancyFile(current)) {
      form.fail(error);
      return;
    }
    const now = vacancyValues(current);
    setConflict({ message: describe(error), fields: VACANCY_FIELDS.filter((f) => now[f] !== read[f]) });
    form.reset(mergeEdits(values, read, now));
    setBase(current);
    queryClient.setQueryData(vacancyKey(file.id), current);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.check(checkVacancy(values, t))) return;
    const done = (saved: VacancyFile) => navigate(`/offers/${saved.id}`);
    if (!base) {
      create.mutate(vacancyInput(values), { onSuccess: done, onError: form.fail });
      return;
    }
    const changes = vacancyChanges(values, read);
    if (Object.keys(changes).length === 0) {
      navigate(`/offers/${base.id}`);
      return;
    }
    update.mutate({ ...changes, version: base.version }, { onSuccess: done, onError });
  };

  const title = file ? t('vacancy.edit.title', { title: file.title }) : t('vacancy.new.title');
  return (
    <Stack gap="md" maw={1200}>
      <PageHeading>{title}</PageHeading>
      <form ref={form.ref} onSubmit={submit} noValidate data-testid="vacancy-form">
        <Stack gap="md">
          {conflict && (
            <Alert color="orange" title={t('conflict.title')} role="alert" data-testid="vacancy-conflict">
              <Text size="sm">{conflict.message}</Text>
              <Text size="sm" mt={4}>
                {t('vacancy.conflictExplain')}
              </Text>
              {conflict.fields.length > 0 && (
                <List size="sm" mt={4}>
                  {[...new Set(conflict.fields.map((f) => fieldGroup(f)))].map((group) => (
                    <List.Item key={group}>{t(group)}</List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <VacancyFields form={form} reset={(next) => form.reset(next)} />
          <ErrorAlert message={form.formError} />
          <Group justify="flex-end" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)">
            <Button variant="default" onClick={() => navigate(file ? `/offers/${file.id}` : '/offers')}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {file ? t('vacancy.edit.submit') : t('vacancy.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** The label of the part of the form a field belongs to, for the conflict list. */
function fieldGroup(field: VacancyField) {
  if (field.startsWith('published.')) return 'vacancy.published.title' as const;
  if (field.startsWith('objectified.')) return 'vacancy.objectified.title' as const;
  if (field === 'physicalDemands' || field === 'qualityNote') return 'vacancy.group.demands' as const;
  if (field === 'status' || field === 'openedOn' || field === 'closedOn')
    return 'vacancy.group.status' as const;
  if (field.startsWith('contract.') || field === 'hoursPerWeek' || field === 'schedule')
    return 'vacancy.group.conditions' as const;
  return 'vacancy.group.job' as const;
}
