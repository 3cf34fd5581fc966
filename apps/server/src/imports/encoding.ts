/**
 * The text of an uploaded CSV file, whatever the spreadsheet saved it as: UTF-8 with or without a
 * byte order mark (Excel's « CSV UTF-8 »), Windows-1252 (Excel's plain « CSV » on a Belgian or
 * French Windows) or ISO-8859-1 (older tools). Bytes that are valid UTF-8 are read as UTF-8; the
 * others are one byte per character. Windows-1252 and ISO-8859-1 give the same letters from 0xA0
 * up (é, è, à, ç…) and differ on 0x80–0x9F, where Windows-1252 has €, ’, œ, « … » quotes and
 * ISO-8859-1 has only control characters: a file with none of those bytes reads the same either
 * way and is reported as Windows-1252 (what Excel writes); one with a byte Windows-1252 leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) is ISO-8859-1.
 */

export const TEXT_ENCODINGS = ['utf-8-bom', 'utf-8', 'windows-1252', 'iso-8859-1'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** As the preview shows it. */
export const ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8-bom': 'UTF-8 (avec BOM)',
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO-8859-1',
};

const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Windows-1252's 0x80–0x9F (by hand: a Node built without full ICU decodes it as Latin-1). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x4000) {
    const chunk = bytes.subarray(i, i + 0x4000);
    out += String.fromCharCode(...chunk).replace(
      /[\u0080-\u009f]/g,
      (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!,
    );
  }
  return out;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a one-byte encoding.
  }
  let latin1 = false;
  for (const b of bytes) {
    if (UNDEFINED_IN_1252.has(b)) {
      latin1 = true;
      break;
    }
  }
  if (latin1) return { text: Buffer.from(bytes).toString('latin1'), encoding: 'iso-8859-1' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}
