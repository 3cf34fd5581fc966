/**
 * The report as CSV (http/csv.ts: for spreadsheets used in Belgium, cells that could run as
 * formulas neutralised), with decimal commas. One section per table: a line
 * "Tableau;<id>;<title>", a header line "Groupe;Ligne;<columns>", its rows, a blank line.
 */
import { STEERING_DEFINITIONS } from '@jobcoach/domain';
import { type CsvCell, csvNumber, toCsv } from '../http/csv.ts';
import { belgianDate, decimalsOf, frenchNumber, type SteeringDocument } from './document.ts';

export function steeringCsv(doc: SteeringDocument): string {
  const rows: CsvCell[][] = [
    ['Rapport au comité de pilotage'],
    ['Période', belgianDate(doc.from), belgianDate(doc.to)],
    ['Organisations', ...doc.organisations.map((o) => o.name)],
    ['Petites cellules masquées', doc.aggregatesOnly ? 'oui' : 'non'],
    ['Calculé le', doc.generatedAt],
    [],
  ];
  for (const table of doc.tables) {
    rows.push(['Tableau', table.id, table.title]);
    rows.push(['Groupe', 'Ligne', ...table.columns.map((c) => c.label)]);
    for (const row of table.rows) {
      const cells = table.columns.map((c): CsvCell => {
        const value = row.values[c.key] ?? null;
        // "< 5" (a hidden small cell) is text; counts and rates are numbers.
        return typeof value === 'string' ? value : csvNumber(frenchNumber(value, decimalsOf(c.kind)));
      });
      rows.push([row.group ?? '', row.label, ...cells]);
    }
    if (table.note) rows.push(['Note', table.note]);
    rows.push([]);
  }
  rows.push(['Définitions']);
  for (const d of STEERING_DEFINITIONS) rows.push([d.term, d.definition]);
  return toCsv(rows);
}
