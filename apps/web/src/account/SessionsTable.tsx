import type { AccountSession } from '@jobcoach/contract';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useT } from '../i18n/index.ts';
import { useFormatInstant } from './instant.ts';
import { summariseUserAgent } from './user-agent.ts';

type TableProps = {
  sessions: AccountSession[];
  closing: string | undefined;
  onClose: (s: AccountSession) => void;
};

/** One row per live session; every one but the current can be closed. */
export function SessionsTable({ sessions, closing, onClose }: TableProps) {
  const t = useT();
  const formatInstant = useFormatInstant();
  const describe = (userAgent: string | null) => {
    const { browser, system } = summariseUserAgent(userAgent);
    if (browser && system) return t('account.sessions.browserOn', { browser, system });
    return browser ?? system ?? t('account.sessions.unknownBrowser');
  };

  return (
    <Table.ScrollContainer minWidth={680}>
      <Table striped verticalSpacing="sm" data-testid="sessions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('account.sessions.col.browser')}</Table.Th>
            <Table.Th>{t('account.sessions.col.address')}</Table.Th>
            <Table.Th>{t('account.sessions.col.created')}</Table.Th>
            <Table.Th>{t('account.sessions.col.lastSeen')}</Table.Th>
            <Table.Th>{t('account.sessions.col.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => {
            const browser = describe(session.userAgent);
            const created = formatInstant(session.createdAt);
            return (
              <Table.Tr key={session.id} data-testid="session-row">
                <Table.Td>
                  <Group gap="xs">
                    <Text span size="sm" title={session.userAgent ?? undefined}>
                      {browser}
                    </Text>
                    {session.current && (
                      <Badge variant="light" color="blue" data-testid="current-session">
                        {t('account.sessions.current')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{session.clientAddress ?? '—'}</Table.Td>
                <Table.Td>{created}</Table.Td>
                <Table.Td>{formatInstant(session.lastSeenAt)}</Table.Td>
                <Table.Td>
                  {!session.current && (
                    <Button
                      size="xs"
                      variant="default"
                      loading={closing === session.id}
                      aria-label={t('account.sessions.closeLabel', { created, browser })}
                      onClick={() => onClose(session)}
                    >
                      {t('account.sessions.close')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
