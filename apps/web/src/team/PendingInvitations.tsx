import type { Invitation } from '@jobcoach/contract';
import { brusselsDate } from '@jobcoach/domain';
import { Badge, Button, Table, Text } from '@mantine/core';
import { useIntl } from 'react-intl';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { useInvitations, useRevokeInvitation } from './team-api.ts';

const day = (iso: string) => formatDay(brusselsDate(new Date(iso)));

/**
 * The organisation's invitations waiting for an answer. The person joins the team when they accept
 * it at their next login; what is shown is what the coordinator typed (never an account's data).
 */
export function PendingInvitations({ organisationId }: { organisationId: string }) {
  const t = useT();
  const intl = useIntl();
  const invitations = useInvitations(organisationId);
  const revoke = useRevokeInvitation(organisationId);

  if (invitations.isPending) return null;
  if (invitations.error) {
    return <ErrorAlert error={invitations.error} onRetry={() => invitations.refetch()} />;
  }
  if (invitations.data.length === 0) return null;
  const status = (invitation: Invitation) =>
    invitation.expired ? (
      <Badge color="gray" variant="light" miw="max-content">
        {t('team.invitations.expired')}
      </Badge>
    ) : (
      <Text size="sm">{t('team.invitations.until', { date: day(invitation.expiresAt) })}</Text>
    );

  return (
    <>
      <ErrorAlert error={revoke.error} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="sm" captionSide="top" data-testid="pending-invitations">
          <Table.Caption>{t('team.invitations.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('team.col.name')}</Table.Th>
              <Table.Th>{t('team.col.email')}</Table.Th>
              <Table.Th>{t('team.col.role')}</Table.Th>
              <Table.Th>{t('team.col.fte')}</Table.Th>
              <Table.Th>{t('team.invitations.sent')}</Table.Th>
              <Table.Th>{t('team.col.status')}</Table.Th>
              <Table.Th>{t('team.col.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.data.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>{invitation.name}</Table.Td>
                <Table.Td>{invitation.email}</Table.Td>
                <Table.Td>{t(`role.${invitation.role}`)}</Table.Td>
                <Table.Td>{intl.formatNumber(invitation.fte, { maximumFractionDigits: 2 })}</Table.Td>
                <Table.Td>{day(invitation.createdAt)}</Table.Td>
                <Table.Td>{status(invitation)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('team.invitations.revokeLabel', { name: invitation.name })}
                    loading={revoke.isPending && revoke.variables === invitation.id}
                    onClick={() => revoke.mutate(invitation.id)}
                  >
                    {t('team.invitations.revoke')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
