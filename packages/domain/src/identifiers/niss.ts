import { type IsoDate, parseIsoDate } from '../calendar.ts';

/**
 * Belgian national number (numéro de registre national / NISS, rijksregisternummer):
 * 11 digits YYMMDD SSS CC. CC = 97 − (the first nine digits mod 97); for persons born from 2000 on
 * the check is computed on "2" followed by the first nine digits. The two checks never agree, so the
 * check digits also tell the century.
 * Month 00 or day 00 stand for an unknown birth date; bis numbers (numéros bis, attributed by the
 * Banque-Carrefour) add 20 or 40 to the month.
 * Accepts the usual spellings: "85.07.30-033.28", "85073003328", "850730 033 28".
 */
export function normaliseNiss(input: string): string | null {
  const digits = input.replace(/[\s.\-/]/g, '');
  return /^\d{11}$/.test(digits) ? digits : null;
}

type Century = 1900 | 2000;

/** The century the check digits point to, or null when neither check holds. */
function nissCentury(n: string): Century | null {
  const base = n.slice(0, 9);
  const check = Number(n.slice(9));
  if (97 - (Number(base) % 97) === check) return 1900;
  if (97 - (Number(`2${base}`) % 97) === check) return 2000;
  return null;
}

/** Month as written, bis offsets included: 0–12 regular, 20–32 and 40–52 bis. */
function hasPlausibleMonthAndDay(n: string): boolean {
  const month = Number(n.slice(2, 4));
  const day = Number(n.slice(4, 6));
  return month <= 52 && month % 20 <= 12 && day <= 31;
}

export function isValidNiss(input: string): boolean {
  const n = normaliseNiss(input);
  return n !== null && hasPlausibleMonthAndDay(n) && nissCentury(n) !== null;
}

/** True for a valid bis number (month increased by 20 or 40). */
export function isBisNiss(input: string): boolean {
  const n = normaliseNiss(input);
  return n !== null && isValidNiss(n) && Number(n.slice(2, 4)) >= 20;
}

/** "85073003328" → "85.07.30-033.28" (left unchanged when it is not 11 digits). */
export function formatNiss(input: string): string {
  const n = normaliseNiss(input);
  if (n === null) return input;
  return `${n.slice(0, 2)}.${n.slice(2, 4)}.${n.slice(4, 6)}-${n.slice(6, 9)}.${n.slice(9)}`;
}

/**
 * The birth date a valid number encodes: "85.07.30-033.28" → "1985-07-30",
 * "02.03.15-123.04" → "2002-03-15". Null for an invalid number, an unknown month or day (00),
 * a bis number, or a month/day that is not a real calendar day.
 */
export function nissBirthDate(input: string): IsoDate | null {
  const n = normaliseNiss(input);
  if (n === null || !hasPlausibleMonthAndDay(n)) return null;
  const century = nissCentury(n);
  if (century === null) return null;
  const iso = `${century + Number(n.slice(0, 2))}-${n.slice(2, 4)}-${n.slice(4, 6)}`;
  return parseIsoDate(iso) ? iso : null;
}
