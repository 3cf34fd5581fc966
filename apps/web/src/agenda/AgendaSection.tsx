import type { Agenda, AgendaItem } from '@jobcoach/contract';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { telNumber } from '../myday/MyDaySection.tsx';
import { usePerson } from '../people/people-api.ts';
import { ContactModal } from '../person/ContactModal.tsx';
import { Spinner } from '../shell/Loading.tsx';

/**
 * « Agenda » of « Ma journée »: today's planned contacts in time order, then the days of the week.
 * Each row has the time, the person's file, a tel: link and « Noter un contact », which opens the
 * contact dialog prefilled and marks the plan done.
 */
export function AgendaSection({ agenda, own }: { agenda: Agenda; own: boolean }) {
  const t = useT();
  const [logging, setLogging] = useState<AgendaItem | null>(null);
  const row = (item: AgendaItem) => (
    <AgendaRow key={item.key} item={item} own={own} onLog={() => setLogging(item)} />
  );
  return (
    <Card
      component="section"
      withBorder
      padding="md"
      aria-labelledby="myday-agenda-title"
      data-testid="myday-agenda"
    >
      <Title order={2} id="myday-agenda-title" size="h3" mb="xs">
        {t('agenda.title')}
      </Title>
      <Title order={3} size="h5">
        {t('agenda.today')}
      </Title>
      {agenda.today.length === 0 ? (
        <Text c="dimmed">{t('agenda.today.empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} data-testid="agenda-today">
          {agenda.today.map(row)}
        </Stack>
      )}
      <Title order={3} size="h5" mt="sm">
        {t('agenda.week')}
      </Title>
      {agenda.week.length === 0 ? (
        <Text c="dimmed">{t('agenda.week.empty')}</Text>
      ) : (
        agenda.week.map((d) => (
          <div key={d.date} data-testid="agenda-day">
            <Text fw={600} size="sm" mt={4}>
              {formatDay(d.date)}
            </Text>
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {d.items.map(row)}
            </Stack>
          </div>
        ))
      )}
      {logging && <LogFromAgenda item={logging} onClose={() => setLogging(null)} />}
    </Card>
  );
}

function AgendaRow({ item, own, onLog }: { item: AgendaItem; own: boolean; onLog: () => void }) {
  const t = useT();
  const name = `${item.firstName} ${item.lastName}`;
  return (
    <li data-testid="agenda-item">
      <Group gap="xs" wrap="wrap" align="baseline">
        <Text fw={700} w={56} data-testid="agenda-time">
          {item.time ?? t('agenda.allDay')}
        </Text>
        <Anchor component={Link} to={`/people/${item.personId}`} fw={600}>
          {name}
        </Anchor>
        {item.phone && (
          <Anchor
            href={`tel:${telNumber(item.phone)}`}
            size="sm"
            aria-label={t('myday.call', { name, phone: item.phone })}
            data-testid="myday-tel"
          >
            {item.phone}
          </Anchor>
        )}
        {own && (
          <Button size="compact-xs" variant="light" onClick={onLog}>
            {t('contact.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {[
          item.channel ? t(`channel.${item.channel}`) : t('agenda.fromContact'),
          item.durationMinutes ? t('agenda.minutes', { minutes: item.durationMinutes }) : null,
          item.place,
          item.employerName,
        ]
          .filter(Boolean)
          .join(' — ')}
      </Text>
    </li>
  );
}

/** The contact dialog of the file, on « Ma journée »: the person's file is read first. */
function LogFromAgenda({ item, onClose }: { item: AgendaItem; onClose: () => void }) {
  const person = usePerson(item.personId);
  if (person.isPending) return <Spinner />;
  if (person.error) return <ErrorAlert error={person.error} onRetry={() => person.refetch()} />;
  return (
    <ContactModal
      person={person.data}
      plan={item.planId ? { id: item.planId, channel: item.channel, employerId: item.employerId } : undefined}
      onClose={onClose}
      onSaved={onClose}
    />
  );
}
