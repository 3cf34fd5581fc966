import { isIsoDate, isValidBce, normaliseBce, normalizePlaceName } from '@jobcoach/domain';

/**
 * Reading the cells of the files organisations upload (the vacancy import, the history import):
 * each reader returns a value, or a French explanation of what was expected. French spellings are
 * accepted alongside codes; comparisons are made on folded text (lower case, no accents).
 */

const folded = new Map<string, string>();

/** Lower case, accents and punctuation gone: "N° d'offre" → "n d offre". Remembered: cells repeat. */
export function fold(text: string): string {
  let out = folded.get(text);
  if (out === undefined) {
    out = normalizePlaceName(text).replace(/\bno\b/g, 'n');
    if (folded.size >= 10_000) folded.clear();
    folded.set(text, out);
  }
  return out;
}

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };
export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const bad = <T>(message: string): Read<T> => ({ ok: false, message });

export function readInteger(cell: string): Read<number> {
  const v = cell.replace(/\s/g, '');
  return /^\d{1,6}$/.test(v) ? ok(Number(v)) : bad(`nombre entier attendu, pas « ${cell} ».`);
}

export function readDecimal(cell: string): Read<number> {
  const v = cell.replace(/\s/g, '').replace(/h$/i, '').replace(',', '.');
  return /^\d{1,4}(\.\d+)?$/.test(v) ? ok(Number(v)) : bad(`nombre attendu, pas « ${cell} ».`);
}

const TRUE_WORDS = new Set([
  'oui',
  'yes',
  'true',
  'vrai',
  '1',
  'x',
  'o',
  'y',
  'requis',
  'exige',
  'indispensable',
]);
const FALSE_WORDS = new Set(['non', 'no', 'false', 'faux', '0', 'n', '']);

export function readBoolean(cell: string): Read<boolean> {
  const v = fold(cell);
  if (TRUE_WORDS.has(v) || /^permis b/.test(v) || v === 'b') return ok(true);
  if (FALSE_WORDS.has(v)) return ok(false);
  return bad(`oui ou non attendu, pas « ${cell} ».`);
}

/** "2024-03-05", "05/03/2024", "5-3-2024", "05.03.2024" → "2024-03-05". */
export function readDate(cell: string): Read<string> {
  const v = cell.trim();
  let iso: string | null = null;
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(v);
  const frMatch = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (isoMatch) iso = `${isoMatch[1]}-${isoMatch[2]}-${isoMatch[3]}`;
  else if (frMatch) iso = `${frMatch[3]}-${frMatch[2]!.padStart(2, '0')}-${frMatch[1]!.padStart(2, '0')}`;
  if (iso === null || !isIsoDate(iso))
    return bad(`date attendue (JJ/MM/AAAA ou AAAA-MM-JJ), pas « ${cell} ».`);
  return ok(iso);
}

export function readBce(cell: string): Read<string | null> {
  if (cell.trim() === '') return ok(null);
  return isValidBce(cell)
    ? ok(normaliseBce(cell))
    : bad(`numéro BCE invalide « ${cell} » (contrôle modulo 97).`);
}
