import { NACE_SECTION_LABELS, naceSection } from '@jobcoach/domain';

/** « 52.10 – Transports et entreposage » for a NACE-BEL code; '' when there is none. */
export function naceLabel(code: string | null | undefined): string {
  if (!code) return '';
  const section = naceSection(code);
  return section ? `${code} – ${NACE_SECTION_LABELS[section]}` : code;
}
