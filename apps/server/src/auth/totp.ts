import { Secret, TOTP } from 'otpauth';

/** RFC 6238 codes: 6 digits, 30-second steps, SHA-1 (what every authenticator app reads). */
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label: string) {
  return new TOTP({
    issuer: 'Jobcoach',
    label,
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: PERIOD,
  });
}

export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/**
 * The time step a code belongs to, when it is right for `now` give or take one step (clock
 * drift); null when wrong. Callers refuse a step already used, so a code works once.
 */
export function verifyTotp(secret: string, code: string, now: Date): number | null {
  const clean = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totp(secret, '').validate({ token: clean, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

export function totpCodeAt(secret: string, at: Date): string {
  return totp(secret, '').generate({ timestamp: at.getTime() });
}
