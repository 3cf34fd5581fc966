/**
 * The text of an uncompressed pdfkit document (the server renders with compress: false): pdfkit
 * writes each line as hex strings inside TJ arrays, split where kerning applies. Joining the hex
 * pieces of each TJ and decoding them as WinAnsi (windows-1252) gives the lines back. Justified
 * lines are drawn word by word, so spaces are dropped before comparing (see `squash`).
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const tj of raw.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    const hex = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
    const bytes = [...Buffer.from(hex, 'hex')];
    lines.push(bytes.map((b) => WIN_ANSI_EXTRAS[b] ?? String.fromCharCode(b)).join(''));
  }
  return squash(lines.join(''));
}

/** The WinAnsi bytes that differ from Latin-1 (Node's TextDecoder treats windows-1252 as Latin-1). */
const WIN_ANSI_EXTRAS: Record<number, string> = {
  128: '€',
  133: '…',
  140: 'Œ',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  149: '•',
  150: '–',
  151: '—',
  156: 'œ',
};

export const squash = (text: string) => text.replace(/\s+/g, '');
