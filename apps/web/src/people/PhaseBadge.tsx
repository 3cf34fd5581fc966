import type { Phase } from '@jobcoach/domain';
import { Badge, type BadgeProps } from '@mantine/core';
import { useT } from '../i18n/index.ts';

const COLOURS: Record<Phase, string> = {
  intake: 'gray',
  pre_hire: 'blue',
  hiring: 'violet',
  follow_up: 'teal',
  exited: 'dark',
};

/** The phase of a trajectory (Accueil, Pré-embauche…), one colour each. */
export function PhaseBadge({ phase, ...props }: { phase: Phase } & BadgeProps) {
  const t = useT();
  return (
    <Badge variant="light" color={COLOURS[phase]} data-testid="phase-badge" {...props}>
      {t(`phase.${phase}`)}
    </Badge>
  );
}
