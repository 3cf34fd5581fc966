import type { PersonFile } from '@jobcoach/contract';
import { SimpleGrid, Stack } from '@mantine/core';
import { AssessmentSection } from './assessment/AssessmentSection.tsx';
import { CadencePanel } from './CadencePanel.tsx';
import { ClockPanel } from './ClockPanel.tsx';
import { ReferralSummary } from './ReferralSummary.tsx';
import { TrustContractSection } from './TrustContractSection.tsx';
import { TransitionActions } from './transitions/TransitionActions.tsx';

/**
 * In the order of the work. During intake: the referral, the coachability assessment, the trust
 * contract, then the move to pre-hire. Afterwards: clocks and contacts, the next moves, and the
 * intake's records below (the jobs held are in « Parcours professionnel », contracts/).
 */
export function TrajectoryTab({ person }: { person: PersonFile }) {
  if (person.phase === 'intake') {
    return (
      <Stack gap="md">
        <ReferralSummary person={person} />
        <AssessmentSection person={person} />
        <TrustContractSection person={person} />
        <TransitionActions person={person} />
        {person.cadence.lastDirectContact && <CadencePanel person={person} />}
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: person.clock ? 2 : 1 }} spacing="md">
        {person.clock && <ClockPanel person={person} clock={person.clock} />}
        <CadencePanel person={person} />
      </SimpleGrid>
      <TransitionActions person={person} />
      <TrustContractSection person={person} />
      {person.assessment && <AssessmentSection person={person} />}
    </Stack>
  );
}
