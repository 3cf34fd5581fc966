import type { MyDayPerson } from '@jobcoach/contract';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/index.ts';
import { PhaseBadge } from '../people/PhaseBadge.tsx';

type Listed = Pick<MyDayPerson, 'id' | 'firstName' | 'lastName' | 'phase'> &
  Partial<Pick<MyDayPerson, 'covered' | 'coachName' | 'phone'>>;

type Props<P extends Listed> = {
  id: string;
  title: string;
  /** A sentence under the title saying what the list holds. */
  hint?: string;
  empty: string;
  persons: P[];
  /** What this section says about each person (days overdue, deadline, planned day…). */
  detail: (person: P) => ReactNode;
  tone?: 'red' | 'orange';
};

/** A phone number as a tel: URL wants it: digits and a leading +, nothing else. */
export function telNumber(phone: string): string {
  return phone.replace(/[^\d+]/g, '');
}

/** One list of « Ma journée »: a heading with its count, each person linking to their file. */
export function MyDaySection<P extends Listed>({ id, title, hint, empty, persons, detail, tone }: Props<P>) {
  const t = useT();
  const headingId = `myday-${id}-title`;
  return (
    <Card component="section" withBorder padding="md" aria-labelledby={headingId} data-testid={`myday-${id}`}>
      <Group gap="xs" mb="xs" wrap="nowrap">
        <Title order={2} id={headingId} size="h3">
          {title}
        </Title>
        <Badge
          variant={persons.length > 0 && tone ? 'filled' : 'light'}
          color={tone ?? 'gray'}
          // Never squeezed by a long title on a phone: 11 must not read « 1. ».
          miw={28}
          style={{ flexShrink: 0, overflow: 'visible' }}
        >
          {persons.length}
        </Badge>
      </Group>
      {hint && (
        <Text size="sm" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      {persons.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {persons.map((person) => (
            <li key={person.id} data-testid="myday-person">
              <Group gap="xs" wrap="wrap" align="baseline">
                <Anchor component={Link} to={`/people/${person.id}`} fw={600}>
                  {person.firstName} {person.lastName}
                </Anchor>
                <PhaseBadge phase={person.phase} size="sm" />
                {person.phone && (
                  <Anchor
                    href={`tel:${telNumber(person.phone)}`}
                    size="sm"
                    aria-label={t('myday.call', {
                      name: `${person.firstName} ${person.lastName}`,
                      phone: person.phone,
                    })}
                    data-testid="myday-tel"
                  >
                    {person.phone}
                  </Anchor>
                )}
                {person.covered && (
                  <Badge size="sm" color="grape" variant="light" data-testid="covered-badge">
                    {t('myday.covered')}
                  </Badge>
                )}
              </Group>
              <Text size="sm">{detail(person)}</Text>
              {person.covered && person.coachName && (
                <Text size="xs" c="dimmed">
                  {t('myday.coveredFor', { name: person.coachName })}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
