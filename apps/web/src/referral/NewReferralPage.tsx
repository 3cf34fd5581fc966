import type { ReferralKind } from '@jobcoach/contract';
import { Button, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isCoordinator } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { today } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { useCreatePerson } from '../people/people-api.ts';
import { IdentityFields } from '../person/IdentityFields.tsx';
import { EMPTY_PERSON, toInput } from '../person/person-form.ts';
import { checkPerson, pastDay } from '../person/person-validation.ts';
import { PageHeading } from '../shell/PageHeading.tsx';
import { useStaff } from '../team/colleagues.ts';
import { ReferralFields } from './ReferralFields.tsx';

const SERVER_FIELDS = {
  'referral.kind': 'kind',
  'referral.partnerId': 'partnerId',
  'referral.receivedOn': 'receivedOn',
  'referral.informationSessionOn': 'informationSessionOn',
  'referral.consentOn': 'consentOn',
  'referral.consentScope': 'consentScope',
} as const;

/** « Nouvelle orientation »: who the person is and how they came; then their file opens (phase Accueil). */
export function NewReferralPage() {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const create = useCreatePerson();
  const form = useForm(
    {
      ...EMPTY_PERSON,
      kind: '',
      partnerId: '',
      receivedOn: today(),
      informationSessionOn: '',
      consentOn: '',
      consentScope: '',
      coachId: '',
    },
    SERVER_FIELDS,
  );
  const { values } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      ...checkPerson(values, t),
      kind: required(values.kind, t),
      partnerId: values.kind === 'partner' ? required(values.partnerId, t) : undefined,
      receivedOn: pastDay(values.receivedOn, t, false),
      informationSessionOn: pastDay(values.informationSessionOn, t),
      consentOn: pastDay(values.consentOn, t),
    });
    if (!valid) return;
    const text = (value: string) => value.trim() || null;
    create.mutate(
      {
        ...toInput(values),
        referral: {
          kind: values.kind as ReferralKind,
          partnerId: values.kind === 'partner' ? values.partnerId : null,
          receivedOn: values.receivedOn,
          informationSessionOn: text(values.informationSessionOn),
          consentOn: text(values.consentOn),
          consentScope: text(values.consentScope),
        },
        ...(values.coachId ? { coachId: values.coachId } : {}),
      },
      { onSuccess: (file) => navigate(`/people/${file.id}`), onError: form.fail },
    );
  };

  return (
    <Stack gap="md" maw={880}>
      <PageHeading>{t('referral.title')}</PageHeading>
      <Text>{t('referral.intro')}</Text>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="md">
          <IdentityFields form={form} />
          <ReferralFields bind={form.input} kind={values.kind} pick={(id) => form.set('partnerId', id)} />
          {isCoordinator(me) && <CoachField {...form.input('coachId')} />}
          <ErrorAlert message={form.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate('/people')}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('referral.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** A coordinator may give the person to a jobcoach now, or later from the file. */
function CoachField(props: {
  value: string;
  onChange: (event: React.ChangeEvent<HTMLSelectElement>) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const { staff } = useStaff();
  const coaches = (staff ?? []).filter((c) => c.role === 'jobcoach');
  return (
    <Fieldset legend={t('referral.coachGroup')}>
      <NativeSelect
        label={t('referral.coach')}
        description={t('referral.coachHint')}
        data={[
          { value: '', label: t('referral.noCoach') },
          ...coaches.map((c) => ({ value: c.id, label: c.name })),
        ]}
        {...props}
      />
    </Fieldset>
  );
}
