import { naceSection } from '@jobcoach/domain';
import type { Translate } from '../i18n/index.ts';

/** « 52.10 – Transports et entreposage » for a NACE-BEL code, in the reader's language; '' when there is none. */
export function naceLabel(code: string | null | undefined, t: Translate): string {
  if (!code) return '';
  const section = naceSection(code);
  return section ? `${code} – ${t(`naceSection.${section}`)}` : code;
}
