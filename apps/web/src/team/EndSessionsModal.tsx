import type { Member } from '@jobcoach/contract';
import { Button, Group, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { CancelButton, FormModal } from '../forms/FormModal.tsx';
import { useT } from '../i18n/index.ts';
import { useEndUserSessions, useUserSessions } from './team-api.ts';

type Props = { member: Member; onClose: () => void; onDone: () => void };

/** Admins: sign a member out of every browser (a lost laptop, a departure), after confirming. */
export function EndSessionsModal({ member, onClose, onDone }: Props) {
  const t = useT();
  const sessions = useUserSessions(member.userId);
  const end = useEndUserSessions();

  return (
    <FormModal title={t('team.endSessions.title', { name: member.name })} onClose={onClose}>
      <Stack gap="sm">
        <Text>{t('team.endSessions.intro', { name: member.name })}</Text>
        {sessions.data && (
          <Text fw={600} data-testid="member-session-count">
            {t('team.endSessions.count', { count: sessions.data.length })}
          </Text>
        )}
        <ErrorAlert error={sessions.error ?? end.error} />
        <Group justify="flex-end" mt="sm">
          <CancelButton />
          <Button
            color="red"
            loading={end.isPending}
            onClick={() => end.mutate(member.userId, { onSuccess: onDone })}
          >
            {t('team.endSessions.submit')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
