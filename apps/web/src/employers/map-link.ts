import type { EmployerFile } from '@jobcoach/contract';

/** The employer's address on one line (street, postcode and commune), or null without any. */
export function addressLine(employer: Pick<EmployerFile, 'address' | 'postcode' | 'commune'>): string | null {
  const place = [employer.postcode, employer.commune].filter(Boolean).join(' ');
  const line = [employer.address, place].filter(Boolean).join(', ');
  return line === '' ? null : line;
}

/** An OpenStreetMap search for the address (no key, no tracking script, opens in any browser). */
export function mapUrl(line: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${line}, Belgique`)}`;
}
