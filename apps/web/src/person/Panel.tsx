import { Card, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { id: string; title: string; hint?: string; children: ReactNode };

/**
 * A titled card of the person's page: a <section> named by its <h2>, with an optional line of
 * explanation in grey under the title.
 */
export function Panel({ id, title, hint, children }: Props) {
  return (
    <Card component="section" withBorder padding="md" aria-labelledby={`${id}-title`} data-testid={id}>
      <Title order={2} size="h3" id={`${id}-title`} mb={hint ? undefined : 'xs'}>
        {title}
      </Title>
      {hint ? (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      ) : null}
      {children}
    </Card>
  );
}
