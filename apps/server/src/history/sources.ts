import ExcelJS from 'exceljs';
import { CsvError, type CsvRecord, parseCsv } from '../imports/csv.ts';
import { fileOfName, HISTORY_FILES, type HistoryFile } from './format.ts';
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

export interface Sheet {
  /** The name shown in errors: the file name, or "workbook.xlsx › persons". */
  name: string;
  records: CsvRecord[];
}

export type Sheets = Partial<Record<HistoryFile, Sheet>>;

const MAX_RECORDS = 100_000;

const isXlsx = (name: string) => /\.xlsx$/i.test(name);

function fileError(file: string, message: string): HistoryError {
  return { file, line: 0, field: 'file', message };
}

export async function readSources(files: readonly SourceFile[]): Promise<{
  sheets: Sheets;
  errors: HistoryError[];
}> {
  const sheets: Sheets = {};
  const errors: HistoryError[] = [];
  const workbooks = files.filter((f) => isXlsx(f.name));
  if (workbooks.length > 0 && files.length > 1) {
    errors.push(
      fileError(
        workbooks[0]!.name,
        'Envoyez soit un classeur XLSX seul, soit des fichiers CSV, pas les deux ni plusieurs classeurs.',
      ),
    );
    return { sheets, errors };
  }
  if (workbooks.length === 1) {
    await readWorkbook(workbooks[0]!, sheets, errors);
  } else {
    for (const f of files) {
      const kind = fileOfName(f.name);
      if (!kind) {
        errors.push(
          fileError(
            f.name,
            `Nom de fichier inconnu : les fichiers s’appellent ${HISTORY_FILES.map((h) => `${h}.csv`).join(', ')}.`,
          ),
        );
        continue;
      }
      if (sheets[kind]) {
        errors.push(fileError(f.name, `Deux fichiers « ${kind} » ont été envoyés : gardez-en un seul.`));
        continue;
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(f.data);
      } catch {
        errors.push(
          fileError(
            f.name,
            'Le fichier n’est pas encodé en UTF-8 : enregistrez-le depuis le tableur au format « CSV UTF-8 ».',
          ),
        );
        continue;
      }
      if (text.includes('\u0000')) {
        errors.push(fileError(f.name, 'Le fichier contient des caractères nuls : est-ce bien un CSV ?'));
        continue;
      }
      try {
        sheets[kind] = { name: f.name, records: parseCsv(text).records };
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
  for (const [kind, sheet] of Object.entries(sheets)) {
    if (sheet.records.length - 1 > MAX_RECORDS) {
      errors.push(
        fileError(
          sheet.name,
          `Au plus ${MAX_RECORDS.toLocaleString('fr-BE')} lignes par fichier ; découpez-le.`,
        ),
      );
      delete sheets[kind as HistoryFile];
    }
  }
  if (Object.keys(sheets).length === 0 && errors.length === 0) {
    errors.push(
      fileError(
        files[0]?.name ?? 'import',
        `Aucun fichier reconnu : les fichiers (ou les feuilles du classeur) s’appellent ${HISTORY_FILES.join(', ')}.`,
      ),
    );
  }
  return { sheets, errors };
}

async function readWorkbook(file: SourceFile, sheets: Sheets, errors: HistoryError[]) {
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
    const kind = fileOfName(worksheet.name);
    if (!kind || sheets[kind]) continue; // other sheets (notes, lists) are left alone
    const records: CsvRecord[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const fields: string[] = [];
      const count = row.cellCount;
      for (let c = 1; c <= count; c++) fields.push(cellText(row.getCell(c).value));
      if (fields.some((f) => f.trim() !== '')) records.push({ line: rowNumber, fields });
    });
    sheets[kind] = { name: `${file.name} › ${worksheet.name}`, records };
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
