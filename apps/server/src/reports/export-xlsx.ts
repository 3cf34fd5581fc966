/**
 * The report as an Excel workbook: a cover sheet (period, organisations, definitions), then one
 * sheet per table named after its id. Counts, percentages and averages are stored as numbers
 * (with a number format), a hidden small cell as the text "< 5", a value that does not apply as
 * an empty cell. Layout of a table sheet: title (row 1), note (row 2), headers (row 4: "Groupe",
 * "Ligne", then the columns), rows from row 5.
 *
 * Text (organisation and coach names, titles) is only ever written as a string, which the workbook
 * stores as a text cell, never as a formula, even when it starts with "=" (no cell is given a
 * `{ formula }`); every text cell also gets the text format "@", so that a spreadsheet keeps it
 * text when someone edits it.
 */
import { STEERING_DEFINITIONS } from '@jobcoach/domain';
import ExcelJS from 'exceljs';
import { belgianDate, type SteeringDocument } from './document.ts';

/** The first row of data on a table sheet. */
export const XLSX_FIRST_ROW = 5;

const NUMBER_FORMATS: Record<string, string> = {
  persons: '0',
  count: '0',
  percent: '0.0',
  ratio: '0.00',
  days: '0.#',
};

/** Excel forbids []:*?/\ in sheet names and allows 31 characters. */
export function sheetName(id: string, taken: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'tableau';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i += 1) name = `${base.slice(0, 28)}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function steeringXlsx(doc: SteeringDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jobcoach';
  workbook.created = new Date(doc.generatedAt);
  const taken = new Set<string>(['rapport']);

  const cover = workbook.addWorksheet('Rapport');
  cover.getColumn(1).width = 28;
  cover.getColumn(2).width = 110;
  cover.addRow(['Rapport au comité de pilotage']).font = { bold: true, size: 14 };
  cover.addRow([]);
  cover.addRow(['Période', `du ${belgianDate(doc.from)} au ${belgianDate(doc.to)}`]);
  cover.addRow(['Organisations', doc.organisations.map((o) => o.name).join(', ')]);
  cover.addRow(['Petites cellules masquées', doc.aggregatesOnly ? 'oui (agrégats seulement)' : 'non']);
  cover.addRow(['Calculé le', doc.generatedAt]);
  cover.addRow([]);
  cover.addRow(['Tableaux']).font = { bold: true };
  const names = doc.tables.map((t) => sheetName(t.id, taken));
  doc.tables.forEach((t, i) => {
    cover.addRow([names[i], t.title]);
  });
  cover.addRow([]);
  cover.addRow(['Définitions']).font = { bold: true };
  for (const d of STEERING_DEFINITIONS) {
    const row = cover.addRow([d.term, d.definition]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }

  doc.tables.forEach((table, i) => {
    const sheet = workbook.addWorksheet(names[i]);
    sheet.getColumn(1).width = 22;
    sheet.getColumn(2).width = 40;
    table.columns.forEach((_, c) => {
      sheet.getColumn(c + 3).width = 16;
    });
    sheet.getCell(1, 1).value = table.title;
    sheet.getCell(1, 1).font = { bold: true, size: 13 };
    if (table.note) sheet.getCell(2, 1).value = table.note;
    const header = sheet.getRow(XLSX_FIRST_ROW - 1);
    header.values = ['Groupe', 'Ligne', ...table.columns.map((c) => c.label)];
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    table.rows.forEach((row, r) => {
      const line = sheet.getRow(XLSX_FIRST_ROW + r);
      line.getCell(1).value = row.group ?? null;
      line.getCell(2).value = row.label;
      table.columns.forEach((column, c) => {
        const cell = line.getCell(c + 3);
        const value = row.values[column.key] ?? null;
        cell.value = value;
        if (typeof value === 'number') cell.numFmt = NUMBER_FORMATS[column.kind] ?? 'General';
        else if (typeof value === 'string') cell.alignment = { horizontal: 'right' };
      });
      if (row.total) line.font = { bold: true };
    });
    sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: XLSX_FIRST_ROW - 1 }];
  });

  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.numFmt = '@';
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
