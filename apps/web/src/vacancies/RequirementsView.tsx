import type { Requirements, VacancyFile } from '@jobcoach/contract';
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { type Translate, useT } from '../i18n/index.ts';
import { describeLanguage } from './LanguagesField.tsx';

function rows(r: Requirements, t: Translate): [string, ReactNode][] {
  const none = t('vacancy.req.notAsked');
  return [
    [t('vacancy.req.diplomaLevel'), r.diplomaLevel ? t(`diploma.${r.diplomaLevel}`) : none],
    [
      t('vacancy.req.languages'),
      r.languages.length === 0 ? none : r.languages.map((l) => describeLanguage(l, t)).join(' ; '),
    ],
    [t('vacancy.req.drivingLicenceShort'), r.drivingLicence ? t('vacancy.req.asked') : none],
    [t('vacancy.req.carShort'), r.car ? t('vacancy.req.asked') : none],
    [
      t('vacancy.req.experienceYears'),
      r.experienceYears === null || r.experienceYears === 0
        ? none
        : t('vacancy.req.years', { years: r.experienceYears }),
    ],
  ];
}

function Block({
  title,
  requirements,
  basis,
  children,
  testId,
}: {
  title: string;
  requirements: Requirements | null;
  basis: boolean;
  children?: ReactNode;
  testId: string;
}) {
  const t = useT();
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={`${testId}-title`}
      data-testid={testId}
      bg={basis ? 'teal.0' : undefined}
      style={basis ? { borderColor: 'var(--mantine-color-teal-7)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" align="flex-start" mb="xs" gap="xs">
        <Title order={3} size="h4" id={`${testId}-title`}>
          {title}
        </Title>
        {basis && (
          <Badge color="teal.9" variant="filled" data-testid="matching-basis">
            {t('vacancy.basisBadge')}
          </Badge>
        )}
      </Group>
      {requirements === null ? (
        <Text c="dimmed">{t('vacancy.notObjectified')}</Text>
      ) : (
        <Stack gap="xs">
          {children}
          {requirements.text && <Text style={{ whiteSpace: 'pre-line' }}>{requirements.text}</Text>}
          <Table
            verticalSpacing={2}
            variant="vertical"
            layout="fixed"
            withRowBorders={false}
            bg="transparent"
          >
            <Table.Tbody>
              {rows(requirements, t).map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row" w="45%" bg="transparent">
                    {label}
                  </Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Card>
  );
}

/** Published and objectified requirements side by side; the one matching uses is highlighted. */
export function RequirementsView({ vacancy }: { vacancy: VacancyFile }) {
  const t = useT();
  const objectified = vacancy.objectified;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Block
        title={t('vacancy.published.title')}
        requirements={vacancy.published}
        basis={objectified === null}
        testId="published-requirements"
      />
      <Block
        title={t('vacancy.objectified.title')}
        requirements={objectified}
        basis={objectified !== null}
        testId="objectified-requirements"
      >
        {objectified && (
          <div>
            <Text fw={600} size="sm">
              {t('vacancy.req.taskDescription')}
            </Text>
            <Text style={{ whiteSpace: 'pre-line' }} data-testid="task-description">
              {objectified.taskDescription}
            </Text>
          </div>
        )}
      </Block>
    </SimpleGrid>
  );
}
