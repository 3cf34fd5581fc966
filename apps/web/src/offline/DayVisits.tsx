import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { keptFiles, type VisitFile } from './day.ts';

/** The visits of the day kept on the device, each opening its visit sheet (works offline). */
export function DayVisits({ refresh }: { refresh: unknown }) {
  const t = useT();
  const [files, setFiles] = useState<VisitFile[] | null>(null);
  useEffect(() => {
    let live = true;
    void refresh;
    keptFiles()
      .then((list) => live && setFiles(list))
      .catch(() => live && setFiles([]));
    return () => {
      live = false;
    };
  }, [refresh]);
  if (files === null) return null;
  return (
    <Card
      component="section"
      withBorder
      padding="md"
      aria-labelledby="day-visits-title"
      data-testid="day-visits"
    >
      <Title order={2} id="day-visits-title" size="h3" mb="xs">
        {t('offline.day.title')}
      </Title>
      {files.length === 0 ? (
        <Text c="dimmed">{t('offline.day.empty')}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {files.map((file) => (
            <li key={file.id} data-testid="day-visit">
              <Anchor component={Link} to={`/visits/${file.id}`} fw={600}>
                {file.firstName} {file.lastName}
              </Anchor>
              <Text size="sm">
                {file.employer ? t('visit.employer', { name: file.employer.name }) : t('visit.noEmployer')}
                {file.dueDate ? ` — ${t('visit.due', { date: formatDay(file.dueDate) })}` : ''}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
