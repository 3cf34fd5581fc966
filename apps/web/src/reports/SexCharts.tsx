import { REPORT_SEX_COLUMNS, type ReportTable } from '@jobcoach/domain';
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useT } from '../i18n/index.ts';
import { type BarCategory, BarChart, type BarSeries } from './charts/BarChart.tsx';
import { useFormatValue } from './format.ts';

const [WOMEN, MEN] = REPORT_SEX_COLUMNS;

/**
 * The breakdown by sex as grouped bars, one chart per group of rows (age, origin, studies,
 * contracts): women and men side by side for each category. Totals are left to the table.
 */
export function SexCharts({ table }: { table: ReportTable }) {
  const t = useT();
  const format = useFormatValue();
  const women = table.columns.find((column) => column.key === WOMEN);
  const men = table.columns.find((column) => column.key === MEN);
  if (!women || !men) return null;
  const series: BarSeries[] = [
    { key: WOMEN, label: women.label, colour: 'var(--mantine-color-grape-7)' },
    { key: MEN, label: men.label, colour: 'var(--mantine-color-blue-7)' },
  ];
  const groups = groupsOf(table);

  return (
    <section aria-labelledby="report-sex-charts" data-testid="report-sex-charts">
      <Title order={3} id="report-sex-charts" mb="xs">
        {t('reports.charts.bySex')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {groups.map(({ group, categories }) => (
          <Card key={group} withBorder padding="md">
            <Text fw={700} mb="xs">
              {group}
            </Text>
            <BarChart
              label={t('reports.charts.bySexLabel', {
                group,
                detail: categories
                  .map((c) =>
                    t('reports.charts.bySexItem', {
                      category: c.label,
                      women: format(c.values[WOMEN] ?? null, women.kind),
                      men: format(c.values[MEN] ?? null, men.kind),
                    }),
                  )
                  .join(' ; '),
              })}
              categories={categories}
              series={series}
              format={(value) => format(value, women.kind)}
            />
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}

function groupsOf(table: ReportTable): { group: string; categories: BarCategory[] }[] {
  const groups: { group: string; categories: BarCategory[] }[] = [];
  for (const row of table.rows) {
    if (row.total || !row.group) continue;
    let entry = groups.find((g) => g.group === row.group);
    if (!entry) {
      entry = { group: row.group, categories: [] };
      groups.push(entry);
    }
    entry.categories.push({ key: row.key, label: row.label, values: row.values });
  }
  return groups;
}
