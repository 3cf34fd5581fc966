import type { Me, ReceivedInvitation } from '@jobcoach/contract';
import { brusselsDate } from '@jobcoach/domain';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { PageHeading } from '../shell/PageHeading.tsx';
import { answerLater } from './later.ts';
import { meKey, useSession } from './session.ts';

type Answer = { id: string; accept: boolean };

/**
 * The confirmation shown at login while an organisation's invitation waits: the user joins it by
 * accepting, or declines. Until then the organisation has no hold on the account.
 */
export function InvitationsPage() {
  const t = useT();
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: ({ id, accept }: Answer) =>
      api.post<Me>(`/api/auth/invitations/${encodeURIComponent(id)}/${accept ? 'accept' : 'decline'}`),
    onSuccess: (next) => {
      queryClient.setQueryData(meKey, next);
      queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      if (next.invitations.length === 0) navigate('/', { replace: true });
    },
  });
  const putOff = () => {
    answerLater(me.invitations.map((i) => i.id));
    navigate('/', { replace: true });
  };

  return (
    <Stack maw={680} gap="md">
      <PageHeading>{t('invitations.title')}</PageHeading>
      <ErrorAlert error={answer.error} />
      {me.invitations.length === 0 ? (
        <Alert color="blue" role="status">
          {t(
            me.memberships.length === 0 && !me.user.isAdmin
              ? 'invitations.noneNoOrganisation'
              : 'invitations.none',
          )}
        </Alert>
      ) : (
        me.invitations.map((invitation) => (
          <InvitationCard
            key={invitation.id}
            invitation={invitation}
            pending={answer.isPending && answer.variables?.id === invitation.id}
            disabled={answer.isPending}
            onAnswer={(accept) => answer.mutate({ id: invitation.id, accept })}
          />
        ))
      )}
      {me.invitations.length > 0 && me.memberships.length > 0 && (
        <Group>
          <Button variant="subtle" onClick={putOff}>
            {t('invitations.later')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function InvitationCard({
  invitation,
  pending,
  disabled,
  onAnswer,
}: {
  invitation: ReceivedInvitation;
  pending: boolean;
  disabled: boolean;
  onAnswer: (accept: boolean) => void;
}) {
  const t = useT();
  const until = formatDay(brusselsDate(new Date(invitation.expiresAt)));
  const titleId = `invitation-${invitation.id}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId} data-testid="invitation">
      <Stack gap="xs">
        <Title order={2} size="h3" id={titleId}>
          {t('invitations.heading', { organisation: invitation.organisationName })}
        </Title>
        <Text>
          {t('invitations.text', {
            organisation: invitation.organisationName,
            role: t(`role.${invitation.role}`),
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {invitation.invitedByName
            ? t('invitations.from', { name: invitation.invitedByName, date: until })
            : t('invitations.until', { date: until })}
        </Text>
        <Text size="sm">{t('invitations.consequence')}</Text>
        <Group mt="sm">
          <Button loading={pending} disabled={disabled && !pending} onClick={() => onAnswer(true)}>
            {t('invitations.accept')}
          </Button>
          <Button variant="default" disabled={disabled} onClick={() => onAnswer(false)}>
            {t('invitations.decline')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
