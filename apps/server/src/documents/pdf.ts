import PDFDocument from 'pdfkit';

// The standard PDF fonts speak WinAnsi: Latin-1 plus these typographic characters.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Keeps what the standard fonts can print: other letters lose their diacritics (ő → o), anything
 * else becomes "?". Control characters become spaces (pdfkit would mis-encode them).
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20) out += ' ';
    else if (code < 0x7f || (code >= 0xa0 && code <= 0xff)) out += char;
    else if (WIN_ANSI_EXTRAS.has(char)) out += char;
    else {
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += [...base].every((c) => (c.codePointAt(0) ?? 0) < 0x7f) && base !== '' ? base : '?';
    }
  }
  return out;
}

export interface PdfInfo {
  title: string;
  author: string;
}

/**
 * Renders plain text on A4 pages: "# " starts a heading, "- " a bullet, a blank line a paragraph.
 * Content streams are left uncompressed (compress: false): the document is small, and its text
 * can be checked in the raw bytes.
 */
export function renderTextPdf(text: string, info: PdfInfo): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 60,
      compress: false,
      lang: 'fr-BE',
      info: { Title: toWinAnsi(info.title), Author: toWinAnsi(info.author) },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    let first = true;
    for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
      const line = toWinAnsi(raw.trimEnd());
      if (line.trim() === '') {
        doc.moveDown(0.6);
      } else if (line.startsWith('# ')) {
        if (!first) doc.moveDown(0.5);
        doc
          .font('Helvetica-Bold')
          .fontSize(first ? 18 : 13)
          .text(line.slice(2).trim(), { align: first ? 'center' : 'left' });
        doc.moveDown(0.3);
      } else if (line.startsWith('- ')) {
        doc
          .font('Helvetica')
          .fontSize(11)
          .text(`•  ${line.slice(2).trim()}`, { indent: 10, align: 'justify' });
      } else {
        doc.font('Helvetica').fontSize(11).text(line, { align: 'justify' });
      }
      first = false;
    }
    doc.end();
  });
}
