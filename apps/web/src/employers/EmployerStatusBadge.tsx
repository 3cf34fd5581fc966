import type { EmployerStatus } from '@jobcoach/contract';
import { Badge, type BadgeProps } from '@mantine/core';
import { useT } from '../i18n/index.ts';

const COLOURS: Record<EmployerStatus, string> = {
  prospect: 'gray',
  contacted: 'blue',
  partner: 'green',
  dormant: 'orange',
};

/** Prospect, contacté, partenaire, en veille: one colour each, the word always written. */
export function EmployerStatusBadge({ status, ...props }: { status: EmployerStatus } & BadgeProps) {
  const t = useT();
  return (
    <Badge
      variant="light"
      color={COLOURS[status]}
      miw="max-content"
      data-testid="employer-status"
      data-status={status}
      {...props}
    >
      {t(`employerStatus.${status}`)}
    </Badge>
  );
}
