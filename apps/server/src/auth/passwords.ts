import { MIN_PASSWORD_LENGTH } from '@jobcoach/domain';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { passwordWeakness } from './password-policy.ts';

// argon2id (the library's default algorithm) with OWASP's recommended memory cost.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// Verifying against a real hash when the account does not exist keeps the timing alike.
let dummyHash: Promise<string> | undefined;
export async function burnVerification(password: string) {
  dummyHash ??= hashPassword('not-a-real-password-at-all');
  await verifyPassword(await dummyHash, password);
}

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `au moins ${MIN_PASSWORD_LENGTH} caractères.`)
  .max(200, 'au plus 200 caractères.')
  .superRefine((value, ctx) => {
    const weakness = passwordWeakness(value);
    if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
  });
