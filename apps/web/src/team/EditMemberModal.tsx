import type { Member, MemberPatchBody, Role } from '@jobcoach/contract';
import { Alert, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useErrorMessage } from '../forms/errors.ts';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { mergeEdits } from '../forms/merge.ts';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { useT } from '../i18n/index.ts';
import { checkFte, parseFte } from './fte.ts';
import { RoleSelect } from './RoleSelect.tsx';
import { fetchMembers, useUpdateMember } from './team-api.ts';

type Props = {
  organisationId: string;
  member: Member;
  onClose: () => void;
  onSaved: (member: Member) => void;
};

function isMember(value: unknown): value is Member {
  return typeof value === 'object' && value !== null && typeof (value as Member).version === 'number';
}

/**
 * Name, role, ETP and whether the account is active. The PATCH carries the version read; when
 * someone else saved in between (409), the person sees the values now saved, the form takes them
 * except where the person made a change, and saving again applies that change.
 */
export function EditMemberModal({ organisationId, member, onClose, onSaved }: Props) {
  const t = useT();
  const intl = useIntl();
  const describe = useErrorMessage();
  const update = useUpdateMember(organisationId);
  const fte = (value: number) => intl.formatNumber(value, { maximumFractionDigits: 2, useGrouping: false });
  const valuesOf = (m: Member) => ({ name: m.name, role: m.role as string, fte: fte(m.fte) });
  const form = useForm(valuesOf(member));
  const [active, setActive] = useState(member.active);
  const [sensitive, setSensitive] = useState(member.sensitiveAccess);
  const [base, setBase] = useState(member);
  const [conflict, setConflict] = useState<{ message: string; current: Member | undefined } | null>(null);
  const { values } = form;
  const jobcoach = values.role === 'jobcoach';

  const changes = (): MemberPatchBody => {
    const result: MemberPatchBody = { version: base.version };
    if (values.name.trim() !== base.name) result.name = values.name.trim();
    if (values.role !== base.role) result.role = values.role as Role;
    const newFte = jobcoach ? parseFte(values.fte) : null;
    if (newFte !== null && newFte !== base.fte) result.fte = newFte;
    if (active !== base.active) result.active = active;
    if (jobcoach && sensitive !== base.sensitiveAccess) result.sensitiveAccess = sensitive;
    return result;
  };

  const onError = async (error: unknown) => {
    if (!(error instanceof ApiError && error.status === 409 && error.code === 'stale_version')) {
      form.fail(error);
      return;
    }
    const current = isMember(error.current)
      ? error.current
      : (await fetchMembers(organisationId).catch(() => [])).find((m) => m.userId === member.userId);
    if (current) {
      form.reset(mergeEdits(values, valuesOf(base), valuesOf(current)));
      if (active === base.active) setActive(current.active);
      setBase(current);
    }
    setConflict({ message: describe(error), current });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      name: required(values.name, t),
      fte: jobcoach ? checkFte(values.fte, t) : undefined,
    });
    if (!valid) return;
    const body = changes();
    if (Object.keys(body).length === 1) return onClose();
    setConflict(null);
    update.mutate({ userId: member.userId, changes: body }, { onSuccess: onSaved, onError });
  };

  return (
    <FormModal dirty={form.dirty} title={t('team.edit.title', { name: member.name })} onClose={onClose}>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          {conflict && (
            <Alert color="orange" title={t('team.edit.conflictTitle')} role="alert">
              {conflict.message}
              {conflict.current &&
                ` ${t('team.edit.current', {
                  name: conflict.current.name,
                  role: t(`role.${conflict.current.role}`),
                  fte: fte(conflict.current.fte),
                  active: t(conflict.current.active ? 'team.active' : 'team.inactive'),
                })}`}
            </Alert>
          )}
          <ErrorAlert message={form.formError} />
          <TextInput label={t('team.field.name')} required withAsterisk={false} {...form.input('name')} />
          <RoleSelect {...form.input('role')} />
          {jobcoach && (
            <TextInput
              label={t('team.field.fte')}
              description={t('team.field.fteHint')}
              inputMode="decimal"
              {...form.input('fte')}
            />
          )}
          {jobcoach && (
            <Checkbox
              label={t('team.field.sensitiveAccess')}
              description={t('team.field.sensitiveAccessHint')}
              checked={sensitive}
              onChange={(event) => setSensitive(event.currentTarget.checked)}
            />
          )}
          <Checkbox
            label={t('team.field.active')}
            description={t('team.field.activeHint')}
            checked={active}
            onChange={(event) => setActive(event.currentTarget.checked)}
          />
          <Group justify="flex-end" mt="sm">
            <CancelButton />
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
