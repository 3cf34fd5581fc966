import type { PersonFile } from '@jobcoach/contract';
import { Stack } from '@mantine/core';
import { isCoordinator } from '../../auth/permissions.ts';
import { useSession } from '../../auth/session.ts';
import { ConsentsCard } from './ConsentsCard.tsx';
import { HandoffsCard } from './HandoffsCard.tsx';
import { RightsCard } from './RightsCard.tsx';

/**
 * « Données personnelles » : the person's consents per purpose, hand-offs to partners (refused
 * without a sharing consent), and for coordinators the export and the erasure on request.
 */
export function PrivacyTab({ person }: { person: PersonFile }) {
  const coordinator = isCoordinator(useSession());
  return (
    <Stack gap="md">
      <ConsentsCard person={person} />
      <HandoffsCard person={person} />
      {coordinator ? <RightsCard person={person} /> : null}
    </Stack>
  );
}
