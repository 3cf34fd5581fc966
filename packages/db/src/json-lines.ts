import { type RawBuilder, sql } from 'kysely';

/*
 * Lines sent by a statement as JSON arrays rather than objects (docs/architecture.md): where one
 * statement returns many nested lines, the keys repeated on every line are about half the text to
 * read. The columns of a kind of line are listed once, as [name, SQL expression] pairs in order;
 * the statement builds each line with `jsonArray(columns)`, and one function of the caller reads
 * a line back into named fields, typed position by position by `JsonLine`.
 */

/** The columns of a kind of line: the field each value is read back as, and its SQL expression. */
export type JsonColumns<Line> = readonly (readonly [keyof Line & string, string])[];

/** A line as its JSON array: at each position, the type of the field of that column. */
export type JsonLine<Columns extends JsonColumns<Line>, Line> = {
  -readonly [I in keyof Columns]: Columns[I] extends readonly [infer K extends keyof Line, string]
    ? Line[K]
    : never;
};

/** `json_build_array` of the columns' expressions, in their order (fixed text, never a value). */
export function jsonArray<Line>(columns: JsonColumns<Line>): RawBuilder<unknown> {
  return sql`json_build_array(${sql.join(columns.map(([, expression]) => sql.raw(expression)))})`;
}
