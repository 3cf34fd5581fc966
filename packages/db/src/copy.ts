import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './types.ts';

/**
 * Ends the text of a `COPY … FROM STDIN` whose one parameter is the data to send: the PostgreSQL
 * client of connect.ts runs it as a COPY (the data streamed to the server as it comes) instead of
 * sending it as a statement. Written by `copyFromStdin` only.
 */
export const COPY_FROM_STDIN_MARK = '/* copy from stdin */';

/**
 * The data of a COPY: chunks of COPY text (`copyRow`; a chunk may end within a row, not within a
 * character), produced as the server reads them.
 */
export type CopyData = Iterable<string> | AsyncIterable<string>;

/**
 * Writes rows into `table` with `COPY … FROM STDIN` (text format) through the handle's connection:
 * given a transaction, within it, on its client. PostgreSQL only (the caller knows the driver; the
 * embedded database keeps its statements). Checks, triggers and foreign keys apply as for an
 * INSERT; the organisation scope does not (scope.ts): a caller copies into an organisation's table
 * only with the organisation in the rows it writes. `table` and `columns` are identifiers written
 * by the code, never values. Returns the number of rows copied.
 */
export async function copyFromStdin(
  db: Kysely<Database>,
  table: string,
  columns: readonly string[],
  data: CopyData,
): Promise<number> {
  const name = (id: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(id)) throw new Error(`copyFromStdin: not an identifier: ${id}`);
    return `"${id}"`;
  };
  const text = `COPY ${name(table)} (${columns.map(name).join(', ')}) FROM STDIN ${COPY_FROM_STDIN_MARK}`;
  const result = await db.executeQuery<{ copied: number }>(CompiledQuery.raw(text, [data]));
  return result.rows[0]?.copied ?? 0;
}

/** A value for a cell of COPY's text format (a json/jsonb column takes its JSON text). */
export type CopyValue = string | number | boolean | Date | null | undefined;

// In COPY's text format a backslash starts an escape; a tab ends the cell and a newline (or a
// carriage return) the row: these four are escaped, everything else goes as it is (UTF-8).
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One cell of COPY's text format. An empty string stays an empty string, distinct from NULL. */
export function copyCell(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string')
    return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c]!) : value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** One row of COPY's text format, its line end included. */
export function copyRow(values: readonly CopyValue[]): string {
  return `${values.map(copyCell).join('\t')}\n`;
}
