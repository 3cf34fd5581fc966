import type { PersonFile } from '@jobcoach/contract';
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { PlannedContacts } from '../agenda/PlannedContacts.tsx';
import { isCoordinator } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { readDraft } from '../forms/drafts.ts';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { PhaseBadge } from '../people/PhaseBadge.tsx';
import { PageHeading } from '../shell/PageHeading.tsx';
import { AssignCoachModal } from './AssignCoachModal.tsx';
import { ContactModal, contactDraftKey } from './ContactModal.tsx';

const PRIORITY_CODES = [
  'jobless_24_months',
  'over_45_jobless_12_months',
  'debt_settlement_plan',
  'low_qualified_single_parent',
] as const;

/** Name, phase, coach, priority groups (computed by the server), and the most frequent action. */
export function PersonHeader({ person }: { person: PersonFile }) {
  const t = useT();
  const me = useSession();
  // A contact note left in progress (a reload, a session that ended) opens again with its text.
  const [dialog, setDialog] = useState<'contact' | 'coach' | null>(() =>
    readDraft(contactDraftKey(me.user.id, person.id)) ? 'contact' : null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setDialog(null);
  const priorityLabel = (group: { code: string; label: string }) => {
    const code = PRIORITY_CODES.find((c) => c === group.code);
    return code ? t(`priority.${code}`) : group.label;
  };

  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-start">
        <PageHeading>{`${person.firstName} ${person.lastName}`}</PageHeading>
        <Button onClick={() => setDialog('contact')} disabled={person.phase === 'exited'}>
          {t('contact.add')}
        </Button>
      </Group>
      <Group gap="xs">
        <PhaseBadge phase={person.phase} size="lg" />
        {person.priorityGroups.map((group) => (
          <Badge
            key={group.code}
            variant="outline"
            color="blue"
            size="lg"
            h="auto"
            py={4}
            styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
            data-testid="priority-badge"
          >
            {priorityLabel(group)}
          </Badge>
        ))}
      </Group>
      <Group gap="lg">
        <Text data-testid="person-coach">
          {person.coachName ? t('person.coach', { name: person.coachName }) : t('person.noCoach')}
        </Text>
        {isCoordinator(me) && (
          <Button variant="subtle" size="compact-sm" onClick={() => setDialog('coach')}>
            {t('person.assign')}
          </Button>
        )}
        {person.ageToday !== null && <Text>{t('person.age', { age: person.ageToday })}</Text>}
        {person.phone && <Text>{t('person.phoneShort', { phone: person.phone })}</Text>}
      </Group>
      <PlannedContacts person={person} />
      {notice && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNotice(null)}
          data-testid="person-notice"
        >
          {notice}
        </Alert>
      )}
      {dialog === 'contact' && (
        <ContactModal
          person={person}
          onClose={close}
          onSaved={(date) => {
            close();
            setNotice(t('contact.saved', { date: formatDay(date) }));
          }}
        />
      )}
      {dialog === 'coach' && <AssignCoachModal person={person} onClose={close} />}
    </Stack>
  );
}
