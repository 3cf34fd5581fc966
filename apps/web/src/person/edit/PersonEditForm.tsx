import type { PersonFile } from '@jobcoach/contract';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useErrorMessage } from '../../forms/errors.ts';
import { mergeEdits } from '../../forms/merge.ts';
import { useForm } from '../../forms/useForm.ts';
import { useT } from '../../i18n/index.ts';
import { personKey, useUpdatePerson } from '../../people/people-api.ts';
import { IdentityFields } from '../IdentityFields.tsx';
import { changedInput, PERSON_FIELDS, type PersonValues, valuesOf } from '../person-form.ts';
import { checkPerson } from '../person-validation.ts';
import { SituationFields } from '../SituationFields.tsx';
import { type Conflict, ConflictPanel } from './ConflictPanel.tsx';

function isPersonFile(value: unknown): value is PersonFile {
  return typeof value === 'object' && value !== null && typeof (value as PersonFile).version === 'number';
}

const same = (a: PersonValues, b: PersonValues) => PERSON_FIELDS.every((f) => a[f] === b[f]);

/**
 * « Identité et situation »: every field of the person, saved with the version read. When someone
 * else saved in between (409 `stale_version`), the person's own changes stay in the form, the
 * other fields take the saved values, and a table shows both side by side before saving again.
 */
export function PersonEditForm({ person }: { person: PersonFile }) {
  const t = useT();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const update = useUpdatePerson(person.id);
  const [base, setBase] = useState(person);
  const form = useForm(valuesOf(person));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saved, setSaved] = useState(false);
  const { values } = form;
  const read = valuesOf(base);
  const dirty = !same(values, read);

  // The file changed by another action of this page (a move, a signature): follow it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version matters
  useEffect(() => {
    if (person.version === base.version) return;
    const fresh = valuesOf(person);
    if (same(fresh, read)) setBase(person);
    else if (!dirty && !conflict) {
      setBase(person);
      form.reset(fresh);
    }
  }, [person.version]);

  const onError = async (error: unknown) => {
    if (!(error instanceof ApiError && error.status === 409 && error.code === 'stale_version')) {
      form.fail(error);
      return;
    }
    const current = isPersonFile(error.current)
      ? error.current
      : await queryClient.fetchQuery({ queryKey: personKey(person.id), staleTime: 0 }).catch(() => null);
    if (!isPersonFile(current)) {
      form.fail(error);
      return;
    }
    const now = valuesOf(current);
    setConflict({ message: describe(error), current: now, mine: values, read });
    form.reset(mergeEdits(values, read, now));
    setBase(current);
    queryClient.setQueryData(personKey(person.id), current);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!form.check(checkPerson(values, t))) return;
    const changes = changedInput(values, read);
    if (Object.keys(changes).length === 0) {
      setConflict(null);
      return;
    }
    update.mutate(
      { ...changes, version: base.version },
      {
        onSuccess: (file) => {
          setBase(file);
          form.reset(valuesOf(file));
          setConflict(null);
          setSaved(true);
        },
        onError,
      },
    );
  };

  return (
    <form ref={form.ref} onSubmit={submit} noValidate data-testid="person-edit-form">
      <Stack gap="md" maw={880}>
        {conflict && (
          <ConflictPanel
            conflict={conflict}
            values={values}
            choose={(field, value) => form.set(field, value)}
          />
        )}
        {saved && !dirty && (
          <Alert color="green" role="status" data-testid="person-saved">
            {t('person.saved')}
          </Alert>
        )}
        <IdentityFields form={form} />
        <SituationFields form={form} restricted={base.restricted} />
        <ErrorAlert message={form.formError} />
        <Group justify="flex-end" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)">
          <Button variant="default" disabled={!dirty} onClick={() => form.reset(read)}>
            {t('person.undo')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('person.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
