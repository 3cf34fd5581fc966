import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, detectDelimiter, parseCsv } from '../src/imports/csv.ts';

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('CSV reader (RFC 4180, as Belgian exports write it)', () => {
  it('detects the semicolon of Excel and FOREm exports, the comma and the tab', () => {
    expect(detectDelimiter('Intitulé;Employeur;Commune\r\nx;y;z')).toBe(';');
    expect(detectDelimiter('title,employer,commune\nx,y,z')).toBe(',');
    expect(detectDelimiter('title\temployer\nx\ty')).toBe('\t');
    // Commas inside a quoted header do not count.
    expect(detectDelimiter('"Nom, prénom";Commune;Date\n')).toBe(';');
    expect(parseCsv('a;b\n1;2').delimiter).toBe(';');
  });

  it('reads quoted fields holding the delimiter, line breaks and doubled quotes', () => {
    const text = 'titre;description\r\n"Magasinier; cariste";"Lire des ""étiquettes""\r\nen allemand"\r\n';
    expect(fields(text)).toEqual([
      ['titre', 'description'],
      ['Magasinier; cariste', 'Lire des "étiquettes"\nen allemand'],
    ]);
  });

  it('accepts CRLF, LF and lone CR line ends, drops the UTF-8 BOM and skips blank lines', () => {
    expect(fields('\uFEFFa;b\r\n1;2\n3;4\r5;6\r\n\r\n\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(fields('\uFEFFIntitulé;x')[0]![0]).toBe('Intitulé');
  });

  it('gives the line where each record starts, counting the line breaks inside quotes', () => {
    const records = parseCsv('h1;h2\n"a\nb";c\n\nd;e\n').records;
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('keeps empty fields, a trailing delimiter and a last line without a line end', () => {
    expect(fields('a;;c;\n;;;\nx;"";z')).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
      ['x', '', 'z'],
    ]);
  });

  it('is lenient like Excel with stray quotes, strict with an unterminated quoted field', () => {
    expect(fields('a;b"c;"d"e\n')).toEqual([['a', 'b"c', 'de']]);
    expect(() => parseCsv('a;b\n"open;x\n1;2')).toThrow(CsvError);
    try {
      parseCsv('a;b\n1;2\n"open;x\n1;2');
    } catch (error) {
      expect((error as CsvError).line).toBe(3);
      expect((error as CsvError).message).toMatch(/ligne 3/);
    }
  });

  it('reads back any table it is given, written the RFC 4180 way (fast-check)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ';', ',', '"', '\n', '\r\n', 'x', '1') });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) =>
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
          ),
        fc.constantFrom(';', ','),
        fc.constantFrom('\r\n', '\n'),
        (table, delimiter, eol) => {
          // Quote every cell: the way Excel writes them when they need it, always here.
          const text = table
            .map((row) => row.map((c) => `"${c.replaceAll('"', '""')}"`).join(delimiter))
            .join(eol);
          const parsed = parseCsv(text, { delimiter: delimiter as ';' | ',' });
          const expected = table.map((row) => row.map((c) => c.replaceAll('\r\n', '\n')));
          expect(parsed.records.map((r) => r.fields)).toEqual(expected);
        },
      ),
    );
  });
});
