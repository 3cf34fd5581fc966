import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { isCoordinator } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useForm } from '../forms/useForm.ts';
import { required } from '../forms/validation.ts';
import { today } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { day } from '../person/person-validation.ts';
import { useStaff } from '../team/colleagues.ts';
import { useCreateAbsence } from './absences-api.ts';
import { useCoverCandidates } from './colleagues.ts';

/** Record an absence: who (a jobcoach: themself; a coordinator: anyone), when, and who covers. */
export function AbsenceForm({ onDone }: { onDone: (text: string) => void }) {
  const t = useT();
  const me = useSession();
  const coordinator = isCoordinator(me);
  const { staff } = useStaff();
  const cover = useCoverCandidates();
  const create = useCreateAbsence();
  const form = useForm({ coachId: '', from: today(), to: '', coverCoachId: '' });
  const { values } = form;
  const absent = values.coachId || me.user.id;
  const covers = cover.colleagues.filter((c) => c.id !== absent);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      from: day(values.from, t, false),
      to: day(values.to, t, false) ?? (values.to < values.from ? t('absence.toBeforeFrom') : undefined),
      coverCoachId: required(values.coverCoachId, t),
    });
    if (!valid) return;
    create.mutate(
      {
        ...(values.coachId ? { coachId: values.coachId } : {}),
        from: values.from,
        to: values.to,
        coverCoachId: values.coverCoachId,
      },
      {
        onSuccess: (absence) => {
          form.reset({ coachId: '', from: today(), to: '', coverCoachId: '' });
          onDone(t('absence.recorded', { name: absence.coachName, cover: absence.coverCoachName }));
        },
        onError: form.fail,
      },
    );
  };

  const meOption = { value: '', label: t('absence.myself', { name: me.user.name }) };
  const absentOptions = coordinator
    ? [
        meOption,
        ...(staff ?? []).filter((c) => c.id !== me.user.id).map((c) => ({ value: c.id, label: c.name })),
      ]
    : [meOption];

  return (
    <Card component="section" withBorder padding="md" aria-labelledby="absence-new" maw={880}>
      <Title order={2} size="h3" id="absence-new" mb="xs">
        {t('absence.new')}
      </Title>
      <form ref={form.ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('absence.coach')}
              description={coordinator ? undefined : t('absence.coachOwnOnly')}
              data={absentOptions}
              {...form.input('coachId')}
            />
            <NativeSelect
              label={t('absence.cover')}
              data={[
                { value: '', label: cover.isPending ? t('common.loading') : t('field.chooseOption') },
                ...covers.map((c) => ({ value: c.id, label: c.name })),
              ]}
              {...form.input('coverCoachId')}
            />
            <TextInput
              type="date"
              label={t('absence.from')}
              required
              withAsterisk={false}
              {...form.input('from')}
            />
            <TextInput
              type="date"
              label={t('absence.to')}
              required
              withAsterisk={false}
              {...form.input('to')}
            />
          </SimpleGrid>
          {!cover.complete && !cover.isPending && (
            <Alert color="blue" data-testid="absence-partial-list">
              <Text size="sm">
                {covers.length === 0 ? t('absence.noColleague') : t('absence.partialList')}
              </Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('absence.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
