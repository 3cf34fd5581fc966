import type { TimelineEntry, TimelineType } from '@jobcoach/contract';
import { Badge, Button, Group, Timeline as MantineTimeline, Text } from '@mantine/core';
import { useState } from 'react';
import { isCoordinator } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { CancelMoveModal } from './CancelMoveModal.tsx';
import { ContactCorrectionModal } from './ContactCorrectionModal.tsx';
import { entryText } from './timeline-text.ts';

type Correctable = TimelineEntry & { entity: NonNullable<TimelineEntry['entity']> };

// Small line icons, drawn here so that no icon library is needed; their meaning is in the badge text.
const ICONS: Record<TimelineType, string> = {
  contact: 'M4 5h16v10H8l-4 4z',
  transition: 'M4 12h12M12 6l6 6-6 6',
  assessment: 'M5 12l4 4 10-10',
  document: 'M6 3h9l4 4v14H6zM14 3v5h5',
  intake: 'M12 4v16M4 12h16',
  presentation: 'M4 8h16v11H4zM9 8V5h6v3',
  contract: 'M7 3h10v18H7zM10 8h4M10 12h4M10 16h2',
};
const COLOURS: Record<TimelineType, string> = {
  contact: 'blue',
  transition: 'violet',
  assessment: 'green',
  document: 'orange',
  intake: 'gray',
  presentation: 'teal',
  contract: 'indigo',
};

function Icon({ type }: { type: TimelineType }) {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true">
      <path d={ICONS[type]} stroke="currentColor" strokeWidth="2.5" fill="none" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * One history of the file, newest first, as the server tells it (worded here from each entry's
 * code and parameters, in the interface's language): contacts, moves, assessments,
 * documents. An entry corrected or cancelled says so, with the reason; a contact's author or a
 * coordinator may correct or cancel it.
 */
export function Timeline({
  entries,
  personId,
  personVersion,
}: {
  entries: TimelineEntry[];
  personId: string;
  personVersion: number;
}) {
  const t = useT();
  const me = useSession();
  const [editing, setEditing] = useState<{ entry: Correctable; mode: 'correct' | 'cancel' } | null>(null);
  const [cancellingMove, setCancellingMove] = useState<Correctable | null>(null);
  const mine = (entry: TimelineEntry): entry is Correctable =>
    entry.entity !== null &&
    entry.status !== 'cancelled' &&
    (entry.entity.authorId === me.user.id || isCoordinator(me));
  const mayCorrect = (entry: TimelineEntry): entry is Correctable =>
    mine(entry) && entry.entity?.kind === 'contact';
  // The server offers the one move that may be cancelled (the last, not made by a contract).
  const mayCancelMove = (entry: TimelineEntry): entry is Correctable =>
    mine(entry) && (entry.entity?.kind === 'transition' || entry.entity?.kind === 'presentation_step');
  if (entries.length === 0) return <Text c="dimmed">{t('timeline.empty')}</Text>;
  return (
    <section aria-label={t('person.tab.timeline')}>
      {cancellingMove && (
        <CancelMoveModal
          personId={personId}
          target={
            cancellingMove.entity.kind === 'transition'
              ? { kind: 'transition', eventId: cancellingMove.entity.id, personVersion }
              : {
                  kind: 'presentation_step',
                  stepId: cancellingMove.entity.id,
                  presentationId: cancellingMove.entity.parentId ?? '',
                  presentationVersion: cancellingMove.entity.version ?? 1,
                }
          }
          title={entryText(cancellingMove, t).title}
          onClose={() => setCancellingMove(null)}
        />
      )}
      {editing && (
        <ContactCorrectionModal
          personId={personId}
          entry={{ ...editing.entry, title: entryText(editing.entry, t).title }}
          mode={editing.mode}
          onClose={() => setEditing(null)}
        />
      )}
      <MantineTimeline bulletSize={26} lineWidth={2} data-testid="timeline">
        {entries.map((entry) => {
          const text = entryText(entry, t);
          return (
            <MantineTimeline.Item
              key={entry.id}
              bullet={<Icon type={entry.type} />}
              color={COLOURS[entry.type]}
              data-testid={`timeline-${entry.type}`}
              title={
                <Group gap="xs" wrap="wrap">
                  <Text span fw={700}>
                    {formatDay(entry.date)}
                  </Text>
                  <Badge size="sm" variant="light" color={COLOURS[entry.type]}>
                    {t(`timeline.type.${entry.type}`)}
                  </Badge>
                  <Text span fw={600} td={entry.status === 'cancelled' ? 'line-through' : undefined}>
                    {text.title}
                  </Text>
                  {entry.status !== 'recorded' && (
                    <Badge
                      size="sm"
                      variant="outline"
                      color={entry.status === 'cancelled' ? 'red' : 'yellow'}
                    >
                      {t(`timeline.status.${entry.status}`)}
                    </Badge>
                  )}
                </Group>
              }
            >
              {entry.statusReason && (
                <Text size="sm" c="dimmed" fs="italic">
                  {t('timeline.statusReason', { reason: entry.statusReason })}
                </Text>
              )}
              {text.detail && (
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {text.detail}
                </Text>
              )}
              {entry.authorName && (
                <Text size="xs" c="dimmed">
                  {t('timeline.by', { name: entry.authorName })}
                </Text>
              )}
              {mayCancelMove(entry) && (
                <Group gap="xs" mt={4}>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setCancellingMove(entry)}
                  >
                    {t(
                      entry.entity.kind === 'transition' ? 'correction.cancelMove' : 'correction.cancelStep',
                    )}
                  </Button>
                </Group>
              )}
              {mayCorrect(entry) && (
                <Group gap="xs" mt={4}>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => setEditing({ entry, mode: 'correct' })}
                  >
                    {t('correction.correct')}
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setEditing({ entry, mode: 'cancel' })}
                  >
                    {t('correction.cancel')}
                  </Button>
                </Group>
              )}
            </MantineTimeline.Item>
          );
        })}
      </MantineTimeline>
    </section>
  );
}
