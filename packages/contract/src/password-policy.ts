import { COMMON_PASSWORDS } from './common-passwords.ts';

const COMMON = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

/**
 * Why a password that is long enough is still refused, in French; null when it is acceptable.
 * Refused: a password from the shipped list of common ones, a single repeated character, and a
 * password built on the user's own e-mail address.
 */
export function passwordWeakness(password: string, email?: string): string | null {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'ce mot de passe est trop courant : choisissez-en un autre.';
  if (/^(.)\1+$/.test(password)) return 'un seul caractère répété ne fait pas un mot de passe.';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) {
    return 'le mot de passe ne doit pas reprendre votre adresse e-mail.';
  }
  return null;
}
