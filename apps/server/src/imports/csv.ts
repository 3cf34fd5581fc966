/**
 * A small RFC 4180 CSV reader for the files coaches upload (FOREm exports, Excel "CSV" files):
 * - quoted fields may hold the delimiter, line breaks and doubled quotes ("" → ");
 * - records end with CRLF, LF or a lone CR;
 * - the delimiter is detected on the header line: `;` (Excel in Belgium, FOREm exports), `,` or tab;
 * - a UTF-8 byte order mark is dropped; blank lines are skipped.
 * Lenient where Excel is: a quote inside an unquoted field is kept as text, and text after a closing
 * quote is appended to the field. An unterminated quoted field is an error (CsvError).
 */

export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvRecord {
  /** Line of the file where the record starts (1-based; a quoted field may span several lines). */
  line: number;
  fields: string[];
}

export interface CsvParseResult {
  delimiter: CsvDelimiter;
  records: CsvRecord[];
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const CANDIDATES: readonly CsvDelimiter[] = [';', ',', '\t'];

/** The delimiter that splits the first record (outside quotes) most often; `;` on a tie. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c as CsvDelimiter)) {
      counts.set(c as CsvDelimiter, counts.get(c as CsvDelimiter)! + 1);
    }
  }
  let best: CsvDelimiter = ';';
  for (const d of CANDIDATES) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** A run of text from inside quotes: its line breaks (CRLF, LF, lone CR) become \n and are counted. */
function breaks(chunk: string): { text: string; count: number } {
  if (!chunk.includes('\r') && !chunk.includes('\n')) return { text: chunk, count: 0 };
  const text = chunk.replace(/\r\n?/g, '\n');
  let count = 0;
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) count++;
  return { text, count };
}

export function parseCsv(input: string, options: { delimiter?: CsvDelimiter } = {}): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const delimiterCode = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  /** The current field began with a quote (a quote met later is kept as text). */
  let fieldQuoted = false;
  /** The current record has content: a blank line has none and is skipped. */
  let started = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;

  const endField = () => {
    fields.push(field);
    field = '';
    fieldQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (started) records.push({ line: recordLine, fields });
    fields = [];
    started = false;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && field === '' && !fieldQuoted) {
      // A quoted field: read up to the closing quote; "" stands for one quote.
      started = true;
      fieldQuoted = true;
      const openedOn = line;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1)
          throw new CsvError(`guillemet ouvert à la ligne ${openedOn} et jamais refermé.`, openedOn);
        const chunk = breaks(text.slice(i, q));
        field += chunk.text;
        line += chunk.count;
        if (text.charCodeAt(q + 1) === QUOTE) {
          field += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      continue;
    }
    if (c === delimiterCode) {
      started = true;
      endField();
      i++;
      continue;
    }
    if (c === CR || c === LF) {
      endRecord();
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    // Unquoted text up to the next delimiter or line end (a quote in it is text).
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d === delimiterCode || d === CR || d === LF) break;
      j++;
    }
    started = true;
    field += text.slice(i, j);
    i = j;
  }
  if (started) endRecord();
  return { delimiter, records };
}
