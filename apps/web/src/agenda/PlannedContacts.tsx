import type { PersonFile, PlannedContact } from '@jobcoach/contract';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { useCancelPlan } from './agenda-api.ts';
import { PlanModal } from './PlanModal.tsx';

/** When a plan is: its day, and its time and duration, or « toute la journée ». */
export function usePlanWhen() {
  const t = useT();
  return (p: { date: string; time: string | null; durationMinutes: number | null }) =>
    p.time === null
      ? t('plan.whenAllDay', { date: formatDay(p.date) })
      : p.durationMinutes
        ? t('plan.whenTimed', { date: formatDay(p.date), time: p.time, minutes: p.durationMinutes })
        : t('plan.whenAt', { date: formatDay(p.date), time: p.time });
}

/**
 * « Contacts planifiés » on a person's file: the plans still to hold, each to change or cancel,
 * and « Planifier un contact ».
 */
export function PlannedContacts({ person }: { person: PersonFile }) {
  const t = useT();
  const when = usePlanWhen();
  const cancel = useCancelPlan(person.id);
  const [dialog, setDialog] = useState<PlannedContact | 'new' | null>(null);
  const list = person.plannedContacts;

  return (
    <Stack gap={4} data-testid="planned-contacts">
      <Group gap="sm">
        <Text fw={600}>{t('plan.listTitle')}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => setDialog('new')}
          disabled={person.phase === 'exited'}
        >
          {t('plan.add')}
        </Button>
      </Group>
      {cancel.error && <ErrorAlert error={cancel.error} />}
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('plan.none')}
        </Text>
      ) : (
        <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
          {list.map((p) => (
            <li key={p.id} data-testid="planned-contact">
              <Group gap="xs" wrap="wrap">
                <Text size="sm">
                  {when(p)} — {t(`channel.${p.channel}`)}
                  {p.place ? ` — ${p.place}` : ''}
                  {p.employerName ? ` — ${p.employerName}` : ''}
                </Text>
                <Button size="compact-xs" variant="subtle" onClick={() => setDialog(p)}>
                  {t('plan.edit')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  loading={cancel.isPending && cancel.variables?.id === p.id}
                  onClick={() => cancel.mutate({ id: p.id, version: p.version })}
                >
                  {t('plan.cancel')}
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {dialog && (
        <PlanModal
          person={person}
          plan={dialog === 'new' ? undefined : dialog}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}
