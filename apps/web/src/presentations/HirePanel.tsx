import type { PresentationHire } from '@jobcoach/contract';
import { Alert, Button, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api.ts';
import { ErrorAlert } from '../forms/ErrorAlert.tsx';
import { formatDay } from '../i18n/dates.ts';
import { useT } from '../i18n/index.ts';
import { Spinner } from '../shell/Loading.tsx';

/**
 * The hire seen from the employer, for one presentation: the aids the person opens today (with why,
 * what to check with the employer and the source), and the estimated monthly cost of the offer's
 * hours at a gross hourly wage the coach enters, aids deducted, every assumption shown.
 */
export function HirePanel({ presentationId }: { presentationId: string }) {
  const t = useT();
  const intl = useIntl();
  const [wage, setWage] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const hire = useQuery({
    queryKey: ['presentations', 'hire', presentationId, asked],
    queryFn: () =>
      api.get<PresentationHire>(
        `/api/presentations/${presentationId}/hire${asked ? `?grossHourly=${encodeURIComponent(asked)}` : ''}`,
      ),
  });
  const euros = (n: number) => intl.formatNumber(n, { style: 'currency', currency: 'EUR' });
  if (hire.isPending) return <Spinner />;
  if (hire.error) return <ErrorAlert error={hire.error} onRetry={() => hire.refetch()} />;
  const { aids, estimate, hoursPerWeek, on } = hire.data;
  return (
    <Stack gap="xs" mt="sm" data-testid="hire-panel">
      <Title order={4} size="h5">
        {t('hire.aids', { date: formatDay(on) })}
      </Title>
      {aids.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('hire.aidsNone')}
        </Text>
      ) : (
        <List size="sm" spacing={4} data-testid="hire-aids">
          {aids.map((a) => (
            <List.Item key={a.code} data-testid="hire-aid">
              <Text size="sm" fw={700} span>
                {a.name}
              </Text>{' '}
              — {a.amount}
              {a.because.length > 0 && (
                <Text size="xs">{t('hire.because', { because: a.because.join(', ') })}</Text>
              )}
              {a.employerCondition && (
                <Text size="xs">{t('hire.employerCondition', { condition: a.employerCondition })}</Text>
              )}
              <Text size="xs" c="dimmed">
                {t('hire.source', { source: a.source, from: formatDay(a.validFrom) })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed">
        {t('hire.never')}
      </Text>
      {hoursPerWeek === null ? (
        <Text size="sm">{t('hire.noHours')}</Text>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setAsked(wage.trim().replace(',', '.'));
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('hire.grossHourly')}
              inputMode="decimal"
              value={wage}
              onChange={(event) => setWage(event.currentTarget.value)}
              data-testid="hire-wage"
            />
            <Button type="submit" variant="light" data-testid="hire-estimate">
              {t('hire.estimate')}
            </Button>
          </Group>
        </form>
      )}
      {estimate && (
        <Stack gap={4} data-testid="hire-cost">
          <Alert color="yellow" p="xs">
            {estimate.notice}
          </Alert>
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              {estimate.lines.map((line) => (
                <Table.Tr key={line.label}>
                  <Table.Td>{line.label}</Table.Td>
                  <Table.Td ta="right">{euros(line.amount)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={700}>{t('hire.costBefore')}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {euros(estimate.costBeforeAids)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('hire.aidsDeducted')}</Table.Td>
                <Table.Td ta="right">{euros(-estimate.aidsDeducted)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td fw={700}>{t('hire.costAfter')}</Table.Td>
                <Table.Td ta="right" fw={700} data-testid="hire-cost-after">
                  {euros(estimate.costAfterAids)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {estimate.aidsNotCounted.length > 0 && (
            <Text size="xs">{t('hire.notCounted', { aids: estimate.aidsNotCounted.join(', ') })}</Text>
          )}
          <Text size="sm" fw={700}>
            {t('hire.assumptions')}
          </Text>
          <List size="xs" data-testid="hire-assumptions">
            {estimate.assumptions.map((a) => (
              <List.Item key={a}>{a}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
