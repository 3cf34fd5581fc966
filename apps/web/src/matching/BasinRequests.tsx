import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Panel } from '../person/Panel.tsx';
import { Spinner } from '../shell/Loading.tsx';
import { useDecideBasinRequest, useIncomingBasinRequests } from './matching-api.ts';

/** Requests of other organisations of the basin to present a candidate for this vacancy. */
export function BasinRequests({ vacancyId }: { vacancyId: string }) {
  const t = useT();
  const requests = useIncomingBasinRequests(vacancyId);
  const decide = useDecideBasinRequest();
  if (requests.isPending) return <Spinner />;
  if (requests.error) return <ErrorAlert error={requests.error} onRetry={() => requests.refetch()} />;
  if (requests.data.length === 0) return null;
  return (
    <Panel id="basin-requests" title={t('basin.requests.title')}>
      <Stack gap="sm">
        <ErrorAlert error={decide.error} />
        {requests.data.map((r) => (
          <Card key={r.id} withBorder padding="sm" data-testid="basin-request">
            <Text size="sm">
              {t('basin.requests.from', { organisation: r.organisationName, note: r.note })}
            </Text>
            {r.status === 'pending' ? (
              <Group gap="xs" mt="xs">
                <Button size="xs" onClick={() => decide.mutate({ id: r.id, decision: 'accepted' })}>
                  {t('basin.accept')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => decide.mutate({ id: r.id, decision: 'declined' })}
                >
                  {t('basin.decline')}
                </Button>
              </Group>
            ) : (
              <Text size="sm" fw={600} mt="xs">
                {t(`basin.status.${r.status}`)} {r.decidedOn ? `(${formatDay(r.decidedOn)})` : ''}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    </Panel>
  );
}
