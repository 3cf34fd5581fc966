import { describe, expect, it } from 'vitest';
import { passwordSchema } from '../src/auth.ts';
import { passwordWeakness } from '../src/password-policy.ts';

describe('password policy', () => {
  it('refuses passwords from the shipped list of common ones, whatever their case', () => {
    expect(passwordWeakness('motdepasse123')).toMatch(/trop courant/);
    expect(passwordWeakness('AZERTYUIOP123')).toMatch(/trop courant/);
    expect(passwordSchema.safeParse('Password1234').success).toBe(false);
  });
  it('refuses one repeated character and a password built on the e-mail address', () => {
    expect(passwordWeakness('zzzzzzzzzzzzzz')).toMatch(/répété/);
    expect(passwordWeakness('martine.lejeune2026', 'martine.lejeune@edit.be')).toMatch(/adresse e-mail/);
  });
  it('accepts a long passphrase', () => {
    expect(passwordWeakness('le chat dort sur la chaise', 'a@b.be')).toBeNull();
    expect(passwordSchema.safeParse('le chat dort sur la chaise').success).toBe(true);
  });
  it('refuses fewer than 12 characters', () => {
    expect(passwordSchema.safeParse('court-court').success).toBe(false);
  });
});
