import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card of the person's page: a <section> named by its <h2>. */
export function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card component="section" withBorder padding="md" aria-labelledby={`${id}-title`} data-testid={id}>
      <Title order={2} size="h3" id={`${id}-title`} mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}
