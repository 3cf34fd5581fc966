import type { EmployerFile } from '@jobcoach/contract';
import { Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useErrorMessage } from '../forms/errors.ts';
import { mergeEdits } from '../forms/merge.ts';
import { useForm } from '../forms/useForm.ts';
import { useT } from '../i18n/index.ts';
import { DuplicateNotice } from './DuplicateNotice.tsx';
import { EmployerConflict, type EmployerConflictState } from './EmployerConflict.tsx';
import { EmployerFields } from './EmployerFields.tsx';
import {
  checkEmployer,
  EMPLOYER_FIELDS,
  EMPLOYER_SERVER_FIELDS,
  employerChanges,
  employerValues,
} from './employer-form.ts';
import { employerKey, useUpdateEmployer } from './employers-api.ts';
import { useBceLookup } from './useBceLookup.ts';

function isEmployerFile(value: unknown): value is EmployerFile {
  return typeof value === 'object' && value !== null && typeof (value as EmployerFile).version === 'number';
}

/**
 * The employer's identity, reference person, status and own notes, saved with the version read.
 * When someone of the basin saved in between (409 `stale_version`), the coach's own changes stay
 * in the form, the other fields take the saved values, and a table shows both side by side.
 */
export function EmployerEditForm({
  employer,
  onDone,
}: {
  employer: EmployerFile;
  onDone: (saved: boolean) => void;
}) {
  const t = useT();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const update = useUpdateEmployer(employer.id);
  const lookup = useBceLookup(employer.id);
  const [base, setBase] = useState(employer);
  const form = useForm(employerValues(employer), EMPLOYER_SERVER_FIELDS);
  const [conflict, setConflict] = useState<EmployerConflictState | null>(null);
  const { values } = form;
  const read = employerValues(base);
  const duplicate = lookup.current(values.bce);

  const onError = async (error: unknown) => {
    if (lookup.fromError(error, values.bce)) return;
    if (!(error instanceof ApiError && error.status === 409 && error.code === 'stale_version')) {
      form.fail(error);
      return;
    }
    const current = isEmployerFile(error.current)
      ? error.current
      : await queryClient.fetchQuery({ queryKey: employerKey(employer.id), staleTime: 0 }).catch(() => null);
    if (!isEmployerFile(current)) {
      form.fail(error);
      return;
    }
    const now = employerValues(current);
    setConflict({ message: describe(error), current: now, mine: values, read });
    form.reset(mergeEdits(values, read, now));
    setBase(current);
    queryClient.setQueryData(employerKey(employer.id), current);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (duplicate || !form.check(checkEmployer(values, t))) return;
    const changes = employerChanges(values, read);
    if (Object.keys(changes).length === 0) {
      onDone(false);
      return;
    }
    update.mutate({ ...changes, version: base.version }, { onSuccess: () => onDone(true), onError });
  };

  const dirty = EMPLOYER_FIELDS.some((f) => values[f] !== read[f]);

  return (
    <form ref={form.ref} onSubmit={submit} noValidate data-testid="employer-edit-form">
      <Stack gap="md">
        {conflict && (
          <EmployerConflict
            conflict={conflict}
            values={values}
            choose={(field, value) => form.set(field, value)}
          />
        )}
        <EmployerFields
          form={form}
          onBceLeft={lookup.check}
          bceNotice={duplicate && <DuplicateNotice duplicate={duplicate} />}
        />
        <ErrorAlert message={form.formError} />
        <Group justify="flex-end" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)">
          <Button variant="default" onClick={() => onDone(false)}>
            {dirty ? t('employer.edit.cancel') : t('common.close')}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={duplicate !== null}>
            {t('employer.edit.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
