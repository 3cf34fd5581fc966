import ExcelJS from 'exceljs';
import { COLUMNS, HISTORY_FILES } from './format.ts';
import { columnChoices, columnHeading, columnNote, SHEET_TITLES } from './names.ts';

/**
 * The workbook to fill (docs/import.md, « Modèle à remplir »): one sheet per file of the import,
 * named in French, the French headings on the first row, a note under each heading (required or
 * not, what it holds) that the import skips, and a drop-down list of the French labels on every
 * coded column, the lists kept on a hidden sheet. The import reads it back as it is.
 */

/** Rows of each sheet that get the drop-down lists (below the headings and the notes). */
const VALIDATED_ROWS = 2000;
const LISTS_SHEET = 'Listes';

/** Spreadsheet column letters: 1 → A, 27 → AA. */
function letters(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

export async function historyTemplate(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jobcoach';
  workbook.created = new Date(0);
  const sheets = HISTORY_FILES.map((file) => ({ file, sheet: workbook.addWorksheet(SHEET_TITLES[file]) }));
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  let listColumn = 0;
  for (const { file, sheet } of sheets) {
    const codes = Object.keys(COLUMNS[file]);
    sheet.addRow(codes.map((code) => columnHeading(file, code)));
    sheet.addRow(codes.map((code) => columnNote(file, code)));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
    sheet.getRow(2).font = { italic: true, color: { argb: 'FF555555' }, size: 9 };
    sheet.getRow(2).alignment = { wrapText: true, vertical: 'top' };
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
    codes.forEach((code, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = Math.max(14, Math.min(40, columnHeading(file, code).length + 4));
      const choices = columnChoices(file, code);
      if (!choices) return;
      listColumn++;
      const col = letters(listColumn);
      lists.getCell(`${col}1`).value = `${SHEET_TITLES[file]} — ${columnHeading(file, code)}`;
      choices.forEach((label, k) => {
        lists.getCell(`${col}${k + 2}`).value = label;
      });
      const target = letters(i + 1);
      (sheet as unknown as { dataValidations: DataValidations }).dataValidations.add(
        `${target}3:${target}${VALIDATED_ROWS + 2}`,
        {
          type: 'list',
          allowBlank: true,
          formulae: [`${LISTS_SHEET}!$${col}$2:$${col}$${choices.length + 1}`],
          showErrorMessage: true,
          errorStyle: 'warning',
          errorTitle: 'Valeur hors liste',
          error: 'Choisissez une valeur de la liste (le code anglais est accepté aussi).',
        },
      );
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
