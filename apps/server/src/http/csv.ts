/**
 * The one CSV writer of the platform (the steering committee's report, the audit log): for the
 * spreadsheets used in Belgium, UTF-8 with a byte-order mark, semicolons between cells, CRLF line
 * ends, every text cell quoted.
 *
 * A text cell may hold what a user typed (an organisation's or a user's name, an address sent by a
 * proxy): a spreadsheet would run one that starts with =, +, -, @, a tab or a carriage return as a
 * formula (=HYPERLINK(…), =cmd|…). Such a cell is written with a leading apostrophe, which makes it
 * text to every spreadsheet. Numbers are written as numbers, so that a negative one stays a number:
 * only cells built with `csvNumber` from a number are.
 */

/** A number already written for the reader (decimal comma), or '' for none. */
export interface CsvNumber {
  readonly number: string;
}

export type CsvCell = string | null | CsvNumber;

const NUMBER = /^(-?\d+(,\d+)?)?$/;

/** A numeric cell; anything that is not a plain number is written as (neutralised) text instead. */
export const csvNumber = (formatted: string): CsvNumber => ({ number: formatted });

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet must show it: prefixed with an apostrophe when it could run. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: CsvCell): string {
  if (value !== null && typeof value === 'object') {
    if (NUMBER.test(value.number)) return value.number;
    return cell(value.number);
  }
  return `"${neutralise(value ?? '').replaceAll('"', '""')}"`;
}

/** The rows as one CSV file (an empty row is an empty line). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}
