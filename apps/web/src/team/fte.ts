import type { Translate } from '../i18n/index.ts';

// ETP (équivalent temps plein): 1 for full time, 0,5 for half time. Typed with a comma or a point.

export function parseFte(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

/** A positive number; the server has the last word on the upper bound and the decimals. */
export function checkFte(text: string, t: Translate): string | undefined {
  const fte = parseFte(text);
  return fte === null || fte <= 0 ? t('validation.fte') : undefined;
}
