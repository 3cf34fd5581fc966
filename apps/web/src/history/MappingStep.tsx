import type { HistoryInspect, HistoryTableMapping } from '@jobcoach/contract';
import { Badge, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useT } from '../i18n/index.ts';

type InspectedTable = HistoryInspect['tables'][number];

/** The tables read from the upload: what each is recognised as, its encoding and rows. */
export function TablesRead({ inspect }: { inspect: HistoryInspect }) {
  const t = useT();
  const labelOf = (target: string | null) =>
    inspect.targets.find((x) => x.target === target)?.label ?? t('history.mapping.toMap');
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} striped data-testid="history-tables">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('history.tables.table')}</Table.Th>
            <Table.Th>{t('history.tables.content')}</Table.Th>
            <Table.Th>{t('history.tables.encoding')}</Table.Th>
            <Table.Th ta="right">{t('history.tables.rows')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inspect.tables.map((table) => (
            <Table.Tr key={table.table} data-testid="history-table-row">
              <Table.Td>{table.table}</Table.Td>
              <Table.Td>{labelOf(table.recognised)}</Table.Td>
              <Table.Td data-testid="history-encoding">
                {table.encoding ?? t('history.tables.workbook')}
              </Table.Td>
              <Table.Td ta="right">{table.rows}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * « Correspondance des colonnes » for one table in another shape: what its rows are (a file of the
 * import, a tracking sheet, or nothing), and which of its headings feeds each column.
 */
export function MappingStep({
  inspect,
  table,
  mapping,
  onChange,
  disabled,
}: {
  inspect: HistoryInspect;
  table: InspectedTable;
  mapping: HistoryTableMapping;
  onChange: (mapping: HistoryTableMapping) => void;
  disabled: boolean;
}) {
  const t = useT();
  const target = inspect.targets.find((x) => x.target === mapping.target) ?? null;
  const headingOptions = [
    { value: '', label: t('import.mapping.none') },
    ...table.headings.map((h) => ({ value: h, label: h })),
  ];
  const id = (name: string) => `history-map-${encodeURIComponent(table.table)}-${name}`;
  return (
    <Stack
      component="section"
      gap="xs"
      aria-label={t('history.mapping.title', { table: table.table })}
      data-testid="history-mapping"
      data-table={table.table}
    >
      <Title order={2} size="h3">
        {t('history.mapping.title', { table: table.table })}
      </Title>
      {table.saved && (
        <Badge color="green" variant="light" data-testid="history-mapping-saved">
          {t('history.mapping.saved')}
        </Badge>
      )}
      <Text size="sm">{t('history.mapping.intro')}</Text>
      <NativeSelect
        label={t('history.mapping.target')}
        data={[
          { value: '', label: t('history.mapping.ignore') },
          ...inspect.targets.map((x) => ({ value: x.target, label: x.label })),
        ]}
        value={mapping.target ?? ''}
        disabled={disabled}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onChange({
            ...mapping,
            target: value === '' ? null : (value as HistoryTableMapping['target']),
            columns: value === '' ? {} : { ...(table.guesses[value] ?? {}) },
          });
        }}
        data-testid="history-mapping-target"
        maw={520}
      />
      {table.sample.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={2} withTableBorder data-testid="history-mapping-sample">
            <Table.Caption>{t('history.mapping.sample')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {table.headings.map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {table.sample.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the sample's rows do not move
                <Table.Tr key={r}>
                  {table.headings.map((h, c) => (
                    <Table.Td key={h}>{row[c] ?? ''}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {target && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} striped data-testid="history-mapping-columns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('history.mapping.column')}</Table.Th>
                <Table.Th>{t('history.mapping.heading')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {target.columns.map((column) => (
                <Table.Tr key={column.name}>
                  <Table.Th scope="row" fw={500}>
                    <label htmlFor={id(column.name)}>{column.label}</label>{' '}
                    {column.required && (
                      <Badge size="xs" variant="light" color="blue" ml={4}>
                        {t('import.mapping.required')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>
                    <NativeSelect
                      id={id(column.name)}
                      size="xs"
                      data={headingOptions}
                      value={mapping.columns[column.name] ?? ''}
                      disabled={disabled}
                      onChange={(event) => {
                        const columns = { ...mapping.columns };
                        const value = event.currentTarget.value;
                        if (value) columns[column.name] = value;
                        else delete columns[column.name];
                        onChange({ ...mapping, columns });
                      }}
                      data-testid={`history-map-${column.name}`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
