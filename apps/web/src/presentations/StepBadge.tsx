import type { PresentationStep } from '@jobcoach/domain';
import { Badge, type BadgeProps } from '@mantine/core';
import { useT } from '../i18n/index.ts';

const COLOURS: Record<PresentationStep, string> = {
  proposed: 'blue',
  discussed: 'blue',
  applied: 'indigo',
  introduced: 'violet',
  interview: 'violet',
  hired: 'green',
  declined: 'gray',
  refused: 'orange',
  withdrawn: 'gray',
};

/** Where a presentation stands: « Proposée », « Entretien d'embauche », « Embauché·e »… */
export function StepBadge({ step, ...props }: { step: PresentationStep } & BadgeProps) {
  const t = useT();
  return (
    <Badge variant="light" color={COLOURS[step]} data-testid="step-badge" data-step={step} {...props}>
      {t(`presentationStep.${step}`)}
    </Badge>
  );
}
