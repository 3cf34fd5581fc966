/**
 * Small-cell suppression for readers allowed aggregates only (the evaluator): no count of one to
 * four persons may be read or worked out from what they see or export.
 *
 * 1. Primary: every persons cell holding 1, 2, 3 or 4 becomes SMALL_CELL. Zero stays visible
 *    (it tells nothing about a person).
 * 2. Complementary: where visible totals would give a hidden cell back by subtraction, a second
 *    cell is hidden too, repeated until nothing changes:
 *    - down a column, within a group of rows that has a total row (an age group, the
 *      organisations and their total): when exactly one member cell is hidden, the smallest other
 *      non-zero member is hidden as well (or, failing one, the total);
 *    - across a row, for a column declared as the sum of others (`sumOf`: women + men + not
 *      stated = total): when exactly one of them is hidden, the smallest other non-zero one is
 *      hidden as well (or, failing one, the total).
 * 3. Derived: every percent, ratio or days cell whose `basis` cell is hidden becomes SMALL_CELL,
 *    so that a share cannot give its count back.
 * The mark therefore means "confidential": a complementary cell may hold five or more.
 */
import {
  type ReportColumn,
  type ReportRow,
  type ReportTable,
  type ReportValue,
  SMALL_CELL,
} from './table.ts';

/** Whether a count of persons is small enough to hide (1 to 4). */
export function isSmallCount(value: ReportValue): boolean {
  return typeof value === 'number' && value >= 1 && value <= 4;
}

function cellKind(row: ReportRow, column: ReportColumn) {
  if ((column.kind === 'persons' || column.kind === 'count') && row.kind) return row.kind;
  return column.kind;
}

/** Applies the rule to one table; the table given is left unchanged. */
export function suppressSmallCells(table: ReportTable): ReportTable {
  const hidden = new Set<string>();
  const id = (rowIndex: number, key: string) => `${rowIndex}\u0000${key}`;
  const isPersons = (rowIndex: number, key: string) => {
    const column = table.columns.find((c) => c.key === key);
    const row = table.rows[rowIndex];
    return column !== undefined && row !== undefined && cellKind(row, column) === 'persons';
  };
  const value = (rowIndex: number, key: string) => table.rows[rowIndex]?.values[key] ?? null;
  const visibleNumber = (rowIndex: number, key: string) =>
    !hidden.has(id(rowIndex, key)) && typeof value(rowIndex, key) === 'number';

  // 1. Primary suppression.
  table.rows.forEach((row, r) => {
    for (const column of table.columns) {
      if (cellKind(row, column) === 'persons' && isSmallCount(row.values[column.key] ?? null)) {
        hidden.add(id(r, column.key));
      }
    }
  });

  /** In a line of member cells adding up to a visible total, hides a second cell if one alone is hidden. */
  const protectLine = (members: [number, string][], total: [number, string]): boolean => {
    if (!visibleNumber(...total)) return false;
    const hiddenMembers = members.filter(([r, k]) => hidden.has(id(r, k)));
    if (hiddenMembers.length !== 1) return false;
    const candidates = members
      .filter(([r, k]) => visibleNumber(r, k) && (value(r, k) as number) > 0)
      .sort(([r1, k1], [r2, k2]) => (value(r1, k1) as number) - (value(r2, k2) as number));
    const [pick] = candidates;
    hidden.add(pick ? id(...pick) : id(...total));
    return true;
  };

  // 2. Complementary suppression, until stable.
  const groups = new Map<string, number[]>();
  table.rows.forEach((row, r) => {
    const key = row.group ?? '\u0000';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (const rows of groups.values()) {
      const totals = rows.filter((r) => table.rows[r]?.total);
      if (totals.length !== 1) continue;
      const totalRow = totals[0] as number;
      const memberRows = rows.filter((r) => r !== totalRow);
      for (const column of table.columns) {
        if (!isPersons(totalRow, column.key)) continue;
        const members = memberRows
          .filter((r) => isPersons(r, column.key))
          .map((r): [number, string] => [r, column.key]);
        if (protectLine(members, [totalRow, column.key])) changed = true;
      }
    }
    for (const column of table.columns) {
      if (!column.sumOf) continue;
      table.rows.forEach((_, r) => {
        if (!isPersons(r, column.key)) return;
        const members = (column.sumOf ?? [])
          .filter((k) => isPersons(r, k))
          .map((k): [number, string] => [r, k]);
        if (protectLine(members, [r, column.key])) changed = true;
      });
    }
  }

  // 3. Derived cells, and the result.
  const rows = table.rows.map((row, r) => {
    const values: Record<string, ReportValue> = { ...row.values };
    for (const column of table.columns) {
      if (hidden.has(id(r, column.key))) values[column.key] = SMALL_CELL;
      else if (column.basis && hidden.has(id(r, column.basis)) && values[column.key] !== null) {
        values[column.key] = SMALL_CELL;
      }
    }
    return { ...row, values };
  });
  return { ...table, rows };
}

/** Applies the rule to every table of a report. */
export function suppressReport(tables: readonly ReportTable[]): ReportTable[] {
  return tables.map(suppressSmallCells);
}
