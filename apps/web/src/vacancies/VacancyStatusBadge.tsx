import type { VacancyStatus } from '@jobcoach/contract';
import { Badge, type BadgeProps } from '@mantine/core';
import { useT } from '../i18n/index.ts';

const COLOURS: Record<VacancyStatus, string> = { open: 'green', filled: 'blue', closed: 'gray' };

export function VacancyStatusBadge({ status, ...props }: { status: VacancyStatus } & BadgeProps) {
  const t = useT();
  return (
    <Badge
      variant="light"
      color={COLOURS[status]}
      miw="max-content"
      data-testid="vacancy-status"
      data-status={status}
      {...props}
    >
      {t(`vacancyStatus.${status}`)}
    </Badge>
  );
}
