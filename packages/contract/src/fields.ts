import { naceSection } from '@jobcoach/domain';
import { z } from 'zod';
import { text } from './common.ts';

/** Field schemas shared by employers, vacancies and the vacancy import. */

/** "56.10", "5610", "56,10" → "56.10"; "i" → "I"; a NACE-BEL section letter or numeric code. */
export function normaliseNace(input: string): string | null {
  const v = input.trim().toUpperCase().replace(/\s+/g, '').replace(',', '.');
  if (/^[A-U]$/.test(v)) return v;
  const digits = /^\d{2,5}$/.test(v) ? v : /^\d{2}\.\d{1,3}$/.test(v) ? v.replace('.', '') : null;
  if (digits === null || naceSection(digits) === null) return null;
  return digits.length === 2 ? digits : `${digits.slice(0, 2)}.${digits.slice(2)}`;
}

export const naceSchema = text()
  .max(20, 'au plus 20 caractères.')
  .refine((v) => v.trim() === '' || normaliseNace(v) !== null, {
    message: 'code NACE-BEL invalide (une lettre de section A à U, ou un code comme 56 ou 56.10).',
  })
  .transform((v) => (v.trim() === '' ? null : normaliseNace(v)));

export const postcodeSchema = z
  .string('texte attendu.')
  .trim()
  .regex(/^(\d{4})?$/, 'code postal belge à 4 chiffres attendu.')
  .transform((v) => (v === '' ? null : v));

export const phoneSchema = z
  .string('texte attendu.')
  .trim()
  .max(30, 'au plus 30 caractères.')
  .regex(/^[0-9+ ./()-]*$/, 'chiffres, espaces et + . / ( ) - seulement.')
  .transform((v) => (v === '' ? null : v));

export const emailSchema = z
  .string('texte attendu.')
  .trim()
  .max(200, 'au plus 200 caractères.')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'adresse e-mail invalide.')
  .transform((v) => (v === '' ? null : v.toLowerCase()));

/** A query-string boolean: "true"/"1" or "false"/"0". */
export const queryBoolean = z
  .enum(['true', 'false', '1', '0'], 'true ou false attendu.')
  .transform((v) => v === 'true' || v === '1');

export const limitSchema = (fallback: number, max: number) =>
  z.coerce
    .number('nombre attendu.')
    .int('nombre entier attendu.')
    .min(1, 'au moins 1.')
    .max(max, `au plus ${max}.`)
    .default(fallback);

export const offsetSchema = z.coerce
  .number('nombre attendu.')
  .int('nombre entier attendu.')
  .min(0, 'nombre positif attendu.')
  .max(1_000_000, 'au plus 1 000 000.')
  .default(0);
