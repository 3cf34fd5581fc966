/**
 * Belgian enterprise number (numéro d'entreprise BCE / KBO): 10 digits, the first 0 or 1,
 * the last two digits are 97 minus the first eight modulo 97.
 * Accepts the usual spellings: "0123.456.749", "BE 0123 456 749", "123456749" (9-digit legacy form).
 */
export function normaliseBce(input: string): string | null {
  const digits = input.replace(/^\s*BE/i, '').replace(/[\s.\-/]/g, '');
  if (!/^\d{9,10}$/.test(digits)) return null;
  return digits.length === 9 ? `0${digits}` : digits;
}

export function isValidBce(input: string): boolean {
  const n = normaliseBce(input);
  if (n === null || (n[0] !== '0' && n[0] !== '1')) return false;
  const base = Number(n.slice(0, 8));
  const check = Number(n.slice(8));
  return 97 - (base % 97) === check;
}

/** "0123456749" → "0123.456.749" */
export function formatBce(input: string): string {
  const n = normaliseBce(input) ?? input;
  return `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`;
}
