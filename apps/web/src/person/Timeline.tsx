import type { TimelineEntry, TimelineType } from '@jobcoach/contract';
import { Badge, Group, Timeline as MantineTimeline, Text } from '@mantine/core';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';

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

/** One history of the file, newest first, as the server tells it: contacts, moves, assessments, documents. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useT();
  if (entries.length === 0) return <Text c="dimmed">{t('timeline.empty')}</Text>;
  return (
    <section aria-label={t('person.tab.timeline')}>
      <MantineTimeline bulletSize={26} lineWidth={2} data-testid="timeline">
        {entries.map((entry) => (
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
                <Text span fw={600}>
                  {entry.title}
                </Text>
              </Group>
            }
          >
            {entry.detail && (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {entry.detail}
              </Text>
            )}
            {entry.authorName && (
              <Text size="xs" c="dimmed">
                {t('timeline.by', { name: entry.authorName })}
              </Text>
            )}
          </MantineTimeline.Item>
        ))}
      </MantineTimeline>
    </section>
  );
}
