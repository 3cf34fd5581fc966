import type { EmployerFile } from '@jobcoach/contract';
import { formatBce } from '@jobcoach/domain';
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { Panel } from '../person/Panel.tsx';
import { naceLabel } from './sector.ts';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="40%" fw={600}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** Identity and the single reference person: the facts the organisations of the basin share. */
export function EmployerIdentity({ employer, onEdit }: { employer: EmployerFile; onEdit: () => void }) {
  const t = useT();
  const none = (
    <Text span c="dimmed">
      {t('common.notStated')}
    </Text>
  );
  const ref = employer.reference;
  return (
    <Panel id="employer-identity" title={t('employer.identity.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('employer.identity.shared')}
        </Text>
        <Table verticalSpacing={4} variant="vertical" layout="fixed">
          <Table.Tbody>
            <Row label={t('employer.field.bce')}>{employer.bce ? formatBce(employer.bce) : none}</Row>
            <Row label={t('employer.field.naceCode')}>{naceLabel(employer.naceCode, t) || none}</Row>
            <Row label={t('employer.field.sizeClass')}>
              {employer.sizeClass ? t(`sizeClass.${employer.sizeClass}`) : none}
            </Row>
            <Row label={t('employer.field.sector')}>{t(`employerSector.${employer.sector}`)}</Row>
            <Row label={t('employer.field.address')}>
              {[employer.address, [employer.postcode, employer.commune].filter(Boolean).join(' ')]
                .filter(Boolean)
                .join(', ') || none}
            </Row>
          </Table.Tbody>
        </Table>
        <Text fw={700} mt="xs">
          {t('employer.group.reference')}
        </Text>
        {ref ? (
          <Stack gap={2} data-testid="employer-reference">
            <Text>
              {ref.name}
              {ref.role ? ` — ${ref.role}` : ''}
            </Text>
            {ref.phone && <Anchor href={`tel:${ref.phone.replace(/[^\d+]/g, '')}`}>{ref.phone}</Anchor>}
            {ref.email && <Anchor href={`mailto:${ref.email}`}>{ref.email}</Anchor>}
          </Stack>
        ) : (
          <Text c="dimmed">{t('employer.noReference')}</Text>
        )}
        <Group>
          <Button variant="default" onClick={onEdit} data-testid="employer-edit">
            {t('employer.edit.open')}
          </Button>
        </Group>
      </Stack>
    </Panel>
  );
}

/** The organisation's own notes on the employer: the other organisations never see them. */
export function EmployerNotes({ employer, onEdit }: { employer: EmployerFile; onEdit: () => void }) {
  const t = useT();
  const notes = employer.ownNotes ?? employer.notes;
  return (
    <Panel id="employer-notes" title={t('employer.notes.title')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('employer.notesPrivate')}
      </Text>
      {notes ? (
        <Text style={{ whiteSpace: 'pre-line' }}>{notes}</Text>
      ) : (
        <Text c="dimmed">{t('employer.notes.none')}</Text>
      )}
      <Group mt="xs">
        <Button variant="subtle" size="compact-sm" onClick={onEdit}>
          {t('employer.notes.edit')}
        </Button>
      </Group>
    </Panel>
  );
}
