import type { RetentionSettingsBody, RetentionSettings as RetentionSettingsValue } from '@jobcoach/contract';
import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { useT } from '../i18n/index.ts';

/** How long a person's data is kept after their exit before the nightly job anonymises it. */
export function RetentionSettings({ organisationId }: { organisationId: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const path = `/api/organisations/${encodeURIComponent(organisationId)}/retention-settings`;
  const key = ['organisations', organisationId, 'retention-settings'];
  const current = useQuery({ queryKey: key, queryFn: () => api.get<RetentionSettingsValue>(path) });
  const [years, setYears] = useState<number | string>('');
  useEffect(() => {
    if (current.data) setYears(current.data.retentionYears);
  }, [current.data]);
  const save = useMutation({
    mutationFn: () =>
      api.put<RetentionSettingsValue>(path, {
        retentionYears: Number(years),
        version: current.data?.version ?? 0,
      } satisfies RetentionSettingsBody),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      // The retention period lives on the organisation's settings row, whose version it moves.
      queryClient.invalidateQueries({ queryKey: ['organisations', organisationId, 'settings'] });
    },
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="retention-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="retention-title">
          {t('settings.retention.label')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings.retention.hint')}
        </Text>
        {current.error ? <ErrorAlert error={current.error} onRetry={() => current.refetch()} /> : null}
        <Group align="flex-end">
          <NumberInput
            label={t('settings.retention.label')}
            min={1}
            max={30}
            value={years}
            onChange={setYears}
            w={240}
          />
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!current.data}>
            {t('settings.retention.save')}
          </Button>
        </Group>
        {save.error ? <ErrorAlert error={save.error} /> : null}
      </Stack>
    </Card>
  );
}
