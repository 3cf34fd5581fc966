/**
 * The report as CSV for spreadsheets used in Belgium: UTF-8 with a byte-order mark, semicolons
 * between cells, decimal commas, CRLF line ends, every text cell quoted. One section per table:
 * a line "Tableau;<id>;<title>", a header line "Groupe;Ligne;<columns>", its rows, a blank line.
 */
import { STEERING_DEFINITIONS } from '@jobcoach/domain';
import { belgianDate, decimalsOf, frenchNumber, type SteeringDocument } from './document.ts';

const text = (v: string) => `"${v.replaceAll('"', '""')}"`;

export function steeringCsv(doc: SteeringDocument): string {
  const lines: string[] = [
    [text('Rapport au comité de pilotage')].join(';'),
    [text('Période'), text(belgianDate(doc.from)), text(belgianDate(doc.to))].join(';'),
    [text('Organisations'), ...doc.organisations.map((o) => text(o.name))].join(';'),
    [text('Petites cellules masquées'), text(doc.aggregatesOnly ? 'oui' : 'non')].join(';'),
    [text('Calculé le'), text(doc.generatedAt)].join(';'),
    '',
  ];
  for (const table of doc.tables) {
    lines.push([text('Tableau'), text(table.id), text(table.title)].join(';'));
    lines.push([text('Groupe'), text('Ligne'), ...table.columns.map((c) => text(c.label))].join(';'));
    for (const row of table.rows) {
      const cells = table.columns.map((c) => {
        const value = row.values[c.key] ?? null;
        return typeof value === 'string' ? text(value) : frenchNumber(value, decimalsOf(c.kind));
      });
      lines.push([text(row.group ?? ''), text(row.label), ...cells].join(';'));
    }
    if (table.note) lines.push([text('Note'), text(table.note)].join(';'));
    lines.push('');
  }
  lines.push(text('Définitions'));
  for (const d of STEERING_DEFINITIONS) lines.push([text(d.term), text(d.definition)].join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
