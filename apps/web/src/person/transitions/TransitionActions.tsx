import type { PersonFile, TransitionOption } from '@jobcoach/contract';
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { Panel } from '../Panel.tsx';
import { TransitionModal } from './TransitionModal.tsx';
import { useTransitionLabel } from './transition-labels.ts';

/**
 * Exactly the moves the server offers (its transition table and guards, for this user's role), and
 * why a move the phase would allow is held back.
 */
export function TransitionActions({ person }: { person: PersonFile }) {
  const t = useT();
  const label = useTransitionLabel();
  const [open, setOpen] = useState<TransitionOption | null>(null);
  return (
    <Panel id="actions" title={t('transition.title')}>
      {person.allowedTransitions.length === 0 ? (
        <Text c="dimmed">{t('transition.none')}</Text>
      ) : (
        <Group gap="sm">
          {person.allowedTransitions.map((option) => (
            <Button
              key={option.id}
              variant={option.id === 'exit' ? 'default' : 'filled'}
              onClick={() => setOpen(option)}
              data-testid={`transition-${option.id}`}
            >
              {label(option)}
            </Button>
          ))}
        </Group>
      )}
      {person.blockedTransitions.map((blocked) => (
        <Text key={blocked.id} size="sm" c="dimmed" mt="xs" data-testid={`blocked-${blocked.id}`}>
          {t(`transition.blocked.${blocked.guard}`, { move: label({ id: blocked.id }) })}
        </Text>
      ))}
      {open && <TransitionModal person={person} option={open} onClose={() => setOpen(null)} />}
    </Panel>
  );
}
