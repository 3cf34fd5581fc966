import type { ReportScope } from '@jobcoach/contract';
import { isIsoDate } from '@jobcoach/domain';
import { Button, Card, Checkbox, Group, ScrollArea, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type MessageId, useT } from '../i18n/index.ts';
import { matchingQuickPeriod, QUICK_PERIODS, quickPeriod } from './period.ts';

export type FilterValues = { from: string; to: string; organisationIds: string[]; all: boolean };

/** What is wrong with the period, per field, checked before the server is asked. */
export function periodErrors(values: FilterValues): { from?: MessageId; to?: MessageId } {
  if (!isIsoDate(values.from)) return { from: 'reports.error.from' };
  if (!isIsoDate(values.to)) return { to: 'reports.error.to' };
  if (values.to < values.from) return { to: 'reports.error.order' };
  return {};
}

/**
 * The period (two days and quick choices) and the organisations covered: those the reader may
 * report on, or the whole installation for the administrator.
 */
export function ReportFilters({
  values,
  onChange,
  scopes,
  canReportOnAll,
  today,
}: {
  values: FilterValues;
  onChange: (values: FilterValues) => void;
  scopes: ReportScope[];
  canReportOnAll: boolean;
  today: string;
}) {
  const t = useT();
  const errors = periodErrors(values);
  const selectedQuick = matchingQuickPeriod(values, today);
  const allScopes = scopes.map((scope) => scope.id);

  return (
    <Card withBorder padding="md" data-testid="report-filters">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          <Text fw={700} component="h2" fz="md" m={0}>
            {t('reports.period')}
          </Text>
          <Group gap="xs" role="group" aria-label={t('reports.quick')}>
            {QUICK_PERIODS.map((choice) => (
              <Button
                key={choice}
                size="xs"
                variant={selectedQuick === choice ? 'filled' : 'default'}
                aria-pressed={selectedQuick === choice}
                onClick={() => onChange({ ...values, ...quickPeriod(choice, today) })}
              >
                {t(`reports.quick.${choice}`)}
              </Button>
            ))}
          </Group>
          <Group gap="sm" align="flex-start" grow>
            <TextInput
              type="date"
              label={t('reports.from')}
              value={values.from}
              max={values.to || undefined}
              error={errors.from ? t(errors.from) : undefined}
              onChange={(event) => onChange({ ...values, from: event.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('reports.to')}
              value={values.to}
              min={values.from || undefined}
              error={errors.to ? t(errors.to) : undefined}
              onChange={(event) => onChange({ ...values, to: event.currentTarget.value })}
            />
          </Group>
        </Stack>
        <Stack gap="xs">
          {canReportOnAll && (
            <Checkbox
              label={t('reports.all')}
              description={t('reports.allHelp')}
              checked={values.all}
              onChange={(event) => onChange({ ...values, all: event.currentTarget.checked })}
            />
          )}
          <Checkbox.Group
            label={t('reports.organisations')}
            value={values.all ? allScopes : values.organisationIds}
            onChange={(organisationIds) => onChange({ ...values, organisationIds })}
            error={
              !values.all && values.organisationIds.length === 0
                ? t('reports.error.organisations')
                : undefined
            }
          >
            {scopes.length > 1 && !values.all && (
              <Group gap="xs" mt={4}>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => onChange({ ...values, organisationIds: allScopes })}
                >
                  {t('reports.selectAll')}
                </Button>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => onChange({ ...values, organisationIds: [] })}
                >
                  {t('reports.selectNone')}
                </Button>
              </Group>
            )}
            <ScrollArea.Autosize mah={220} type="auto" offsetScrollbars>
              <Stack gap={6} mt="xs">
                {scopes.map((scope) => (
                  <Checkbox key={scope.id} value={scope.id} label={scope.name} disabled={values.all} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Checkbox.Group>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
