import type { Organisation } from '@jobcoach/contract';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useErrorMessage } from '../forms/errors.ts';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { mergeEdits } from '../forms/merge.ts';
import { useForm } from '../forms/useForm.ts';
import { useT } from '../i18n/index.ts';
import { OrganisationFields } from '../organisations/OrganisationFields.tsx';
import {
  checkOrganisation,
  EMPTY_ORGANISATION,
  organisationBody,
  organisationChanges,
  organisationValues,
} from '../organisations/organisation-form.ts';
import { useCreateOrganisation, useUpdateOrganisation } from '../organisations/organisations-api.ts';
import { useBasins } from './basins-api.ts';
import { RequireTotpField } from './RequireTotpField.tsx';

type Props = {
  organisation?: Organisation | undefined;
  onClose: () => void;
  onSaved: (o: Organisation) => void;
};

function isOrganisation(value: unknown): value is Organisation {
  return typeof value === 'object' && value !== null && typeof (value as Organisation).version === 'number';
}

/** Create an organisation, or edit one with the version read (409 shows what is saved now). */
export function OrganisationModal({ organisation, onClose, onSaved }: Props) {
  const t = useT();
  const describe = useErrorMessage();
  const basins = useBasins();
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  const form = useForm(organisation ? organisationValues(organisation) : EMPTY_ORGANISATION);
  const [base, setBase] = useState(organisation);
  // Editing only: POST /api/organisations does not take it.
  const [requireTotp, setRequireTotp] = useState(organisation?.requireTotp ?? false);
  const [conflict, setConflict] = useState<{ message: string; current: Organisation | undefined } | null>(
    null,
  );

  // A basin no longer active stays selectable for the organisation that already has it.
  const choices = (basins.data ?? []).filter((basin) => basin.active || basin.id === organisation?.basinId);

  const onError = async (error: unknown) => {
    if (!(base && error instanceof ApiError && error.status === 409 && error.code === 'stale_version')) {
      form.fail(error);
      return;
    }
    const current = isOrganisation(error.current)
      ? error.current
      : await api
          .get<Organisation>(`/api/organisations/${encodeURIComponent(base.id)}`)
          .catch(() => undefined);
    if (current) {
      form.reset(mergeEdits(form.values, organisationValues(base), organisationValues(current)));
      if (requireTotp === base.requireTotp) setRequireTotp(current.requireTotp);
      setBase(current);
    }
    setConflict({ message: describe(error), current });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.check(checkOrganisation(form.values, t))) return;
    setConflict(null);
    if (!base) {
      create.mutate(organisationBody(form.values), { onSuccess: onSaved, onError: form.fail });
      return;
    }
    const changes: Record<string, unknown> = organisationChanges(form.values, organisationValues(base));
    if (requireTotp !== base.requireTotp) changes.requireTotp = requireTotp;
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate(
      { id: base.id, changes: { ...changes, version: base.version } },
      { onSuccess: onSaved, onError },
    );
  };

  const title = organisation
    ? t('admin.org.editTitle', { name: organisation.name })
    : t('admin.org.createTitle');

  return (
    <FormModal dirty={form.dirty} title={title} onClose={onClose}>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          {conflict && (
            <Alert color="orange" title={t('admin.org.conflictTitle')} role="alert">
              {conflict.message}
              {conflict.current &&
                ` ${t('admin.org.current', {
                  name: conflict.current.name,
                  kind: t(`kind.${conflict.current.kind}`),
                  basin: conflict.current.basinName,
                })}`}
            </Alert>
          )}
          <ErrorAlert message={form.formError} />
          <ErrorAlert error={basins.error} />
          <OrganisationFields bind={form.input} basins={choices} />
          {base && (
            <RequireTotpField
              organisationId={base.id}
              checked={requireTotp}
              saved={base.requireTotp}
              onChange={setRequireTotp}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={create.isPending || update.isPending}>
              {organisation ? t('common.save') : t('admin.org.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
