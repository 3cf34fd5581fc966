import {
  type ReportColumn,
  type ReportColumnKind,
  type ReportRow,
  type ReportTable,
  type ReportValue,
  SMALL_CELL,
} from '@jobcoach/domain';
import { Box, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useT } from '../i18n/index.ts';
import { useFormatValue } from './format.ts';

/**
 * Any report table, drawn from its columns and rows without knowing what it counts: rows under
 * their group's heading (one tbody per group), totals in bold, '< 5' as is (explained under the
 * table), '—' where a value does not apply. The table is named by its title and described by its
 * note, printed above it (a <caption> would be as wide as the table and scroll away on a phone).
 */
export function ReportTableView({ table }: { table: ReportTable }) {
  const t = useT();
  const format = useFormatValue();
  const headingId = `report-${table.id}-title`;
  const hasSmallCells = table.rows.some((row) => Object.values(row.values).includes(SMALL_CELL));
  const hasGroups = table.rows.some((row) => row.group);

  const noteId = `${headingId}-note`;

  return (
    <section aria-labelledby={headingId} data-testid={`report-table-${table.id}`}>
      <Title order={2} id={headingId} mb={4}>
        {table.title}
      </Title>
      {table.note && (
        <Text id={noteId} size="sm" c="dimmed" mb="xs" maw={900} data-testid="report-table-note">
          {table.note}
        </Text>
      )}
      {/* A wide table scrolls sideways inside its own region, which the keyboard can reach. */}
      <Box role="region" aria-labelledby={headingId} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table
          miw={Math.max(360, 150 + table.columns.length * 72)}
          withTableBorder
          verticalSpacing={6}
          fz="sm"
          aria-labelledby={headingId}
          aria-describedby={table.note ? noteId : undefined}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" style={STICKY}>
                <VisuallyHidden>{t('reports.rowHeader')}</VisuallyHidden>
              </Table.Th>
              {table.columns.map((column) => (
                <Table.Th key={column.key} scope="col" ta="right" style={{ verticalAlign: 'bottom' }}>
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          {groupRows(table.rows).map(({ group, rows }, index) => (
            <Table.Tbody key={group ?? `rows-${index}`}>
              {group && hasGroups && (
                <Table.Tr>
                  <Table.Th
                    scope="rowgroup"
                    colSpan={table.columns.length + 1}
                    fw={700}
                    bg="var(--mantine-color-gray-1)"
                  >
                    {group}
                  </Table.Th>
                </Table.Tr>
              )}
              {rows.map((row) => (
                <Table.Tr
                  key={row.key}
                  fw={row.total ? 700 : undefined}
                  data-total={row.total || undefined}
                  style={row.total ? { borderTop: '2px solid var(--mantine-color-gray-5)' } : undefined}
                >
                  <Table.Th
                    scope="row"
                    fw={row.total ? 700 : 400}
                    pl={group && !row.total ? 'lg' : undefined}
                    style={STICKY}
                  >
                    {row.label}
                  </Table.Th>
                  {table.columns.map((column) => (
                    <Table.Td key={column.key} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Cell
                        value={row.values[column.key] ?? null}
                        format={(v) => format(v, kindOf(row, column))}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          ))}
        </Table>
      </Box>
      {hasSmallCells && (
        <Text size="xs" c="dimmed" mt={4} data-testid="small-cell-legend">
          {t('reports.smallCellLegend')}
        </Text>
      )}
    </section>
  );
}

/** The row labels stay in view while a wide table scrolls sideways (on a phone). */
const STICKY = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  minWidth: 150,
} as const;

function Cell({ value, format }: { value: ReportValue; format: (value: ReportValue) => string }) {
  const t = useT();
  if (value === SMALL_CELL) {
    return (
      <Tooltip label={t('reports.smallCellTooltip')} withArrow>
        <span data-small-cell="true">{SMALL_CELL}</span>
      </Tooltip>
    );
  }
  if (value === null) {
    return (
      <Tooltip label={t('reports.notApplicable')} withArrow>
        <span>{format(value)}</span>
      </Tooltip>
    );
  }
  return <>{format(value)}</>;
}

/** Consecutive rows of one group, in the order the server sent them. */
function groupRows(rows: ReportRow[]): { group: string | undefined; rows: ReportRow[] }[] {
  const groups: { group: string | undefined; rows: ReportRow[] }[] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last.group === row.group) last.rows.push(row);
    else groups.push({ group: row.group, rows: [row] });
  }
  return groups;
}

/** A row may say its counts are persons or other counts (the headline mixes both in one column). */
function kindOf(row: ReportRow, column: ReportColumn): ReportColumnKind {
  return row.kind && (column.kind === 'persons' || column.kind === 'count') ? row.kind : column.kind;
}
