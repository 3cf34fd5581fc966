import type { EmployerContact, EmployerFile } from '@jobcoach/contract';
import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { isCoordinator } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { ContactCorrectionModal } from '../person/ContactCorrectionModal.tsx';
import { Panel } from '../person/Panel.tsx';
import { usePersonNames } from './person-options.ts';

/** The organisation's own contacts with the employer, newest first (the basin sees only « who, when »). */
export function EmployerContacts({ employer, onAdd }: { employer: EmployerFile; onAdd: () => void }) {
  const t = useT();
  const names = usePersonNames();
  const me = useSession();
  const [cancelling, setCancelling] = useState<EmployerContact | null>(null);
  const mayCancel = (c: EmployerContact) =>
    c.status !== 'cancelled' && (c.authorId === me.user.id || isCoordinator(me));
  const contacts = [...employer.contacts].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <Panel id="employer-contacts" title={t('employer.contacts.title')}>
      {cancelling && (
        <ContactCorrectionModal
          entry={{
            date: cancelling.date,
            title: t(`channel.${cancelling.channel}`),
            entity: { id: cancelling.id, version: cancelling.version },
          }}
          mode="cancel"
          onClose={() => setCancelling(null)}
        />
      )}
      <Text size="sm" c="dimmed" mb="xs">
        {t('employer.contacts.intro')}
      </Text>
      {contacts.length === 0 ? (
        <Text c="dimmed">{t('employer.contacts.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
          <Table verticalSpacing="xs" striped data-testid="employer-contacts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('employer.contact.date')}</Table.Th>
                <Table.Th>{t('employer.contact.channel')}</Table.Th>
                <Table.Th>{t('employer.contact.purpose')}</Table.Th>
                <Table.Th>{t('employer.contacts.by')}</Table.Th>
                <Table.Th>{t('employer.contact.person')}</Table.Th>
                <Table.Th>{t('employer.contacts.notes')}</Table.Th>
                <Table.Th>{t('employer.contacts.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatDay(c.date)}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {t(`channel.${c.channel}`)}
                      {c.direct && (
                        <Badge size="sm" variant="light" color="teal">
                          {t('employer.contacts.direct')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.purpose ? t(`employerPurpose.${c.purpose}`) : ''}</Table.Td>
                  <Table.Td>{c.authorName ?? ''}</Table.Td>
                  <Table.Td>
                    {c.personId && (
                      <Anchor component={Link} to={`/people/${c.personId}`}>
                        {c.personName ?? names.get(c.personId) ?? t('employer.contacts.openPerson')}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line' }}>{c.notes ?? ''}</Table.Td>
                  <Table.Td>
                    {c.status !== 'recorded' && (
                      <Badge
                        size="sm"
                        variant="outline"
                        color={c.status === 'cancelled' ? 'red' : 'yellow'}
                        title={c.statusReason ?? undefined}
                      >
                        {t(`timeline.status.${c.status}`)}
                      </Badge>
                    )}
                    {mayCancel(c) && (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setCancelling(c)}>
                        {t('correction.cancel')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group mt="sm">
        <Button variant="default" onClick={onAdd}>
          {t('employer.contact.add')}
        </Button>
      </Group>
    </Panel>
  );
}
