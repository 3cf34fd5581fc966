import { CONTACT_CHANNELS, type ContactChannel } from '@jobcoach/domain';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDay, today } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import type { VisitFile } from './day.ts';
import { useOnline, useOutbox } from './hooks.ts';
import { enqueue, flush } from './outbox.ts';
import { get } from './vault.ts';

/**
 * « Fiche de visite »: a person of the day as the device kept them (name, phone, employer, follow-up,
 * last contacts), and « Noter un contact », which works with or without a network: the contact
 * waits on the device (offline/outbox.ts) and leaves as soon as the network is there.
 */
export function VisitPage() {
  const t = useT();
  const { id = '' } = useParams();
  const online = useOnline();
  const outbox = useOutbox();
  const [file, setFile] = useState<VisitFile | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    get<VisitFile>('files', id)
      .then((kept) => live && setFile(kept ?? null))
      .catch(() => live && setFile(null));
    return () => {
      live = false;
    };
  }, [id]);

  if (file === undefined) return <Spinner />;
  if (file === null) {
    return (
      <Stack gap="md">
        <PageHeading>{t('visit.heading')}</PageHeading>
        <Alert color="gray">{t('visit.notKept')}</Alert>
        {online && (
          <Anchor component={Link} to={`/people/${id}`}>
            {t('visit.openFile')}
          </Anchor>
        )}
      </Stack>
    );
  }
  const name = `${file.firstName} ${file.lastName}`;
  const waiting = outbox.filter((item) => item.personId === id);
  return (
    <Stack gap="md" maw={720}>
      <PageHeading>{t('visit.title', { name })}</PageHeading>
      <Card withBorder padding="md" data-testid="visit-file">
        <Stack gap={4}>
          {file.phone && <Text>{t('visit.phone', { phone: file.phone })}</Text>}
          <Text>
            {file.employer ? t('visit.employer', { name: file.employer.name }) : t('visit.noEmployer')}
          </Text>
          {file.discreet !== null && (
            <Text>{file.discreet ? t('visit.followUp.discreet') : t('visit.followUp.open')}</Text>
          )}
          <Text>
            {file.lastContacts.length > 0
              ? t('visit.lastContacts', { dates: file.lastContacts.map((d) => formatDay(d)).join(', ') })
              : t('visit.noContacts')}
          </Text>
          {file.dueDate && <Text>{t('visit.due', { date: formatDay(file.dueDate) })}</Text>}
        </Stack>
      </Card>
      {waiting.length > 0 && (
        <Card withBorder padding="md" data-testid="visit-waiting">
          <Stack gap={4}>
            {waiting.map((item) => (
              <Text key={item.clientId} size="sm">
                {formatDay(item.body.date)} — {t(`channel.${item.body.channel}`)} —{' '}
                {item.refused ? t('visit.refused') : t('visit.pending')}
              </Text>
            ))}
          </Stack>
        </Card>
      )}
      <VisitContactForm file={file} />
      {online ? (
        <Anchor component={Link} to={`/people/${id}`}>
          {t('visit.openFile')}
        </Anchor>
      ) : (
        <Text c="dimmed" size="sm">
          {t('visit.fileOffline')}
        </Text>
      )}
    </Stack>
  );
}

function VisitContactForm({ file }: { file: VisitFile }) {
  const t = useT();
  const [date, setDate] = useState(today());
  const [channel, setChannel] = useState<string>('visit');
  const [withEmployer, setWithEmployer] = useState(file.employer !== null);
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!date || date > today()) return setProblem(t('visit.badDate'));
    if (!channel) return setProblem(t('visit.noChannel'));
    setProblem(null);
    const ok = await enqueue({
      personId: file.id,
      personName: `${file.firstName} ${file.lastName}`,
      body: {
        date,
        channel: channel as ContactChannel,
        personPresent: true,
        employerId: withEmployer && file.employer ? file.employer.id : null,
        // A discreet follow-up: the coach confirms, by ticking the employer, that the visit was meant.
        confirmDiscreet: withEmployer && file.discreet === true ? true : undefined,
        notes: notes.trim() || null,
      },
    });
    if (!ok) return setProblem(t('visit.noKey'));
    setNotes('');
    setSaved(true);
    if (navigator.onLine) void flush().catch(() => undefined);
  };

  return (
    <Card
      withBorder
      padding="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="visit-log-title"
    >
      <Stack gap="sm">
        <Text fw={600} id="visit-log-title">
          {t('visit.log')}
        </Text>
        {problem && <Alert color="red">{problem}</Alert>}
        {saved && (
          <Alert color="green" data-testid="visit-saved">
            {t('visit.saved')}
          </Alert>
        )}
        <TextInput
          type="date"
          label={t('contact.date')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
        <NativeSelect
          label={t('contact.channel')}
          data={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value)}
        />
        {file.employer && (
          <Checkbox
            label={t('visit.withEmployer', { name: file.employer.name })}
            checked={withEmployer}
            onChange={(e) => setWithEmployer(e.currentTarget.checked)}
          />
        )}
        <Textarea
          label={t('contact.notes')}
          autosize
          minRows={3}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button type="submit">{t('contact.submit')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
