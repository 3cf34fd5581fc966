import type { Erasure, PersonFile, ReasonBody } from '@jobcoach/contract';
import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { ErrorAlert } from '../../forms/ErrorAlert.tsx';
import { useT } from '../../i18n/index.ts';
import { Panel } from '../Panel.tsx';
import { personPath } from './privacy-api.ts';

/** For coordinators: the data-subject export (PDF, JSON) and the erasure on request, confirmed. */
export function RightsCard({ person }: { person: PersonFile }) {
  const t = useT();
  const queryClient = useQueryClient();
  const path = personPath(person.id);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const erase = useMutation({
    mutationFn: () => api.post<Erasure>(`${path}/erasure`, { reason } satisfies ReasonBody),
    onSuccess: () => {
      setConfirming(false);
      queryClient.invalidateQueries({ queryKey: ['persons'] });
    },
  });
  return (
    <Panel id="privacy-rights" title={t('privacy.rights.title')} hint={t('privacy.rights.hint')}>
      <Group>
        <Anchor href={`${path}/export.pdf`} download>
          {t('privacy.rights.exportPdf')}
        </Anchor>
        <Anchor href={`${path}/export.json`} download>
          {t('privacy.rights.exportJson')}
        </Anchor>
      </Group>
      <Stack gap="xs" mt="md">
        <Title order={3} size="h5">
          {t('privacy.rights.erase')}
        </Title>
        {erase.isSuccess ? <Alert color="green">{t('privacy.rights.erased')}</Alert> : null}
        <TextInput
          label={t('privacy.rights.reason')}
          description={t('privacy.rights.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <ErrorAlert error={erase.error} />
        {confirming ? (
          <Alert color="red" title={t('privacy.rights.confirmTitle')}>
            <Text size="sm" mb="xs">
              {t('privacy.rights.confirmText')}
            </Text>
            <Group>
              <Button color="red" loading={erase.isPending} onClick={() => erase.mutate()}>
                {t('privacy.rights.confirm')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('privacy.rights.cancel')}
              </Button>
            </Group>
          </Alert>
        ) : (
          <Group>
            <Button
              color="red"
              variant="outline"
              onClick={() => setConfirming(true)}
              disabled={reason.trim().length < 10}
            >
              {t('privacy.rights.erase')}
            </Button>
          </Group>
        )}
      </Stack>
    </Panel>
  );
}
