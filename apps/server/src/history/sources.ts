import ExcelJS from 'exceljs';
import { CsvError, type CsvRecord, parseCsv } from '../imports/csv.ts';
import { decodeText, type TextEncoding } from '../imports/encoding.ts';
import { FILE_LABELS, HISTORY_FILES, type HistoryFile } from './format.ts';
import { fileOfTitle, SHEET_TITLES } from './names.ts';
import type { HistoryError } from './rows.ts';

/**
 * The uploaded files as sheets of records: several CSV files named after their content
 * (`persons.csv`, `events.csv`…), or one XLSX workbook whose sheets carry those names. A record's
 * line is the line of the CSV file, or the row number of the sheet.
 */

export interface SourceFile {
  name: string;
  data: Uint8Array;
}

/** A table of an upload: a CSV file, or one sheet of the workbook. */
export interface SourceTable {
  /** The name shown in errors and in the mapping step: the file name, or "workbook.xlsx › Suivi". */
  name: string;
  /** The table's own name: the file name, or the sheet's name. */
  title: string;
  /** How a CSV file was encoded (null for a workbook). */
  encoding: TextEncoding | null;
  records: CsvRecord[];
}

export interface Sheet {
  /** The name shown in errors: the file name, or "workbook.xlsx › persons". */
  name: string;
  records: CsvRecord[];
  encoding: TextEncoding | null;
  /** For a table mapped onto the file: the file's column → the table's own heading (for errors). */
  headings?: Record<string, string>;
}

export type Sheets = Partial<Record<HistoryFile, Sheet>>;

const MAX_RECORDS = 100_000;

const isXlsx = (name: string) => /\.xlsx$/i.test(name);

export function fileError(file: string, message: string): HistoryError {
  return { file, line: 0, field: 'file', message };
}

/** The tables of the upload: each CSV file, decoded, or the visible sheets of one workbook. */
export async function readTables(files: readonly SourceFile[]): Promise<{
  tables: SourceTable[];
  errors: HistoryError[];
}> {
  const tables: SourceTable[] = [];
  const errors: HistoryError[] = [];
  const workbooks = files.filter((f) => isXlsx(f.name));
  if (workbooks.length > 0 && files.length > 1) {
    errors.push(
      fileError(
        workbooks[0]!.name,
        'Envoyez soit un classeur XLSX seul, soit des fichiers CSV, pas les deux ni plusieurs classeurs.',
      ),
    );
    return { tables, errors };
  }
  if (workbooks.length === 1) {
    await readWorkbook(workbooks[0]!, tables, errors);
  } else {
    for (const f of files) {
      const { text, encoding } = decodeText(f.data);
      if (text.includes('\u0000')) {
        errors.push(fileError(f.name, 'Le fichier contient des caractères nuls : est-ce bien un CSV ?'));
        continue;
      }
      try {
        tables.push({
          name: f.name,
          title: f.name.replace(/^.*[/\\]/, '').replace(/\.(csv|txt)$/i, ''),
          encoding,
          records: parseCsv(text).records,
        });
      } catch (error) {
        if (!(error instanceof CsvError)) throw error;
        errors.push({
          file: f.name,
          line: error.line,
          field: 'file',
          message: `Fichier CSV illisible : ${error.message}`,
        });
      }
    }
  }
  for (const table of [...tables]) {
    if (table.records.length - 1 > MAX_RECORDS) {
      errors.push(
        fileError(
          table.name,
          `Au plus ${MAX_RECORDS.toLocaleString('fr-BE')} lignes par fichier ; découpez-le.`,
        ),
      );
      tables.splice(tables.indexOf(table), 1);
    }
  }
  return { tables, errors };
}

/**
 * The sheets of the import: each table named after a file of the import (in English or in French,
 * recognise.ts), or mapped onto files by the coordinator (`mapped`: the sheets a table gives, or
 * null). A CSV file that is neither is refused; a sheet of a workbook that is neither is ignored
 * (notes, lists of values).
 */
export function sheetsOf(
  tables: readonly SourceTable[],
  mapped: (table: SourceTable) => Sheets | null = () => null,
): { sheets: Sheets; errors: HistoryError[] } {
  const sheets: Sheets = {};
  const errors: HistoryError[] = [];
  const add = (kind: HistoryFile, sheet: Sheet) => {
    if (sheets[kind]) {
      errors.push(
        fileError(
          sheet.name,
          `Deux tableaux donnent les ${FILE_LABELS[kind]} (« ${sheets[kind].name} » et « ${sheet.name} ») : gardez-en un seul.`,
        ),
      );
    } else sheets[kind] = sheet;
  };
  for (const table of tables) {
    const fromMapping = mapped(table);
    if (fromMapping) {
      for (const [kind, sheet] of Object.entries(fromMapping)) add(kind as HistoryFile, sheet);
      continue;
    }
    const kind = fileOfTitle(table.title);
    if (kind) add(kind, { name: table.name, records: table.records, encoding: table.encoding });
    else if (table.encoding !== null) {
      errors.push(
        fileError(
          table.name,
          `Nom de fichier inconnu : les fichiers s’appellent ${HISTORY_FILES.map((h) => `${h}.csv`).join(', ')} (ou leur nom français : ${HISTORY_FILES.map((h) => SHEET_TITLES[h]).join(', ')}) ; sinon, faites correspondre ses colonnes à l’étape « Correspondance des colonnes ».`,
        ),
      );
    }
  }
  if (Object.keys(sheets).length === 0 && errors.length === 0) {
    errors.push(
      fileError(
        tables[0]?.name ?? 'import',
        `Aucun fichier reconnu : les fichiers (ou les feuilles du classeur) s’appellent ${HISTORY_FILES.join(', ')} ou ${HISTORY_FILES.map((h) => SHEET_TITLES[h]).join(', ')} ; sinon, faites correspondre leurs colonnes à l’étape « Correspondance des colonnes ».`,
      ),
    );
  }
  return { sheets, errors };
}

async function readWorkbook(file: SourceFile, tables: SourceTable[], errors: HistoryError[]) {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer over the same bytes is what it reads.
    await workbook.xlsx.load(Buffer.from(file.data) as unknown as ArrayBuffer);
  } catch {
    errors.push(
      fileError(file.name, 'Classeur XLSX illisible : enregistrez-le à nouveau depuis le tableur.'),
    );
    return;
  }
  for (const worksheet of workbook.worksheets) {
    // Hidden sheets hold what the visible ones need (the template's lists of values).
    if (worksheet.state !== 'visible') continue;
    const records: CsvRecord[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const fields: string[] = [];
      const count = row.cellCount;
      for (let c = 1; c <= count; c++) fields.push(cellText(row.getCell(c).value));
      if (fields.some((f) => f.trim() !== '')) records.push({ line: rowNumber, fields });
    });
    tables.push({ name: `${file.name} › ${worksheet.name}`, title: worksheet.name, encoding: null, records });
  }
}

/** A cell as the text a CSV export would hold (dates as YYYY-MM-DD). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}
