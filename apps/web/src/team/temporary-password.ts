// Letters and digits that cannot be mistaken for one another when read aloud or copied by hand
// (no 0/O/o, 1/l/I).
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
export const TEMPORARY_PASSWORD_LENGTH = 16;

/** A random password from the browser's cryptographic generator, without modulo bias. */
export function generateTemporaryPassword(length = TEMPORARY_PASSWORD_LENGTH): string {
  const limit = 256 - (256 % ALPHABET.length);
  let password = '';
  while (password.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && password.length < length) password += ALPHABET[byte % ALPHABET.length];
    }
  }
  return password;
}
