import type { Member } from '@jobcoach/contract';
import { Badge, Button, Group, Table } from '@mantine/core';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/index.ts';

type Props = {
  caption: string;
  members: Member[];
  onEdit: (member: Member) => void;
  onResetPassword: (member: Member) => void;
  /** Admins only: « Fermer les sessions » (not on one's own row). */
  onEndSessions?: ((member: Member) => void) | undefined;
  selfId?: string;
};

export function MembersTable({ caption, members, onEdit, onResetPassword, onEndSessions, selfId }: Props) {
  const t = useT();
  const intl = useIntl();

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="sm" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('team.col.name')}</Table.Th>
            <Table.Th>{t('team.col.email')}</Table.Th>
            <Table.Th>{t('team.col.role')}</Table.Th>
            <Table.Th>{t('team.col.fte')}</Table.Th>
            <Table.Th>{t('team.col.status')}</Table.Th>
            <Table.Th>{t('team.col.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.userId}>
              <Table.Td>{member.name}</Table.Td>
              <Table.Td>{member.email}</Table.Td>
              <Table.Td>{t(`role.${member.role}`)}</Table.Td>
              <Table.Td>{intl.formatNumber(member.fte, { maximumFractionDigits: 2 })}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={member.active ? 'green' : 'gray'} variant="light" miw="max-content">
                    {t(member.active ? 'team.active' : 'team.inactive')}
                  </Badge>
                  {member.mustChangePassword && (
                    <Badge color="orange" variant="light" miw="max-content">
                      {t('team.temporaryPassword')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('team.editLabel', { name: member.name })}
                    onClick={() => onEdit(member)}
                  >
                    {t('team.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={t('team.resetLabel', { name: member.name })}
                    onClick={() => onResetPassword(member)}
                  >
                    {t('team.reset')}
                  </Button>
                  {onEndSessions && member.userId !== selfId && (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('team.endSessionsLabel', { name: member.name })}
                      onClick={() => onEndSessions(member)}
                    >
                      {t('team.endSessions')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
