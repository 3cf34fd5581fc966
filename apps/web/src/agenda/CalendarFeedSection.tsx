import { Alert, Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { CopyButton } from '../account/CopyButton.tsx';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from './agenda-api.ts';

/**
 * « Abonnement calendrier »: a private address where Outlook or a phone's calendar reads the
 * planned contacts. It is shown once, when made (only its digest is kept); revoked, it stops
 * answering, and a new one can be made.
 */
export function CalendarFeedSection() {
  const t = useT();
  const status = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const shown = useRef<HTMLElement>(null);
  const active = status.data?.active === true;

  return (
    <Card
      component="section"
      withBorder
      padding="md"
      aria-labelledby="calendar-feed-title"
      data-testid="calendar-feed"
    >
      <Title order={2} id="calendar-feed-title" size="h3" mb="xs">
        {t('feed.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('feed.intro')}</Text>
        <ErrorAlert error={status.error ?? create.error ?? revoke.error} />
        {url && (
          <Alert color="green" role="status" data-testid="calendar-feed-url">
            <Stack gap={4}>
              <Text size="sm">{t('feed.created')}</Text>
              <Code ref={shown} block data-testid="calendar-feed-address">
                {url}
              </Code>
              <CopyButton value={url} label={t('feed.copy')} target={shown} />
            </Stack>
          </Alert>
        )}
        {!url && active && <Text size="sm">{t('feed.active')}</Text>}
        <Group gap="sm">
          <Button
            variant={active ? 'default' : 'filled'}
            loading={create.isPending}
            onClick={() =>
              create.mutate(undefined, {
                onSuccess: (created) => setUrl(`${window.location.origin}${created.url}`),
              })
            }
          >
            {t(active ? 'feed.renew' : 'feed.create')}
          </Button>
          {active && (
            <Button
              color="red"
              variant="light"
              loading={revoke.isPending}
              onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}
            >
              {t('feed.revoke')}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('feed.privacy')}
        </Text>
      </Stack>
    </Card>
  );
}
