import type { SteeringReport } from '@jobcoach/contract';
import { type ReportValue, SMALL_CELL } from '@jobcoach/domain';
import { Card, SimpleGrid, Text } from '@mantine/core';
import { type MessageId, useT } from '../i18n/index.ts';
import { useFormatValue } from './format.ts';

/**
 * The three figures the committee reads first (method.md §7): employers contacted, persons
 * coached, contracts signed, and how the contracts split into CDI and CDD.
 */
export function HeadlineCards({ headline }: { headline: SteeringReport['headline'] }) {
  const t = useT();
  const format = useFormatValue();
  const count = (value: ReportValue) => format(value, 'count');

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" data-testid="report-headline">
      <Figure id="employers" label="reports.headline.employers" value={count(headline.employersContacted)} />
      <Figure id="persons" label="reports.headline.persons" value={count(headline.personsCoached)} />
      <Figure id="contracts" label="reports.headline.contracts" value={count(headline.contractsSigned)} />
      <Figure
        id="split"
        label="reports.headline.split"
        value={`${count(headline.cdi)} / ${count(headline.cdd)}`}
        detail={t('reports.headline.other', { count: count(headline.otherContracts) })}
      />
      {[headline.personsCoached, headline.cdi, headline.cdd].includes(SMALL_CELL) && (
        <Text size="xs" c="dimmed" style={{ gridColumn: '1 / -1' }}>
          {t('reports.smallCellLegend')}
        </Text>
      )}
    </SimpleGrid>
  );
}

function Figure({
  id,
  label,
  value,
  detail,
}: {
  id: string;
  label: MessageId;
  value: string;
  detail?: string;
}) {
  const t = useT();
  return (
    <Card withBorder padding="md" data-testid={`headline-${id}`}>
      <Text size="sm" c="dimmed" fw={600}>
        {t(label)}
      </Text>
      <Text fz={32} fw={700} lh={1.2} data-testid="headline-value">
        {value}
      </Text>
      {detail && (
        <Text size="sm" c="dimmed">
          {detail}
        </Text>
      )}
    </Card>
  );
}
