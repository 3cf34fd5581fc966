import type { SetupChecklist as Checklist } from '@jobcoach/contract';
import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { type MessageId, useT } from '../i18n/index.ts';
import { AddPartnerModal } from '../referral/AddPartnerModal.tsx';
import { useDismissSetupItem, useRefreshChecklist, useSetupChecklist } from './team-home-api.ts';

type Item = Checklist['items'][number];

/** Where each item is done: a screen, or (partners) a form opened here. */
const SCREENS: Record<Item['key'], string | null> = {
  team: '/team',
  settings: '/settings',
  partners: null,
  history: '/history-import',
};

/**
 * « Pour bien démarrer »: the setup checklist of a coordinator's home, shown until each item is done
 * (or set aside, for the settings and the history import).
 */
export function SetupChecklist() {
  const t = useT();
  const checklist = useSetupChecklist();
  const dismiss = useDismissSetupItem();
  const refresh = useRefreshChecklist();
  const [addingPartner, setAddingPartner] = useState(false);
  if (!checklist.data || checklist.data.complete) return null;

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="setup-checklist-title"
      data-testid="setup-checklist"
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="setup-checklist-title">
          {t('checklist.title')}
        </Title>
        <Text size="sm">{t('checklist.intro')}</Text>
        <ErrorAlert error={dismiss.error} />
        <List spacing="sm" listStyleType="none" ml={0} pl={0}>
          {checklist.data.items.map((item) => {
            const state = item.done ? 'done' : item.dismissed ? 'dismissed' : 'todo';
            const screen = SCREENS[item.key];
            return (
              <List.Item key={item.key} data-testid={`checklist-${item.key}`} data-state={state}>
                <Group gap="sm" wrap="wrap">
                  <Badge
                    color={state === 'done' ? 'teal' : state === 'dismissed' ? 'gray' : 'orange'}
                    variant="light"
                  >
                    {t(`checklist.state.${state}` as MessageId)}
                  </Badge>
                  <Text fw={500}>{t(`checklist.${item.key}` as MessageId)}</Text>
                  {state === 'todo' &&
                    (screen ? (
                      <Anchor component={Link} to={screen} size="sm">
                        {t(`checklist.${item.key}.action` as MessageId)}
                      </Anchor>
                    ) : (
                      <Button variant="subtle" size="compact-sm" onClick={() => setAddingPartner(true)}>
                        {t(`checklist.${item.key}.action` as MessageId)}
                      </Button>
                    ))}
                  {state === 'todo' && item.dismissible && (
                    <Button
                      variant="subtle"
                      color="gray"
                      size="compact-sm"
                      loading={dismiss.isPending && dismiss.variables?.item === item.key}
                      onClick={() => dismiss.mutate({ item: item.key as 'settings' | 'history' })}
                    >
                      {t(`checklist.${item.key}.dismiss` as MessageId)}
                    </Button>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {t(`checklist.${item.key}.hint` as MessageId)}
                </Text>
              </List.Item>
            );
          })}
        </List>
      </Stack>
      {addingPartner && (
        <AddPartnerModal
          onClose={() => setAddingPartner(false)}
          onCreated={() => {
            setAddingPartner(false);
            void refresh();
          }}
        />
      )}
    </Card>
  );
}
